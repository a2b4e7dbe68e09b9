package org.haven.core.sync;

import static org.haven.core.sync.SyncTesting.PASSWORD;
import static org.haven.core.sync.SyncTesting.login;
import static org.haven.core.sync.SyncTesting.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.MethodOfControl;
import org.haven.core.cases.RecruiterRelation;
import org.haven.core.cases.TraffickingDetails;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case's trafficking details (the "Trafficking details" tab) travel as fields of the case, on a real
 * PostgreSQL behind a real `haven serve`: details recorded on one laptop reach the office and the other
 * laptop; the same detail changed on two laptops while apart is one conflict, the other details merge;
 * resolving it brings every device to the same details; clearing them all leaves no row anywhere.
 */
class TraffickingDetailsSyncTest {
    static final String BOSS = "boss";
    static final String DANA = "dana";
    @TempDir Path dir;

    @Test
    void detailsTravelMergeConflictAndConverge() throws Exception {
        TestOffice office = TestOffice.in(dir);
        CaseFile shared;
        try (Haven h = office.create(BOSS)) {
            TestOffice.addUser(h, DANA, "Dana Sok", Role.COORDINATOR);
            shared = h.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham", null)));
        }
        try (SyncServer server = office.serve()) {
            Path a = office.join("laptop-a", BOSS);
            Path b = office.join("laptop-b", DANA);

            // Recorded offline on laptop A, then synced everywhere.
            try (Haven boss = login(a, BOSS)) {
                boss.cases().saveTraffickingDetails(new TraffickingDetails(shared.id(), "MM",
                        EnumSet.of(RecruiterRelation.FRIEND), EnumSet.of(MethodOfControl.DEBT_BONDAGE)));
            }
            assertThat(sync(a, BOSS).pushed()).isEqualTo(3);
            sync(b, DANA);
            for (Haven h : devices(office, a, b)) {
                try (h) {
                    TraffickingDetails d = h.cases().traffickingDetails(shared.id());
                    assertThat(d.countryOfExploitation()).isEqualTo("MM");
                    assertThat(d.recruiterRelations()).containsExactly(RecruiterRelation.FRIEND);
                    assertThat(d.methodsOfControl()).containsExactly(MethodOfControl.DEBT_BONDAGE);
                }
            }

            // Apart: both change the country; only B changes the methods of control.
            try (Haven boss = login(a, BOSS)) {
                boss.cases().saveTraffickingDetails(new TraffickingDetails(shared.id(), "KH",
                        EnumSet.of(RecruiterRelation.FRIEND), EnumSet.of(MethodOfControl.DEBT_BONDAGE)));
            }
            try (Haven dana = login(b, DANA)) {
                dana.cases().saveTraffickingDetails(new TraffickingDetails(shared.id(), "LA",
                        EnumSet.of(RecruiterRelation.FRIEND), EnumSet.of(MethodOfControl.DEBT_BONDAGE, MethodOfControl.THREATS)));
            }
            assertThat(sync(a, BOSS).conflicts()).isZero();
            assertThat(sync(b, DANA).conflicts()).as("the same detail changed on two laptops").isEqualTo(1);
            sync(a, BOSS);
            for (Haven h : devices(office, a, b)) {
                try (h) {
                    TraffickingDetails d = h.cases().traffickingDetails(shared.id());
                    assertThat(d.countryOfExploitation()).as("the office kept the first").isEqualTo("KH");
                    assertThat(d.methodsOfControl()).as("the other detail merged")
                            .containsExactlyInAnyOrder(MethodOfControl.DEBT_BONDAGE, MethodOfControl.THREATS);
                }
            }
            try (Haven h = office.login(BOSS)) {
                Conflicts conflicts = new Conflicts(h.database(), h.session());
                List<Conflicts.Open> open = conflicts.open();
                assertThat(open).singleElement().satisfies(o -> {
                    assertThat(o.field()).isEqualTo("country_of_exploitation");
                    assertThat(o.caseNumber()).isEqualTo(shared.caseNumber());
                });
                conflicts.resolve(open.getFirst().id(), Conflicts.Keep.LAPTOP);
            }
            sync(a, BOSS);
            sync(b, DANA);
            for (Haven h : devices(office, a, b)) {
                try (h) {
                    assertThat(h.cases().traffickingDetails(shared.id()).countryOfExploitation()).isEqualTo("LA");
                }
            }

            // Cleared on A: no details anywhere, and no row left.
            try (Haven boss = login(a, BOSS)) {
                boss.cases().saveTraffickingDetails(TraffickingDetails.none(shared.id()));
            }
            sync(a, BOSS);
            sync(b, DANA);
            for (Haven h : devices(office, a, b)) {
                try (h) {
                    assertThat(h.cases().traffickingDetails(shared.id()).isEmpty()).isTrue();
                    assertThat(h.database().dsl().fetchCount(org.haven.core.db.jooq.Tables.CASE_HTCDS)).isZero();
                }
            }
        }
    }

    private static List<Haven> devices(TestOffice office, Path a, Path b) {
        return List.of(office.login(BOSS), login(a, BOSS), login(b, DANA));
    }
}
