package org.haven.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SEARCH_TOKEN;
import static org.haven.core.db.jooq.Tables.SYNC_OUTBOX;
import static org.haven.core.sync.SyncTesting.PASSWORD;
import static org.haven.core.sync.SyncTesting.login;
import static org.haven.core.sync.SyncTesting.sync;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;
import org.haven.core.changes.Outbox;
import org.haven.core.db.Ids;
import org.haven.core.operations.Operation;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's first scenario, on a real PostgreSQL behind a real `haven serve`: two laptops register
 * people offline, both sync twice, and every device has every case, person and event; a repeated
 * push inserts nothing twice; a caseworker's new case goes only where the services' rules let it.
 */
class SyncNewRowsTest {
    static final String BOSS = "boss";
    static final String DANA = "dana";
    static final String CARLA = "carla";
    @TempDir Path dir;

    @Test
    void peopleRegisteredOfflineOnTwoLaptopsReachEveryDeviceOnce() throws Exception {
        TestOffice office = TestOffice.in(dir);
        try (Haven h = office.create(BOSS)) {
            TestOffice.addUser(h, DANA, "Dana Sok", Role.COORDINATOR);
            h.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham", null)));
        }
        try (SyncServer server = office.serve()) {
            Path a = office.join("laptop-a", BOSS);
            Path b = office.join("laptop-b", DANA);

            // Offline: two people on each laptop, one with a later timeline event.
            List<Outbox.Entry> pushedByA;
            String deviceA;
            try (Haven boss = login(a, BOSS)) {
                CaseFile c = boss.cases().register(TestHaven.newCase(TestHaven.person("Hoa Le", null)));
                boss.timeline().add(c.id(), EventType.SHELTER_ADMISSION, LocalDate.of(2026, 12, 1), DatePrecision.DAY, "shelter");
                boss.cases().register(TestHaven.newCase(TestHaven.person("Mai Tran", null)));
                pushedByA = Outbox.all(boss.database().dsl());
                deviceA = boss.database().inTransaction(org.haven.core.cases.CaseNumbers::deviceCode);
            }
            assertThat(pushedByA).as("two people, two cases, three events, each written with its insert")
                    .extracting(Outbox.Entry::op).containsOnly(Outbox.Op.INSERT).hasSize(7);
            try (Haven dana = login(b, DANA)) {
                dana.cases().register(TestHaven.newCase(TestHaven.person("Sokha Chan", null)));
                dana.cases().register(TestHaven.newCase(TestHaven.person("Bopha Keo", null)));
            }

            LaptopSync.Result first = sync(a, BOSS);
            assertThat(first.pushed()).isEqualTo(7);
            sync(b, DANA);
            LaptopSync.Result third = sync(a, BOSS);
            assertThat(third.pulled()).as("laptop A receives B's two people, their cases and first events").isEqualTo(6);
            LaptopSync.Result fourth = sync(b, DANA);
            assertThat(fourth.pulled()).as("nothing new for B now but its own rows, which it has").isZero();

            Snapshot officeRows;
            try (Haven h = office.login(BOSS)) {
                officeRows = rows(h);
            }
            assertThat(officeRows.cases()).hasSize(5);
            assertThat(officeRows.people()).hasSize(5);
            assertThat(officeRows.events()).hasSize(6);
            assertThat(rows(a, BOSS)).isEqualTo(officeRows);
            assertThat(rows(b, DANA)).isEqualTo(officeRows);
            try (Haven dana = login(b, DANA)) {
                assertThat(dana.database().dsl().fetchCount(SYNC_OUTBOX)).as("pulled rows are not sent back").isZero();
                UUID hoa = dana.database().dsl().select(PERSON.ID).from(PERSON).where(PERSON.NAME_LATIN.eq("Hoa Le")).fetchSingle(PERSON.ID);
                assertThat(dana.database().dsl().fetchExists(SEARCH_TOKEN, SEARCH_TOKEN.PERSON_ID.eq(hoa)))
                        .as("a pulled person is in the search index").isTrue();
            }

            // The same push again: every entry a duplicate, nothing inserted twice. With new op ids
            // (a laptop that lost its outbox's answers and re-made them): no second copy either.
            try (Haven h = office.login(BOSS)) {
                OfficePush push = new OfficePush(h.database(), h.session());
                List<OfficePush.Entry> again = pushedByA.stream().map(e -> entry(e, e.opId())).toList();
                assertThat(push.push(deviceA, again).results()).extracting(OfficePush.Result::status).containsOnly(OfficePush.Status.DUPLICATE);
                List<OfficePush.Entry> remade = pushedByA.stream().map(e -> entry(e, Ids.newId())).toList();
                assertThat(push.push(deviceA, remade).results()).allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(OfficePush.Status.APPLIED);
                    assertThat(r.seq()).as("nothing new in the change log").isNull();
                });
                assertThat(rows(h)).isEqualTo(officeRows);
            }
        }
    }

    @Test
    void aCaseworkersNewCaseIsAppliedOnlyWhereTheServicesWouldLetHer() throws Exception {
        TestOffice office = TestOffice.in(dir);
        Operation north;
        Operation south;
        try (Haven h = office.create(BOSS)) {
            TestOffice.addUser(h, CARLA, "Carla Reyes", Role.CASEWORKER);
            north = h.operations().create(new Operation(null, "OP-N-1", "Raid North", LocalDate.of(2026, 11, 3), "Kandal", null, null, null, null, 0));
            south = h.operations().create(new Operation(null, "OP-S-1", "Raid South", LocalDate.of(2026, 11, 4), "Kampot", null, null, null, null, 0));
            h.operations().addMember(north.id(), CARLA);
            h.operations().addMember(south.id(), CARLA);
        }
        try (SyncServer server = office.serve()) {
            Path c = office.join("laptop-c", CARLA);
            CaseFile kept;
            CaseFile refused;
            try (Haven carla = login(c, CARLA)) {
                kept = carla.cases().register(new NewCase(TestHaven.person("Lan Pham", null), south.id(), null, null, null));
                refused = carla.cases().register(new NewCase(TestHaven.person("Hoa Le", null), north.id(), null, null, null));
            }
            // Meanwhile a coordinator takes her off the northern raid: her offline case there is refused.
            try (Haven h = office.login(BOSS)) {
                h.operations().removeMember(north.id(), CARLA);
            }
            sync(c, CARLA);
            try (Haven h = office.login(BOSS)) {
                var dsl = h.database().dsl();
                assertThat(dsl.fetchExists(CASE_FILE, CASE_FILE.ID.eq(kept.id()))).isTrue();
                assertThat(dsl.fetchExists(CASE_EVENT, CASE_EVENT.CASE_ID.eq(kept.id()))).as("its first event too").isTrue();
                assertThat(dsl.fetchExists(CASE_FILE, CASE_FILE.ID.eq(refused.id()))).as("not a member of that operation").isFalse();
                assertThat(dsl.fetchExists(CASE_EVENT, CASE_EVENT.CASE_ID.eq(refused.id()))).isFalse();
                assertThat(dsl.fetchCount(org.haven.core.db.jooq.Tables.AUDIT_LOG, org.haven.core.db.jooq.Tables.AUDIT_LOG.ACTION.eq("SYNC_REFUSED")))
                        .as("the case, audited").isPositive();
            }
        }
    }

    record Snapshot(Set<String> cases, Set<UUID> people, Set<UUID> events) {}

    private static Snapshot rows(Path home, String user) {
        try (Haven h = login(home, user)) {
            return rows(h);
        }
    }

    private static Snapshot rows(Haven h) {
        var dsl = h.database().dsl();
        return new Snapshot(
                dsl.select(CASE_FILE.CASE_NUMBER, CASE_FILE.PERSON_ID).from(CASE_FILE).fetch()
                        .stream().map(r -> r.value1() + "/" + r.value2()).collect(Collectors.toSet()),
                Set.copyOf(dsl.select(PERSON.ID).from(PERSON).fetch(PERSON.ID)),
                Set.copyOf(dsl.select(CASE_EVENT.ID).from(CASE_EVENT).fetch(CASE_EVENT.ID)));
    }

    private static OfficePush.Entry entry(Outbox.Entry e, UUID opId) {
        return new OfficePush.Entry(opId, e.op(), e.table(), e.rowId(), e.field(), e.oldValue(), e.newValue(), e.baseVersion(), e.madeAt());
    }
}
