package org.haven.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SYNC_CHANGE;
import static org.haven.core.db.jooq.Tables.SYNC_CONFLICT;
import static org.haven.core.db.jooq.Tables.SYNC_OUTBOX;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;
import org.haven.core.common.HavenException;
import org.haven.core.db.OfficeConnection;
import org.haven.core.intake.PersonFieldEdit;
import org.haven.testing.TestHaven;
import org.haven.testing.TestPostgres;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: `haven sync` killed (kill -9) at a random moment, ten times, on a laptop with changes
 * waiting; then the office's service killed while a push is in flight (the connection cut), three
 * times. After one clean sync everything converged: every registration is at the office exactly once,
 * no edit is lost, no retried change became a conflict, and the laptop holds what the office holds.
 * A failure names the seed: rerun with -Dhaven.test.seed=SEED.
 */
class SyncKillTest {
    static final String BOSS = "boss";
    static final String PASSWORD = "secret-pass-123";
    static final int KILLS = 10;
    static final int SERVER_CUTS = 3;
    static final int PER_ROUND = 60;
    @TempDir Path dir;

    @Test
    void killedSyncsAndCutConnectionsLoseNothingAndDuplicateNothing() throws Exception {
        long seed = Long.getLong("haven.test.seed", System.nanoTime());
        System.out.println("SyncKillTest seed " + seed);
        String replay = "seed " + seed + " (replay with -Dhaven.test.seed=" + seed + ")";
        Random random = new Random(seed);

        OfficeConnection office = TestPostgres.newDatabase();
        Path officeHome = dir.resolve("office");
        try (Haven h = Haven.create(officeHome, office, BOSS, PASSWORD.toCharArray())) {
            for (String name : List.of("Lan Pham", "Hoa Le", "Mai Tran")) h.cases().register(TestHaven.newCase(TestHaven.person(name, null)));
        }
        ServiceCertificate cert = ServiceCertificate.inFolder(officeHome);
        Path laptop = dir.resolve("laptop");
        List<UUID> registered = new ArrayList<>();
        Map<UUID, String> lastNotes = new HashMap<>();
        int port;
        int killedMidSync = 0;
        try (SyncServer server = SyncServer.start(officeHome, office, 0, cert)) {
            port = server.port();
            Join.join(laptop, "https://localhost:" + port, cert.fingerprint(), BOSS, PASSWORD.toCharArray());
            for (int round = 0; round < KILLS; round++) {
                workOffline(laptop, round, random, registered, lastNotes);
                List<String> lines = new CopyOnWriteArrayList<>();
                Process child = start(List.of(SyncChild.class.getName(), laptop.toString(), BOSS), Map.of("HAVEN_PASSWORD", PASSWORD));
                readLines(child, lines);
                waitForLine(child, lines, "SYNCING", 120, replay);
                Thread.sleep(random.nextInt(2500));
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the database
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(200); // the last lines on their way through the reader
                assertThat(lines).as("round %d: the laptop opened and its sync did not fail; %s", round, replay)
                        .noneMatch(l -> l.startsWith("FAILED"));
                if (lines.stream().noneMatch(l -> l.startsWith("SYNCED"))) killedMidSync++;
            }
        }
        System.out.println("SyncKillTest: " + killedMidSync + " of " + KILLS + " syncs killed before they ended");
        assertThat(killedMidSync).as("most kills land inside a sync (else this test proves little); %s", replay).isGreaterThanOrEqualTo(KILLS / 2);

        // The office's service killed while the laptop pushes: the laptop's sync fails cleanly, nothing lost.
        int cut = 0;
        for (int round = 0; round < SERVER_CUTS; round++) {
            workOffline(laptop, KILLS + round, random, registered, lastNotes);
            Process serve = startServe(officeHome, office, port, replay);
            try (Haven h = Haven.login(laptop, BOSS, PASSWORD.toCharArray())) {
                long delay = 300 + random.nextInt(1500);
                Thread killer = new Thread(() -> {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        return;
                    }
                    serve.destroyForcibly();
                });
                killer.start();
                try {
                    LaptopSync.sync(h, BOSS, PASSWORD.toCharArray());
                } catch (HavenException e) {
                    assertThat(e.kind()).as("a cut connection is a plain failure, not a wrong certificate; %s", replay)
                            .isEqualTo(HavenException.Kind.FAILURE);
                    assertThat(e.getMessage()).contains("Cannot reach the office").doesNotContain("certificate");
                    cut++;
                }
                killer.join();
            }
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        System.out.println("SyncKillTest: " + cut + " of " + SERVER_CUTS + " syncs cut by the service's kill");

        // One clean sync (and a second, which must find nothing left to do).
        try (SyncServer server = SyncServer.start(officeHome, office, port, cert); Haven h = Haven.login(laptop, BOSS, PASSWORD.toCharArray())) {
            LaptopSync.sync(h, BOSS, PASSWORD.toCharArray());
            LaptopSync.Result again = LaptopSync.sync(h, BOSS, PASSWORD.toCharArray());
            assertThat(again.pushed()).as("nothing left to push; %s", replay).isZero();
            assertThat(h.database().dsl().fetchCount(SYNC_OUTBOX)).isZero();
        }

        String laptopDump;
        try (Haven h = Haven.login(laptop, BOSS, PASSWORD.toCharArray())) {
            laptopDump = RandomSyncConvergenceTest.dump(h.database().dsl());
        }
        try (Haven h = Haven.login(officeHome, office, BOSS, PASSWORD.toCharArray())) {
            DSLContext dsl = h.database().dsl();
            int expected = 3 + registered.size();
            assertThat(dsl.fetchCount(CASE_FILE)).as("every registration at the office, once; %s", replay).isEqualTo(expected);
            assertThat(dsl.fetchCount(PERSON)).as(replay).isEqualTo(expected);
            assertThat(dsl.fetchCount(CASE_FILE, CASE_FILE.ID.in(registered))).as(replay).isEqualTo(registered.size());
            assertThat(dsl.fetchCount(CASE_EVENT)).as("one identification event each; %s", replay).isEqualTo(expected);
            assertThat(dsl.fetchCount(dsl.selectDistinct(CASE_FILE.CASE_NUMBER).from(CASE_FILE))).isEqualTo(expected);
            assertThat(dsl.select(SYNC_CHANGE.ROW_ID).from(SYNC_CHANGE).where(SYNC_CHANGE.OP.eq("INSERT"))
                    .groupBy(SYNC_CHANGE.ROW_ID).having(DSL.count().gt(1)).fetch())
                    .as("no row in the change log twice (laptops would pull it twice); %s", replay).isEmpty();
            assertThat(dsl.fetchCount(SYNC_CONFLICT)).as("a retried change is never a conflict with itself; %s", replay).isZero();
            for (var e : lastNotes.entrySet()) {
                assertThat(dsl.select(PERSON.NOTES).from(PERSON).where(PERSON.ID.eq(e.getKey())).fetchOne(PERSON.NOTES))
                        .as("the laptop's last edit reached the office; %s", replay).isEqualTo(e.getValue());
            }
            assertThat(laptopDump).as("the laptop holds what the office holds; %s", replay).isEqualTo(RandomSyncConvergenceTest.dump(dsl));
        }
    }

    /** Offline work before a sync: a group of registrations (as an import saves them) and a few edits of existing people. */
    private static void workOffline(Path laptop, int round, Random random, List<UUID> registered, Map<UUID, String> lastNotes) {
        try (Haven h = Haven.login(laptop, BOSS, PASSWORD.toCharArray())) {
            List<NewCase> batch = new ArrayList<>();
            for (int i = 0; i < PER_ROUND; i++) batch.add(TestHaven.newCase(TestHaven.person("Raid Person " + round + "-" + i, null)));
            for (CaseFile c : h.cases().registerAll(batch)) registered.add(c.id());
            var cases = h.database().dsl().select(CASE_FILE.ID, CASE_FILE.PERSON_ID).from(CASE_FILE).orderBy(CASE_FILE.ID).fetch();
            for (int i = 0; i < 5; i++) {
                var c = cases.get(random.nextInt(cases.size()));
                String note = "visit " + round + "-" + i;
                h.cases().editPerson(c.value1(), p -> PersonFieldEdit.apply(p, PersonFieldEdit.parse(List.of("notes=" + note))));
                lastNotes.put(c.value2(), note);
            }
        }
    }

    private Process startServe(Path officeHome, OfficeConnection office, int port, String replay) throws Exception {
        Map<String, String> env = Map.of(OfficeConnection.URL_ENV, office.url(), OfficeConnection.USER_ENV, office.user(),
                OfficeConnection.PASSWORD_ENV, new String(office.password()));
        Process serve = start(List.of(ServeChild.class.getName(), officeHome.toString(), String.valueOf(port)), env);
        List<String> lines = new CopyOnWriteArrayList<>();
        readLines(serve, lines);
        try {
            waitForLine(serve, lines, "LISTENING", 120, replay);
        } catch (AssertionError e) {
            serve.destroyForcibly(); // it would serve (and sleep) for ever
            throw e;
        }
        return serve;
    }

    /** A child JVM with this test's class path and flags. */
    private static Process start(List<String> mainAndArgs, Map<String, String> env) throws IOException {
        List<String> cmd = org.haven.testing.ChildJvm.command(mainAndArgs.getFirst(), mainAndArgs.subList(1, mainAndArgs.size()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        return pb.start();
    }

    private static void readLines(Process child, List<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) lines.add(line);
            } catch (IOException ignored) {
                // the child was killed
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static void waitForLine(Process child, List<String> lines, String prefix, int seconds, String replay) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (lines.stream().noneMatch(l -> l.startsWith(prefix))) {
            if (!child.isAlive()) {
                Thread.sleep(500);
                if (lines.stream().anyMatch(l -> l.startsWith(prefix))) return;
                throw new AssertionError("the child ended before \"" + prefix + "\" (exit " + child.exitValue() + ", lines " + lines + "); " + replay);
            }
            if (System.nanoTime() > deadline) throw new AssertionError("no \"" + prefix + "\" within " + seconds + " s; " + replay);
            Thread.sleep(5);
        }
    }
}
