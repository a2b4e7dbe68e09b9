package org.haven.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.sync.SyncTesting.PASSWORD;
import static org.haven.core.sync.SyncTesting.login;
import static org.haven.core.sync.SyncTesting.sync;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseNumbers;
import org.haven.core.cases.CaseQuery;
import org.haven.core.cases.NewCase;
import org.haven.core.changes.Outbox;
import org.haven.core.changes.RowsRepository;
import org.haven.core.operations.Operation;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operation made at a raid site with no network, on a caseworker's laptop, travels with its first
 * membership and the people registered under it (a real PostgreSQL behind a real `haven serve`): its
 * code carries the laptop's device code, the office keeps the caseworker's access to it, and another
 * laptop receives it. A membership a caseworker could not give at the office is refused there.
 */
class OperationSyncTest {
    static final String BOSS = "boss";
    static final String CARLA = "carla";
    @TempDir Path dir;

    @Test
    void anOperationMadeOfflineArrivesWithItsMemberAndItsPeople() throws Exception {
        TestOffice office = TestOffice.in(dir);
        try (Haven h = office.create(BOSS)) {
            TestOffice.addUser(h, CARLA, "Carla Reyes", Role.CASEWORKER);
            // the office has an operation of the same year: its code must not clash with the laptop's
            h.operations().create(new Operation(null, h.operations().nextCode(LocalDate.now()), "Office raid", LocalDate.now(),
                    null, null, null, null, null, 0));
        }
        try (SyncServer server = office.serve()) {
            Path laptop = office.join("laptop-carla", CARLA);
            Path other = office.join("laptop-boss", BOSS);

            Operation raid;
            String caseNumber;
            try (Haven carla = login(laptop, CARLA)) {
                String device = carla.database().inTransaction(CaseNumbers::deviceCode);
                String code = carla.operations().nextCode(LocalDate.now());
                assertThat(code).as("a laptop's code carries its device code").contains("-" + device + "-");
                raid = carla.operations().create(new Operation(null, code, "Raid at the compound", LocalDate.now(),
                        null, "Building C", null, 2, null, 0));
                CaseFile c = carla.cases().register(new NewCase(TestHaven.person("Soe Min Aung", null), raid.id(), null, null, null));
                caseNumber = c.caseNumber();
            }
            LaptopSync.Result pushed = sync(laptop, CARLA);
            assertThat(pushed.pushed()).as("the operation, its member, the person, the case and its first event").isEqualTo(5);

            try (Haven h = office.login(BOSS)) {
                Operation atOffice = h.operations().findByCode(raid.code()).orElseThrow();
                assertThat(atOffice.id()).isEqualTo(raid.id());
                assertThat(atOffice.name()).isEqualTo("Raid at the compound");
                assertThat(h.cases().search(CaseQuery.text("soe min", 10))).extracting(x -> x.caseNumber()).containsExactly(caseNumber);
            }
            // at the office, the caseworker sees the case through her membership, as on her laptop
            try (Haven carla = office.login(CARLA)) {
                assertThat(carla.cases().search(CaseQuery.text("soe min", 10))).extracting(x -> x.caseNumber()).containsExactly(caseNumber);
            }
            sync(other, BOSS);
            try (Haven boss = login(other, BOSS)) {
                assertThat(boss.operations().findByCode(raid.code())).isPresent();
                assertThat(boss.cases().search(CaseQuery.text("soe min", 10))).extracting(x -> x.caseNumber()).containsExactly(caseNumber);
            }
            assertThat(sync(laptop, CARLA).pushed()).as("nothing twice").isZero();

            // A coordinator removes her from the operation at the office: her laptop loses the membership too.
            try (Haven h = office.login(BOSS)) {
                assertThat(h.operations().removeMember(raid.id(), CARLA)).isTrue();
            }
            sync(laptop, CARLA);
            try (Haven carla = login(laptop, CARLA)) {
                var m = org.haven.core.db.jooq.Tables.OPERATION_MEMBER;
                assertThat(carla.database().dsl().fetchExists(m, m.OPERATION_ID.eq(raid.id()).and(m.USER_ID.eq(carla.user().id()))))
                        .as("the removal reached her laptop").isFalse();
            }
        }
    }

    @Test
    void aCaseworkerCannotPushHerselfIntoAnotherOperation() {
        TestOffice office = TestOffice.in(dir);
        Operation theirs;
        try (Haven h = office.create(BOSS)) {
            TestOffice.addUser(h, CARLA, "Carla Reyes", Role.CASEWORKER);
            theirs = h.operations().create(new Operation(null, "OP-OTHER-TEAM", "Another team's raid", LocalDate.now(),
                    null, null, null, null, null, 0));
        }
        try (Haven carla = office.login(CARLA)) {
            var dsl = carla.database().dsl();
            var m = org.haven.core.db.jooq.Tables.OPERATION_MEMBER;
            var row = dsl.newRecord(m);
            row.setId(org.haven.core.db.Ids.newId());
            row.setOperationId(theirs.id());
            row.setUserId(carla.user().id());
            row.setCreatedAt(java.time.OffsetDateTime.now());
            row.setUpdatedAt(java.time.OffsetDateTime.now());
            var entry = new OfficePush.Entry(org.haven.core.db.Ids.newId(), Outbox.Op.INSERT, "operation_member", row.getId(), null, null,
                    RowsRepository.json(dsl, row), 0, java.time.OffsetDateTime.now());
            OfficePush.Outcome outcome = new OfficePush(carla.database(), carla.session()).push("ZZ9", List.of(entry));
            assertThat(outcome.results()).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(OfficePush.Status.REFUSED);
                assertThat(r.reason()).contains("coordinator");
            });
            assertThat(dsl.fetchCount(m, m.USER_ID.eq(carla.user().id()))).as("no membership given").isZero();
            assertThat(carla.cases().search(CaseQuery.text("", 10))).isEmpty();
        }
    }

    @Test
    void anOperationsEditsMergeConflictAndResolveOnEveryDevice() throws Exception {
        TestOffice office = TestOffice.in(dir);
        Operation raid;
        try (Haven h = office.create(BOSS)) {
            TestOffice.addUser(h, CARLA, "Carla Reyes", Role.COORDINATOR);
            raid = h.operations().create(new Operation(null, "OP-2026-77", "Raid at the compound", LocalDate.now().minusDays(3),
                    "Koh Kong", "Building C", "Police", 40, null, 0));
        }
        try (SyncServer server = office.serve()) {
            Path a = office.join("laptop-a", BOSS);
            Path c = office.join("laptop-c", CARLA);
            // Apart: A renames the operation; C renames it too and corrects the number of people found.
            try (Haven boss = login(a, BOSS)) {
                Operation o = boss.operations().get(raid.id());
                boss.operations().update(new Operation(o.id(), o.code(), "Raid at Golden compound", o.date(), o.province(), o.place(),
                        o.agencies(), o.peopleFound(), o.notes(), o.version()));
            }
            try (Haven carla = login(c, CARLA)) {
                Operation o = carla.operations().get(raid.id());
                carla.operations().update(new Operation(o.id(), o.code(), "Raid at compound 7", o.date(), o.province(), o.place(),
                        o.agencies(), 43, o.notes(), o.version()));
            }
            assertThat(sync(a, BOSS).conflicts()).isZero();
            assertThat(sync(c, CARLA).conflicts()).as("the same name changed on two laptops").isEqualTo(1);
            sync(a, BOSS);
            for (Haven h : devices(office, a, c)) {
                try (h) {
                    Operation o = h.operations().get(raid.id());
                    assertThat(o.name()).as("the office kept the first name").isEqualTo("Raid at Golden compound");
                    assertThat(o.peopleFound()).as("the other field merged").isEqualTo(43);
                }
            }
            try (Haven h = office.login(BOSS)) {
                List<Conflicts.Open> open = h.conflicts().open();
                assertThat(open).singleElement().satisfies(o -> {
                    assertThat(o.caseNumber()).as("named by the operation's code").isEqualTo("OP-2026-77");
                    assertThat(o.field()).isEqualTo("name");
                    assertThat(o.laptopValue()).isEqualTo("Raid at compound 7");
                    assertThat(o.officeValue()).isEqualTo("Raid at Golden compound");
                });
                h.conflicts().resolve(open.getFirst().id(), Conflicts.Keep.LAPTOP);
                assertThat(h.conflicts().open()).isEmpty();
            }
            sync(a, BOSS);
            sync(c, CARLA);
            for (Haven h : devices(office, a, c)) {
                try (h) {
                    assertThat(h.operations().get(raid.id()).name()).isEqualTo("Raid at compound 7");
                }
            }
            assertThat(SyncTesting.outbox(a, BOSS)).isZero();
            assertThat(SyncTesting.outbox(c, CARLA)).isZero();
        }
    }

    private static List<Haven> devices(TestOffice office, Path a, Path c) {
        return List.of(office.login(BOSS), login(a, BOSS), login(c, CARLA));
    }
}
