package org.haven.core.sync;

import static org.haven.core.sync.SyncTesting.PASSWORD;
import static org.haven.core.sync.SyncTesting.edit;
import static org.haven.core.sync.SyncTesting.field;
import static org.haven.core.sync.SyncTesting.login;
import static org.haven.core.sync.SyncTesting.outbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SYNC_CHANGE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.cli.HavenCli;
import org.haven.core.common.HavenException;
import org.haven.core.db.OfficeConnection;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync with no network through sealed files (a real PostgreSQL office, laptops joined over a real
 * `haven serve` that is then stopped): bundle, apply, reply give what `haven sync` gives; a damaged,
 * replayed or foreign file is refused with nothing applied.
 */
class BundleTest {
    static final String BOSS = LaptopSyncTest.BOSS;
    static final String CARLA = LaptopSyncTest.CARLA;
    @TempDir Path dir;

    private record Office(OfficeConnection db, Path home, CaseFile shared) {}

    private Office office(String name) {
        OfficeConnection db = TestPostgres.newDatabase();
        Path home = dir.resolve(name);
        try (Haven h = Haven.create(home, db, BOSS, PASSWORD.toCharArray())) {
            Accounts.addUser(h.unlocked(), CARLA, "Carla Reyes", EnumSet.of(Role.CASEWORKER), PASSWORD.toCharArray());
            CaseFile shared = h.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham", null)));
            h.cases().assignByNumber(List.of(shared.caseNumber()), CARLA);
            return new Office(db, home, shared);
        }
    }

    /** Joins each (home, account) pair over the network, then the network is gone. */
    private static void join(Office o, Path home, String user) {
        ServiceCertificate cert = ServiceCertificate.inFolder(o.home());
        try (SyncServer server = SyncServer.start(o.home(), o.db(), 0, cert)) {
            Join.join(home, "https://localhost:" + server.port(), cert.fingerprint(), user, PASSWORD.toCharArray());
        }
    }

    @Test
    void bundlesGiveWhatSyncGivesAndRefuseDamagedReplayedAndForeignFiles() throws Exception {
        Office o = office("office");
        Path a = dir.resolve("laptop-a");
        Path b = dir.resolve("laptop-b");
        join(o, a, CARLA);
        join(o, b, BOSS);

        // Offline: Carla registers a person and edits the shared one; the boss edits the same field and another.
        CaseFile registered;
        try (Haven carla = login(a, CARLA)) {
            registered = carla.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", null)));
            edit(carla, o.shared(), Map.of("notes", "moved to Phnom Penh"));
        }
        try (Haven boss = login(b, BOSS)) {
            edit(boss, o.shared(), Map.of("notes", "seen at the shelter", "languages", "km"));
        }

        LaptopSync.Result boss1 = roundTrip(o, b, BOSS, "b1");
        assertThat(boss1.pushed()).isPositive();
        assertThat(boss1.conflicts()).isZero();
        LaptopSync.Result carla1 = roundTrip(o, a, CARLA, "a1");
        assertThat(carla1.pushed()).as("the new person's rows and the edit").isGreaterThanOrEqualTo(3);
        assertThat(carla1.conflicts()).as("the same field changed on both: one conflict, as with the network").isEqualTo(1);
        assertThat(carla1.pulled()).as("the boss's languages").isPositive();
        LaptopSync.Result boss2 = roundTrip(o, b, BOSS, "b2");
        assertThat(boss2.pushed()).isZero();
        assertThat(boss2.pulled()).as("Carla's new person").isPositive();

        assertThat(field(a, CARLA, o.shared(), PERSON.LANGUAGES)).isEqualTo("km");
        assertThat(field(a, CARLA, o.shared(), PERSON.NOTES)).as("the office kept its value and told").isEqualTo("seen at the shelter");
        assertThat(field(b, BOSS, registered, PERSON.NAME_LATIN)).isEqualTo("Sok Dara");
        assertThat(outbox(a, CARLA)).isZero();
        assertThat(outbox(b, BOSS)).isZero();
        try (Haven h = Haven.login(o.home(), o.db(), BOSS, PASSWORD.toCharArray())) {
            assertThat(new Conflicts(h.database(), h.session()).open()).hasSize(1);
        }

        // A replayed bundle: refused, no reply, nothing applied.
        long officeChanges = officeChanges(o);
        assertThatThrownBy(() -> apply(o, dir.resolve("a1"), dir.resolve("a1-again.reply")))
                .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e.kind()).isEqualTo(HavenException.Kind.FAILURE))
                .hasMessageContaining("applied before");
        assertThat(dir.resolve("a1-again.reply")).doesNotExist();

        // A flipped byte anywhere (the header, the body): refused, nothing applied.
        try (Haven carla = login(a, CARLA)) {
            edit(carla, o.shared(), Map.of("document_number", "P-7700"));
        }
        Path a2 = dir.resolve("a2");
        try (Haven carla = login(a, CARLA)) {
            assertThat(Bundle.toBundle(carla, a2)).isEqualTo(1);
        }
        byte[] good = Files.readAllBytes(a2);
        for (int at : new int[] {0, 20, 35, BundleCrypto.HEADER - 5, BundleCrypto.HEADER + 3, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            Path flipped = dir.resolve("flipped-" + at);
            Files.write(flipped, bad);
            // A flipped byte of the key id names a key this office never made: "another office".
            assertThatThrownBy(() -> apply(o, flipped, dir.resolve("flipped.reply")))
                    .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e.kind()).isEqualTo(HavenException.Kind.FAILURE))
                    .hasMessageContaining(at == 20 ? "another office" : "damaged").hasMessageEndingWith("nothing was applied.");
        }
        assertThat(officeChanges(o)).isEqualTo(officeChanges);
        assertThat(dir.resolve("flipped.reply")).doesNotExist();

        // A bundle for another office: refused there, nothing applied.
        Office other = office("other-office");
        long otherChanges = officeChanges(other);
        assertThatThrownBy(() -> apply(other, a2, dir.resolve("other.reply"))).hasMessageContaining("another office");
        assertThat(officeChanges(other)).isEqualTo(otherChanges);

        // The right office: applied; its reply read by another laptop, damaged, or twice: refused.
        apply(o, a2, dir.resolve("a2.reply"));
        assertThat(officeChanges(o)).isGreaterThan(officeChanges);
        assertThatThrownBy(() -> fromBundle(b, BOSS, dir.resolve("a2.reply"))).hasMessageContaining("another laptop");
        assertThat(field(b, BOSS, o.shared(), PERSON.DOCUMENT_NUMBER)).isNull();
        byte[] reply = Files.readAllBytes(dir.resolve("a2.reply"));
        reply[reply.length / 2] ^= 0x40;
        Files.write(dir.resolve("a2-flipped.reply"), reply);
        assertThatThrownBy(() -> fromBundle(a, CARLA, dir.resolve("a2-flipped.reply"))).hasMessageContaining("damaged");
        assertThat(outbox(a, CARLA)).as("nothing applied: the entry waits").isEqualTo(1);
        assertThat(fromBundle(a, CARLA, dir.resolve("a2.reply")).pushed()).isEqualTo(1);
        assertThat(outbox(a, CARLA)).isZero();
        assertThatThrownBy(() -> fromBundle(a, CARLA, dir.resolve("a2.reply"))).hasMessageContaining("applied before");
        assertThatThrownBy(() -> fromBundle(b, BOSS, dir.resolve("b1.reply"))).hasMessageContaining("applied before");
    }

    /** The three commands as a user types them: the printed lines, exit 1 with one line for a replay, -o rules. */
    @Test
    void theCommandsPrintTheirCountsAndExitOneOnAReplay() throws Exception {
        Office o = office("office");
        Path a = dir.resolve("laptop");
        join(o, a, CARLA);
        try (Haven carla = login(a, CARLA)) {
            edit(carla, o.shared(), Map.of("languages", "km, en"));
        }
        HavenCli laptop = HavenCli.onHome(a, dir, CARLA, PASSWORD);
        HavenCli office = HavenCli.onHome(o.home(), dir, BOSS, PASSWORD);
        Map<String, String> db = Map.of("HAVEN_DB_URL", o.db().url(), "HAVEN_DB_USER", o.db().user(), "HAVEN_DB_PASSWORD", new String(o.db().password()));
        Path stick = Files.createDirectories(dir.resolve("usb"));

        HavenCli.Run out = laptop.run("sync", "--to-bundle", stick.resolve("carla.bundle").toString());
        assertThat(out.exit()).as(out.err()).isZero();
        assertThat(out.out()).isEqualTo("bundled\t1\n");
        HavenCli.Run inside = office.run(db, "sync", "--apply-bundle", stick.resolve("carla.bundle").toString(), "-o", o.home().resolve("reply").toString());
        assertThat(inside.exit()).as("a reply inside the data folder: refused").isEqualTo(2);
        HavenCli.Run applied = office.run(db, "sync", "--apply-bundle", stick.resolve("carla.bundle").toString(), "-o", stick.resolve("carla.reply").toString());
        assertThat(applied.exit()).as(applied.err()).isZero();
        assertThat(applied.out()).startsWith("pushed\t1\nconflicts\t0\nreply\t");
        HavenCli.Run again = office.run(db, "sync", "--apply-bundle", stick.resolve("carla.bundle").toString(), "-o", stick.resolve("again.reply").toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err().strip().lines()).hasSize(1);
        assertThat(again.err()).contains("applied before");
        HavenCli.Run exists = office.run(db, "sync", "--apply-bundle", stick.resolve("carla.bundle").toString(), "-o", stick.resolve("carla.reply").toString());
        assertThat(exists.exit()).as("an existing reply without --force").isEqualTo(2);
        HavenCli.Run back = laptop.run("sync", "--from-bundle", stick.resolve("carla.reply").toString());
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(back.out()).startsWith("pushed\t1\npulled\t").endsWith("conflicts\t0\n");
        assertThat(outbox(a, CARLA)).isZero();
    }

    private LaptopSync.Result roundTrip(Office o, Path laptop, String user, String name) {
        Path bundle = dir.resolve(name);
        try (Haven h = login(laptop, user)) {
            Bundle.toBundle(h, bundle);
        }
        apply(o, bundle, dir.resolve(name + ".reply"));
        return fromBundle(laptop, user, dir.resolve(name + ".reply"));
    }

    private static Bundle.Applied apply(Office o, Path bundle, Path reply) {
        try (Haven h = Haven.login(o.home(), o.db(), BOSS, PASSWORD.toCharArray())) {
            return Bundle.apply(h, bundle, reply);
        }
    }

    private static LaptopSync.Result fromBundle(Path laptop, String user, Path reply) {
        try (Haven h = login(laptop, user)) {
            return Bundle.fromBundle(h, reply);
        }
    }

    private static long officeChanges(Office o) {
        try (Haven h = Haven.login(o.home(), o.db(), BOSS, PASSWORD.toCharArray())) {
            return h.database().dsl().fetchCount(SYNC_CHANGE);
        }
    }
}
