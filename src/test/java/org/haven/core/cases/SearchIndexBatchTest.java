package org.haven.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.MATCH_KEY;
import static org.haven.core.db.jooq.Tables.MATCH_NAME;
import static org.haven.core.db.jooq.Tables.SEARCH_PREFIX;
import static org.haven.core.db.jooq.Tables.SEARCH_TOKEN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.testing.DatabaseTest;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 9: an import writes its people's search and match index rows in batches, sorted
 * (less rewriting of index pages, a smaller file). The rows must be exactly those that indexing the
 * people one by one writes: after the batches, indexing each person again changes nothing, and the
 * imported people are found by the list's search and by duplicate lookups.
 */
class SearchIndexBatchTest extends DatabaseTest {
    private static final String[][] NAMES = {
            {"Nguyen Thi Lan", "Nguyễn Thị Lan", "VN"}, {"Sok Dara", "សុខ ដារ៉ា", "KH"}, {"Wang Wei", "王伟", "CN"},
            {"Somchai Wongsakul", "สมชาย วงศ์สกุล", "TH"}, {"Budi Santoso", null, "ID"}, {"Aung Min", "အောင်မင်း", "MM"},
            {"Tran Van Nam", "Trần Văn Nam", "VN"}};

    @Test
    void batchedIndexRowsAreThoseOfOneByOneIndexing() {
        List<UUID> people = new ArrayList<>();
        haven.database().inTransactionRun(tx -> {
            SearchIndex.Batch batch = new SearchIndex.Batch(tx, 4); // several batches and a partial one
            for (int i = 0; i < 17; i++) {
                String[] n = NAMES[i % NAMES.length];
                Person p = Person.draft(n[1], n[0] + " " + i, i % 2 == 0 ? Sex.FEMALE : Sex.MALE, i % 3 == 0 ? LocalDate.of(1990, 1, 1 + i) : null,
                        i % 3 == 0 ? null : 20 + i, n[2], null, false, DocumentStatus.UNKNOWN, null);
                if (i % 5 == 0) p = withAliases(p, "Alias" + i);
                people.add(haven.cases().registerIn(tx, TestCases.newCase(p), LocalDate.now(), batch).personId());
            }
            batch.flush();
        });
        Set<String> batched = snapshot(haven.database().dsl());
        haven.database().inTransactionRun(tx -> people.forEach(id -> SearchIndex.reindex(tx, id)));
        assertThat(snapshot(haven.database().dsl())).isEqualTo(batched);
        assertThat(batched).anyMatch(r -> r.startsWith("search_prefix") && r.contains("ngu"));

        assertThat(haven.cases().search(CaseQuery.text("wang", 50))).hasSize(3);
        assertThat(haven.cases().search(CaseQuery.text("សុខ", 50))).hasSize(3);
        assertThat(haven.matching().find(org.haven.core.matching.MatchQuery.byName("Aung Min 5", null, 25, "MM"), 5)).isNotEmpty();
    }

    /**
     * A large import in parts writes its whole index after the parts (SearchIndex.Deferred), sorted over
     * the whole import and in several commits: the same rows as indexing each person at once, every
     * prefix of a person once (two tokens with one first letter share short prefixes).
     */
    @Test
    void deferredIndexRowsOfAWholeImportAreThoseOfOneByOneIndexing() {
        List<UUID> people = new ArrayList<>();
        SearchIndex.Deferred deferred = new SearchIndex.Deferred();
        for (int part = 0; part < 3; part++) {
            int first = part * 6;
            haven.database().inTransactionRun(tx -> {
                for (int i = first; i < first + 6; i++) {
                    String[] n = NAMES[i % NAMES.length];
                    Person p = Person.draft(n[1], n[0] + " " + i, i % 2 == 0 ? Sex.FEMALE : Sex.MALE, i % 3 == 0 ? LocalDate.of(1990, 1, 1 + i) : null,
                            i % 3 == 0 ? null : 20 + i, n[2], null, false, DocumentStatus.UNKNOWN, null);
                    if (i % 5 == 0) p = withAliases(p, "Alias" + i + " Nam");
                    people.add(haven.cases().registerIn(tx, TestCases.newCase(p), LocalDate.now(), deferred).personId());
                }
            });
        }
        assertThat(haven.cases().search(CaseQuery.text("wang", 50))).as("not indexed before the write").isEmpty();
        int[] commits = {0};
        deferred.write(haven.database(), 7, () -> commits[0]++);
        assertThat(commits[0]).as("several commits of 7 rows").isGreaterThan(10);
        Set<String> deferredRows = snapshot(haven.database().dsl());
        haven.database().inTransactionRun(tx -> people.forEach(id -> SearchIndex.reindex(tx, id)));
        assertThat(snapshot(haven.database().dsl())).isEqualTo(deferredRows);
        assertThat(deferredRows).anyMatch(r -> r.startsWith("search_prefix") && r.contains("ngu"));

        assertThat(haven.cases().search(CaseQuery.text("wang", 50))).hasSize(3);
        assertThat(haven.cases().search(CaseQuery.text("សុខ", 50))).hasSize(3);
        assertThat(haven.matching().find(org.haven.core.matching.MatchQuery.byName("Aung Min 5", null, 25, "MM"), 5)).isNotEmpty();
    }

    private static Person withAliases(Person p, String aliases) {
        return new Person(p.id(), p.nameNative(), p.nameLatin(), aliases, p.sex(), p.birthDate(), p.estimatedAge(), p.nationality(),
                p.languages(), p.interpreterNeeded(), p.documentStatus(), p.documentNumber(), p.familyContact(), p.notes(), p.version());
    }

    /** Every index row, as text, in a set. */
    private static Set<String> snapshot(DSLContext dsl) {
        Set<String> rows = new TreeSet<>();
        for (Table<?> t : List.of(SEARCH_TOKEN, SEARCH_PREFIX, MATCH_NAME, MATCH_KEY)) {
            dsl.selectFrom(t).fetch().forEach(r -> rows.add(t.getName().toLowerCase() + " " + r.formatCSV(false)));
        }
        dsl.select(CASE_FILE.CASE_NUMBER, CASE_FILE.PERSON_NAME, CASE_FILE.PERSON_NATIONALITY).from(CASE_FILE)
                .fetch().forEach(r -> rows.add("case_file " + r.formatCSV(false)));
        return rows;
    }

    /** A new case without operation. */
    static final class TestCases {
        static NewCase newCase(Person p) {
            return new NewCase(p, null, null, null, null);
        }
    }
}
