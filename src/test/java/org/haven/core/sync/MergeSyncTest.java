package org.haven.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.MATCH_KEY;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SEARCH_TOKEN;
import static org.haven.core.sync.SyncTesting.PASSWORD;
import static org.haven.core.sync.SyncTesting.login;
import static org.haven.core.sync.SyncTesting.sync;

import java.nio.file.Path;
import java.util.List;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merge of two records of one person travels (a real PostgreSQL behind a real `haven serve`):
 * merged on a coordinator's laptop, the office and a caseworker's laptop end with one record holding
 * both cases, and the merged-away record leaves no row, search token or duplicate key anywhere; merged
 * at the office, the laptops follow. A caseworker who held only the merged-away record's case gets the
 * kept record.
 */
class MergeSyncTest {
    static final String BOSS = "boss";
    static final String CARLA = "carla";
    @TempDir Path dir;

    @Test
    void aMergeOnACoordinatorsLaptopReachesTheOfficeAndTheOtherLaptops() throws Exception {
        TestOffice office = TestOffice.in(dir);
        CaseFile keep;
        CaseFile other;
        try (Haven h = office.create(BOSS)) {
            TestOffice.addUser(h, CARLA, "Carla Reyes", Role.CASEWORKER);
            keep = h.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham", null)));
            other = h.cases().register(TestHaven.newCase(TestHaven.person("Pham Thi Lan", "Phạm Thị Lan")));
            h.cases().assignByNumber(List.of(other.caseNumber()), CARLA); // Carla sees only the record merged away
        }
        try (SyncServer server = office.serve()) {
            Path a = office.join("laptop-a", BOSS);
            Path c = dir.resolve("laptop-c");
            assertThat(office.joinCounting(c, CARLA)).isEqualTo(1);

            try (Haven boss = login(a, BOSS)) {
                boss.matching().merge(keep.personId(), other.personId());
            }
            assertThat(sync(a, BOSS).conflicts()).isZero();
            sync(c, CARLA);

            try (Haven h = office.login(BOSS)) {
                assertMerged(h.database().dsl(), keep, other, 2);
                assertThat(names(h, "Phạm")).as("the other record's native name is now the kept record's alias")
                        .containsExactly(keep.caseNumber(), other.caseNumber());
            }
            try (Haven boss = login(a, BOSS)) {
                assertMerged(boss.database().dsl(), keep, other, 2);
            }
            try (Haven carla = login(c, CARLA)) {
                assertMerged(carla.database().dsl(), keep, other, 1);
                assertThat(carla.database().dsl().fetchExists(CASE_FILE, CASE_FILE.ID.eq(keep.id())))
                        .as("the kept record's own case is not hers").isFalse();
                assertThat(names(carla, "Lan Pham")).as("her case, found under the kept record's name").containsExactly(other.caseNumber());
            }
        }
    }

    @Test
    void aMergeAtTheOfficeReachesTheLaptopsAndALaptopsMergeOfNewRecordsReachesTheOffice() throws Exception {
        TestOffice office = TestOffice.in(dir);
        CaseFile keep;
        CaseFile other;
        try (Haven h = office.create(BOSS)) {
            TestOffice.addUser(h, CARLA, "Carla Reyes", Role.CASEWORKER);
            keep = h.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", null)));
            other = h.cases().register(TestHaven.newCase(TestHaven.person("Dara Sok", null)));
            h.cases().assignByNumber(List.of(other.caseNumber()), CARLA);
        }
        try (SyncServer server = office.serve()) {
            Path a = office.join("laptop-a", BOSS);
            Path c = office.join("laptop-c", CARLA);
            try (Haven h = office.login(BOSS)) {
                h.matching().merge(keep.personId(), other.personId());
            }
            sync(a, BOSS);
            sync(c, CARLA);
            try (Haven boss = login(a, BOSS)) {
                assertMerged(boss.database().dsl(), keep, other, 2);
            }
            try (Haven carla = login(c, CARLA)) {
                assertMerged(carla.database().dsl(), keep, other, 1);
            }

            // Registered on the laptop at a raid and merged there before any sync: the office never keeps the second record.
            CaseFile first;
            CaseFile second;
            try (Haven boss = login(a, BOSS)) {
                first = boss.cases().register(TestHaven.newCase(TestHaven.person("Mai Tran", null)));
                second = boss.cases().register(TestHaven.newCase(TestHaven.person("Tran Mai", null)));
                boss.matching().merge(first.personId(), second.personId());
            }
            sync(a, BOSS);
            try (Haven h = office.login(BOSS)) {
                assertMerged(h.database().dsl(), first, second, 2);
            }
            assertThat(SyncTesting.outbox(a, BOSS)).as("everything answered").isZero();
        }
    }

    /** One record holds the cases ({@code cases} of them here); the merged-away record left no trace. */
    private static void assertMerged(DSLContext dsl, CaseFile keep, CaseFile other, int cases) {
        assertThat(dsl.fetchExists(PERSON, PERSON.ID.eq(other.personId()))).as("the merged-away record is gone").isFalse();
        assertThat(dsl.fetchExists(SEARCH_TOKEN, SEARCH_TOKEN.PERSON_ID.eq(other.personId()))).isFalse();
        assertThat(dsl.fetchExists(MATCH_KEY, MATCH_KEY.PERSON_ID.eq(other.personId()))).isFalse();
        assertThat(dsl.fetchExists(PERSON, PERSON.ID.eq(keep.personId()))).isTrue();
        assertThat(dsl.fetchCount(CASE_FILE, CASE_FILE.PERSON_ID.eq(keep.personId()))).isEqualTo(cases);
        assertThat(dsl.select(CASE_FILE.PERSON_ID).from(CASE_FILE).where(CASE_FILE.ID.eq(other.id())).fetchOne(CASE_FILE.PERSON_ID))
                .as("the other record's case now belongs to the kept record").isEqualTo(keep.personId());
    }

    private static List<String> names(Haven h, String text) {
        return h.cases().search(CaseQuery.text(text, 50)).stream().map(CaseListItem::caseNumber).sorted().toList();
    }
}
