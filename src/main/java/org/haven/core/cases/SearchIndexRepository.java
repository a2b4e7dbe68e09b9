package org.haven.core.cases;

import static org.haven.core.db.jooq.Tables.APP_SETTING;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SEARCH_PREFIX;
import static org.haven.core.db.jooq.Tables.SEARCH_TOKEN;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.haven.core.db.Database;
import org.haven.core.people.Person;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * The search index's rows (ADR 14): search_token, search_prefix, the name sort keys copied onto
 * case_file, and the V8 rebuild flag. {@link SearchIndex} decides which tokens and prefixes.
 */
final class SearchIndexRepository {
    /** A search token of a person. */
    record Token(String token, UUID personId) {}

    /** A prefix a case is found by. */
    record Prefix(String prefix, String caseNumber) {}

    private SearchIndexRepository() {}

    /** Inserts the tokens as one batch, in the order given. */
    static void insertTokens(DSLContext tx, List<Token> tokens) {
        var insert = tx.batch(tx.insertInto(SEARCH_TOKEN, SEARCH_TOKEN.TOKEN, SEARCH_TOKEN.PERSON_ID).values((String) null, null));
        for (Token t : tokens) insert.bind(t.token(), t.personId());
        insert.execute();
    }

    /** Inserts the prefixes as one batch, in the order given. */
    static void insertPrefixes(DSLContext tx, List<Prefix> prefixes) {
        var insert = tx.batch(tx.insertInto(SEARCH_PREFIX, SEARCH_PREFIX.PREFIX, SEARCH_PREFIX.CASE_NUMBER).values((String) null, null));
        for (Prefix x : prefixes) insert.bind(x.prefix(), x.caseNumber());
        insert.execute();
    }

    /** The people's Latin names and nationalities onto their cases (the list's sort keys), as one batch in the order given. */
    static void setSortKeys(DSLContext tx, List<Person> people) {
        var sortKeys = tx.batch(tx.update(CASE_FILE).set(CASE_FILE.PERSON_NAME, (String) null).set(CASE_FILE.PERSON_NATIONALITY, (String) null)
                .where(CASE_FILE.PERSON_ID.eq((UUID) null)));
        for (Person p : people) sortKeys.bind(p.nameLatin(), p.nationality(), p.id());
        sortKeys.execute();
    }

    /** The year each person row was created (null when unknown). */
    static Map<UUID, Integer> createdYears(DSLContext tx, Collection<UUID> personIds) {
        Map<UUID, Integer> createdYear = new java.util.HashMap<>();
        for (var r : tx.select(PERSON.ID, PERSON.CREATED_AT).from(PERSON).where(PERSON.ID.in(personIds)).fetch()) {
            createdYear.put(r.value1(), r.value2() == null ? null : r.value2().getYear());
        }
        return createdYear;
    }

    /** The person's Latin name and nationality, copied onto their cases for the list's sorted indexes. */
    static void copySortKeys(DSLContext tx, UUID personId) {
        var person = tx.select(PERSON.NAME_LATIN, PERSON.NATIONALITY).from(PERSON).where(PERSON.ID.eq(personId)).fetchOne();
        if (person == null) return;
        tx.update(CASE_FILE).set(CASE_FILE.PERSON_NAME, person.value1()).set(CASE_FILE.PERSON_NATIONALITY, person.value2())
                .where(CASE_FILE.PERSON_ID.eq(personId))
                .and(CASE_FILE.PERSON_NAME.isDistinctFrom(person.value1()).or(CASE_FILE.PERSON_NATIONALITY.isDistinctFrom(person.value2())))
                .execute();
    }

    /** Makes each case's prefixes exactly {@code prefixes}, writing only the difference. */
    static void replacePrefixes(DSLContext tx, Collection<String> caseNumbers, Set<String> prefixes) {
        if (caseNumbers.isEmpty()) return;
        Map<String, List<String>> old = tx.select(SEARCH_PREFIX.CASE_NUMBER, SEARCH_PREFIX.PREFIX).from(SEARCH_PREFIX)
                .where(SEARCH_PREFIX.CASE_NUMBER.in(caseNumbers)).fetchGroups(SEARCH_PREFIX.CASE_NUMBER, SEARCH_PREFIX.PREFIX);
        List<Condition> gone = new ArrayList<>();
        var insert = tx.insertInto(SEARCH_PREFIX, SEARCH_PREFIX.PREFIX, SEARCH_PREFIX.CASE_NUMBER);
        boolean any = false;
        for (String caseNumber : caseNumbers) {
            Set<String> had = new HashSet<>(old.getOrDefault(caseNumber, List.of()));
            List<String> removed = had.stream().filter(p -> !prefixes.contains(p)).toList();
            if (!removed.isEmpty()) gone.add(SEARCH_PREFIX.CASE_NUMBER.eq(caseNumber).and(SEARCH_PREFIX.PREFIX.in(removed)));
            for (String prefix : prefixes) {
                if (had.contains(prefix)) continue;
                insert = insert.values(prefix, caseNumber);
                any = true;
            }
        }
        if (!gone.isEmpty()) tx.deleteFrom(SEARCH_PREFIX).where(DSL.or(gone)).execute();
        if (any) insert.execute();
    }

    static boolean rebuildPending(DSLContext tx, String flag) {
        return tx.fetchExists(APP_SETTING, APP_SETTING.SETTING_KEY.eq(flag));
    }

    static int clearRebuildFlag(DSLContext tx, String flag) {
        return tx.deleteFrom(APP_SETTING).where(APP_SETTING.SETTING_KEY.eq(flag)).execute();
    }

    /**
     * Rewrites the prefixes of the cases of the next people after {@code after} (null: from the
     * start; ids are compared by the database, in its order), at most {@code chunk} cases and all
     * of the last person's; returns the last person id, or null.
     */
    static UUID rebuildChunk(DSLContext tx, UUID after, int chunk) {
        Condition afterTokens = after == null ? DSL.trueCondition() : SEARCH_TOKEN.PERSON_ID.gt(after);
        Condition afterCases = after == null ? DSL.trueCondition() : CASE_FILE.PERSON_ID.gt(after);
        List<Record2<UUID, String>> cases = tx.select(CASE_FILE.PERSON_ID, CASE_FILE.CASE_NUMBER).from(CASE_FILE)
                .where(afterCases).orderBy(CASE_FILE.PERSON_ID).limit(chunk).fetch();
        if (cases.isEmpty()) return null;
        UUID last = cases.get(cases.size() - 1).value1();
        // the limit may cut a person's cases in two: take all of the last person's cases too
        Map<UUID, List<String>> tokens = tx.select(SEARCH_TOKEN.PERSON_ID, SEARCH_TOKEN.TOKEN).from(SEARCH_TOKEN)
                .where(afterTokens).and(SEARCH_TOKEN.PERSON_ID.le(last))
                .fetchGroups(SEARCH_TOKEN.PERSON_ID, SEARCH_TOKEN.TOKEN);
        Map<UUID, List<String>> numbers = tx.select(CASE_FILE.PERSON_ID, CASE_FILE.CASE_NUMBER).from(CASE_FILE)
                .where(afterCases).and(CASE_FILE.PERSON_ID.le(last))
                .fetchGroups(CASE_FILE.PERSON_ID, CASE_FILE.CASE_NUMBER);
        List<String> allNumbers = numbers.values().stream().flatMap(List::stream).toList();
        tx.deleteFrom(SEARCH_PREFIX).where(SEARCH_PREFIX.CASE_NUMBER.in(allNumbers)).execute();
        var batch = tx.batch(tx.insertInto(SEARCH_PREFIX, SEARCH_PREFIX.PREFIX, SEARCH_PREFIX.CASE_NUMBER).values((String) null, null));
        boolean any = false;
        for (Map.Entry<UUID, List<String>> person : numbers.entrySet()) {
            Set<String> prefixes = SearchIndex.prefixes(tokens.getOrDefault(person.getKey(), List.of()));
            for (String caseNumber : person.getValue()) {
                for (String prefix : prefixes) {
                    batch.bind(prefix, caseNumber);
                    any = true;
                }
            }
        }
        if (any) batch.execute();
        return last;
    }
}
