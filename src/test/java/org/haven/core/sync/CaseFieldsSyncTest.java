package org.haven.core.sync;

import static org.haven.core.sync.SyncTesting.PASSWORD;
import static org.haven.core.sync.SyncTesting.login;
import static org.haven.core.sync.SyncTesting.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.CASE_FILE;

import java.nio.file.Path;
import java.util.List;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.LegalRole;
import org.haven.core.db.jooq.tables.records.CaseFileRecord;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case's fields travel as person fields do (real PostgreSQL behind a real `haven serve`): a status
 * move on one laptop and a legal role on the other merge; the same case assigned to two different
 * caseworkers while apart gives one conflict; its resolution reaches both laptops.
 */
class CaseFieldsSyncTest {
    static final String BOSS = "boss";
    static final String DANA = "dana";
    @TempDir Path dir;

    @Test
    void caseMovesMergeTheSameFieldConflictsAndTheResolutionConverges() throws Exception {
        TestOffice office = TestOffice.in(dir);
        CaseFile shared;
        try (Haven h = office.create(BOSS)) {
            TestOffice.addUser(h, DANA, "Dana Sok", Role.COORDINATOR);
            TestOffice.addUser(h, "carla", "Carla Reyes", Role.CASEWORKER);
            TestOffice.addUser(h, "eve", "Eve Tan", Role.CASEWORKER);
            shared = h.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham", null)));
            // Both caseworkers are named by a case, so both laptops know them from the snapshot.
            CaseFile other = h.cases().register(TestHaven.newCase(TestHaven.person("Mai Tran", null)));
            CaseFile third = h.cases().register(TestHaven.newCase(TestHaven.person("Hoa Le", null)));
            h.cases().assignByNumber(List.of(other.caseNumber()), "carla");
            h.cases().assignByNumber(List.of(third.caseNumber()), "eve");
        }
        try (SyncServer server = office.serve()) {
            Path a = office.join("laptop-a", BOSS);
            Path b = office.join("laptop-b", DANA);

            try (Haven boss = login(a, BOSS)) {
                CaseFile c = boss.cases().open(shared.id()).caseFile();
                boss.cases().move(c.id(), c.version(), CaseStatus.SCREENING, null, null, null);
                boss.cases().assignByNumber(List.of(shared.caseNumber()), "carla");
            }
            try (Haven dana = login(b, DANA)) {
                CaseFile c = dana.cases().open(shared.id()).caseFile();
                dana.cases().setLegalRole(c.id(), c.version(), LegalRole.WITNESS);
                dana.cases().assignByNumber(List.of(shared.caseNumber()), "eve");
            }
            assertThat(sync(a, BOSS).conflicts()).isZero();
            assertThat(sync(b, DANA).conflicts()).as("assigned to two caseworkers while apart").isEqualTo(1);
            sync(a, BOSS);

            for (Path laptop : List.of(a, b)) {
                CaseFileRecord c = caseRow(laptop, laptop == a ? BOSS : DANA, shared);
                assertThat(c.getStatus()).as("the status move merged").isEqualTo(CaseStatus.SCREENING);
                assertThat(c.getLegalRole()).as("the legal role merged").isEqualTo(LegalRole.WITNESS);
                assertThat(username(laptop, laptop == a ? BOSS : DANA, c)).as("the office kept the first assignment").isEqualTo("carla");
            }

            try (Haven h = office.login(BOSS)) {
                Conflicts conflicts = new Conflicts(h.database(), h.session());
                List<Conflicts.Open> open = conflicts.open();
                assertThat(open).singleElement().satisfies(o -> {
                    assertThat(o.field()).isEqualTo("assigned_to");
                    assertThat(o.caseNumber()).isEqualTo(shared.caseNumber());
                });
                conflicts.resolve(open.getFirst().id(), Conflicts.Keep.LAPTOP);
                assertThat(conflicts.open()).isEmpty();
            }
            sync(a, BOSS);
            sync(b, DANA);
            assertThat(username(a, BOSS, caseRow(a, BOSS, shared))).isEqualTo("eve");
            assertThat(username(b, DANA, caseRow(b, DANA, shared))).isEqualTo("eve");
        }
    }

    private static CaseFileRecord caseRow(Path home, String user, CaseFile c) {
        try (Haven h = login(home, user)) {
            return h.database().dsl().selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(c.id())).fetchSingle();
        }
    }

    private static String username(Path home, String user, CaseFileRecord c) {
        try (Haven h = login(home, user)) {
            return h.database().dsl().select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(c.getAssignedTo())).fetchOne(APP_USER.USERNAME);
        }
    }
}
