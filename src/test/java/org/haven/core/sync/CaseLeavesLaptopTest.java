package org.haven.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SEARCH_TOKEN;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.db.OfficeConnection;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case reassigned away at the office leaves the caseworker's laptop at her next sync, with its person
 * and their index; a case assigned to her after she joined arrives whole at her next sync; and an
 * assignment to a colleague a laptop has never heard of reaches that laptop (found from outside: it
 * used to stop every later sync of that laptop).
 */
class CaseLeavesLaptopTest {
    static final String BOSS = "boss";
    static final String CARLA = "carla";
    static final String PASSWORD = "secret-pass-123";
    @TempDir Path dir;

    @Test
    void aCaseReassignedAwayLeavesTheLaptopAtTheNextSync() throws Exception {
        OfficeConnection office = TestPostgres.newDatabase();
        Path officeHome = dir.resolve("office");
        CaseFile moving;
        CaseFile staying;
        try (Haven h = Haven.create(officeHome, office, BOSS, PASSWORD.toCharArray())) {
            Accounts.addUser(h.unlocked(), CARLA, "Carla Reyes", EnumSet.of(Role.CASEWORKER), PASSWORD.toCharArray());
            Accounts.addUser(h.unlocked(), "eve", "Eve Tan", EnumSet.of(Role.CASEWORKER), PASSWORD.toCharArray());
            moving = h.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham", null)));
            staying = h.cases().register(TestHaven.newCase(TestHaven.person("Mai Tran", null)));
            h.cases().assignByNumber(List.of(moving.caseNumber(), staying.caseNumber()), CARLA);
        }
        ServiceCertificate cert = ServiceCertificate.inFolder(officeHome);
        Path c = dir.resolve("laptop-c");
        try (SyncServer server = SyncServer.start(officeHome, office, 0, cert)) {
            String url = "https://localhost:" + server.port();
            assertThat(Join.join(c, url, cert.fingerprint(), CARLA, PASSWORD.toCharArray())).isEqualTo(2);
            try (Haven h = Haven.login(officeHome, office, BOSS, PASSWORD.toCharArray())) {
                h.cases().assignByNumber(List.of(moving.caseNumber()), "eve");
            }
            try (Haven carla = Haven.login(c, CARLA, PASSWORD.toCharArray())) {
                LaptopSync.sync(carla, CARLA, PASSWORD.toCharArray());
            }
            try (Haven carla = Haven.login(c, CARLA, PASSWORD.toCharArray())) {
                var dsl = carla.database().dsl();
                assertThat(dsl.fetchExists(CASE_FILE, CASE_FILE.ID.eq(moving.id()))).as("reassigned away: gone").isFalse();
                assertThat(dsl.fetchExists(CASE_EVENT, CASE_EVENT.CASE_ID.eq(moving.id()))).isFalse();
                assertThat(dsl.fetchExists(PERSON, PERSON.ID.eq(moving.personId()))).as("no other case of hers here").isFalse();
                assertThat(dsl.fetchExists(SEARCH_TOKEN, SEARCH_TOKEN.PERSON_ID.eq(moving.personId()))).isFalse();
                assertThat(dsl.fetchExists(CASE_FILE, CASE_FILE.ID.eq(staying.id()))).as("her other case stays").isTrue();
            }
            try (Haven h = Haven.login(officeHome, office, BOSS, PASSWORD.toCharArray())) {
                assertThat(h.database().dsl().fetchExists(CASE_FILE, CASE_FILE.ID.eq(moving.id()))).as("the office keeps it").isTrue();
            }
        }
    }

    @Test
    void aCaseAssignedToHerLaterArrivesWholeAndAnAssignmentToANewColleagueReachesEveryLaptop() throws Exception {
        OfficeConnection office = TestPostgres.newDatabase();
        Path officeHome = dir.resolve("office");
        CaseFile later;
        try (Haven h = Haven.create(officeHome, office, BOSS, PASSWORD.toCharArray())) {
            Accounts.addUser(h.unlocked(), CARLA, "Carla Reyes", EnumSet.of(Role.CASEWORKER), PASSWORD.toCharArray());
            later = h.cases().register(TestHaven.newCase(TestHaven.person("Sokha Chan", "ចាន់ សុខា")));
            h.timeline().add(later.id(), org.haven.core.timeline.EventType.SHELTER_ADMISSION, java.time.LocalDate.now(),
                    org.haven.core.timeline.DatePrecision.DAY, "first night at the shelter");
        }
        ServiceCertificate cert = ServiceCertificate.inFolder(officeHome);
        Path a = dir.resolve("laptop-boss");
        Path c = dir.resolve("laptop-c");
        try (SyncServer server = SyncServer.start(officeHome, office, 0, cert)) {
            String url = "https://localhost:" + server.port();
            assertThat(Join.join(a, url, cert.fingerprint(), BOSS, PASSWORD.toCharArray())).isEqualTo(1);
            assertThat(Join.join(c, url, cert.fingerprint(), CARLA, PASSWORD.toCharArray())).isZero();
            try (Haven h = Haven.login(officeHome, office, BOSS, PASSWORD.toCharArray())) {
                h.cases().assignByNumber(List.of(later.caseNumber()), CARLA);
            }
            assertThat(SyncTesting.sync(c, CARLA).pulled()).isPositive();
            try (Haven carla = SyncTesting.login(c, CARLA)) {
                var dsl = carla.database().dsl();
                assertThat(dsl.fetchExists(CASE_FILE, CASE_FILE.ID.eq(later.id()))).as("assigned to her: on her laptop now").isTrue();
                assertThat(dsl.fetchExists(PERSON, PERSON.ID.eq(later.personId()))).isTrue();
                assertThat(carla.timeline().events(later.id())).extracting(e -> e.note()).contains("first night at the shelter");
                assertThat(carla.cases().search(org.haven.core.cases.CaseQuery.text("ចាន់", 10))).extracting(x -> x.caseNumber())
                        .as("found by her native name").containsExactly(later.caseNumber());
            }
            assertThat(SyncTesting.sync(c, CARLA).pulled()).as("nothing new the second time").isZero();
            // A damaged or cut answer keeps nothing, and says so without data.
            try (Haven carla = SyncTesting.login(c, CARLA)) {
                int people = carla.database().dsl().fetchCount(PERSON);
                String cut = "rows\tPERSON\t{\"fields\":[{\"name\":\"ID\",\"type\":\"UUID\"}],\"records\":[[\"" + java.util.UUID.randomUUID() + "\"]]}\n";
                for (String damaged : List.of(cut, "rows\tPERSON\t{not json\nend\t1\t0\n", "something else\n", "")) {
                    assertThatThrownBy(() -> LaptopSync.applyArrivals(carla, damaged))
                            .isInstanceOfSatisfying(org.haven.core.common.HavenException.class,
                                    e -> assertThat(e.kind()).isEqualTo(org.haven.core.common.HavenException.Kind.FAILURE))
                            .hasMessageContaining("nothing was lost");
                }
                assertThat(carla.database().dsl().fetchCount(PERSON)).as("nothing kept").isEqualTo(people);
                assertThat(LaptopSync.applyArrivals(carla, "end\t0\t0\n")).isZero();
            }

            // A colleague the boss's laptop has never heard of (added after it joined) takes the case over.
            try (Haven h = Haven.login(officeHome, office, BOSS, PASSWORD.toCharArray())) {
                Accounts.addUser(h.unlocked(), "eve", "Eve Tan", EnumSet.of(Role.CASEWORKER), PASSWORD.toCharArray());
                h.cases().assignByNumber(List.of(later.caseNumber()), "eve");
            }
            SyncTesting.sync(a, BOSS);
            try (Haven boss = SyncTesting.login(a, BOSS)) {
                assertThat(boss.cases().open(later.id()).assignedToName()).as("the colleague came with the change").isEqualTo("eve");
            }
            SyncTesting.sync(c, CARLA);
            try (Haven carla = SyncTesting.login(c, CARLA)) {
                assertThat(carla.database().dsl().fetchExists(CASE_FILE, CASE_FILE.ID.eq(later.id()))).as("reassigned away: gone").isFalse();
            }
        }
    }
}
