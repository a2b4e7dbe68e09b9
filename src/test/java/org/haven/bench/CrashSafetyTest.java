package org.haven.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.haven.core.Haven;
import org.haven.core.security.AuditLog;
import org.haven.testing.TestHaven;
import org.haven.core.timeline.EventType;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a child JVM writes through the services and is killed with SIGKILL at random
 * moments; after each kill the database must open, hold every save that had returned, and hold no
 * half-written case. And a SIGTERM (a normal OS shutdown) must close the database cleanly.
 */
class CrashSafetyTest {
    private static final int KILLS = Integer.getInteger("haven.crash.kills", 20);

    @TempDir
    Path dir;

    @Test
    void killedWhileWritingLosesNothingThatReturnedAndLeavesNoHalfCase() throws Exception {
        TestHaven.create(dir).close();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Set<UUID> confirmedCases = new HashSet<>();
        Set<UUID> confirmedEvents = new HashSet<>();
        int kills = 0;
        java.util.Map<UUID, String> caseRound = new java.util.HashMap<>();
        for (int round = 0; round < KILLS; round++) {
            Process child = startWriter(ProcessBuilder.Redirect.DISCARD);
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = readLines(child, lines);
            waitForFirstSave(child, lines);
            Thread.sleep(random.nextInt(400)); // a random moment, mostly inside a transaction
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no clean close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            kills++;
            List<UUID> roundCases = new ArrayList<>();
            for (String line : lines) {
                String[] f = line.split(" ");
                if (f[0].equals("CASE")) roundCases.add(UUID.fromString(f[1]));
                if (f[0].equals("EVENT")) confirmedEvents.add(UUID.fromString(f[1]));
            }
            confirmedCases.addAll(roundCases);
            try (Haven haven = TestHaven.login(dir)) {
                DSLContext dsl = haven.database().dsl();
                Set<UUID> present = new HashSet<>(dsl.select(CASE_FILE.ID).from(CASE_FILE).fetch(CASE_FILE.ID));
                for (int i = 0; i < roundCases.size(); i++) caseRound.put(roundCases.get(i), round + "." + (i + 1) + "/" + roundCases.size());
                for (UUID id : confirmedCases) {
                    if (!present.contains(id)) {
                        System.out.printf("after kill %d: returned case %s (round.index/saves) is missing%n", round, caseRound.get(id));
                    }
                }
                checkConsistent(dsl, confirmedCases, confirmedEvents);
            }
        }
        try (Haven haven = TestHaven.login(dir)) {
            DSLContext dsl = haven.database().dsl();
            int casesFound = dsl.fetchCount(CASE_FILE);
            int eventsFound = dsl.fetchCount(CASE_EVENT, CASE_EVENT.EVENT_TYPE.eq(EventType.NOTE));
            System.out.printf("crash test (seed %d): %d kills; saves confirmed before the kills: %d cases, %d events; "
                            + "found after reopening: %d cases, %d events%n",
                    seed, kills, confirmedCases.size(), confirmedEvents.size(), casesFound, eventsFound);
            assertThat(kills).isGreaterThanOrEqualTo(KILLS);
            assertThat(confirmedCases).isNotEmpty();
            assertThat(casesFound).isGreaterThanOrEqualTo(confirmedCases.size());
            assertThat(AuditLog.verify(dsl).intact()).as("audit chain intact after the kills").isTrue();
        }
    }

    /**
     * A clean close may rewrite the whole file (SHUTDOWN COMPACT, see Database.close); H2 writes the
     * compacted copy beside the file and moves it over at the end. Killed at random moments of that
     * rewrite, the database must still open with every returned save and no copy left behind.
     */
    @Test
    void killedWhileTheCloseRewritesTheFileLosesNothing() throws Exception {
        TestHaven.create(dir).close();
        Random random = new Random();
        long closeMillis = 0;
        int killedWhileClosing = 0;
        for (int round = 0; round < 5; round++) {
            List<String> cmdExtra = List.of("compact", Long.toString(12L << 20));
            Process child = startWriter(ProcessBuilder.Redirect.DISCARD, cmdExtra);
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = readLines(child, lines);
            waitFor(child, lines, "CLOSING", 120);
            if (round == 0) {
                // The first close is measured, not killed: the later kills land inside that duration.
                waitFor(child, lines, "CLOSED", 120);
                closeMillis = Long.parseLong(lines.stream().filter(l -> l.startsWith("CLOSED ")).findFirst().orElseThrow().substring(7));
            } else {
                Thread.sleep(random.nextLong(Math.max(1, closeMillis)));
                child.destroyForcibly();
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            if (lines.stream().noneMatch(l -> l.startsWith("CLOSED"))) killedWhileClosing++;
            UUID caseId = UUID.fromString(lines.stream().filter(l -> l.startsWith("CASE ")).findFirst().orElseThrow().substring(5));
            String lastNote = lines.stream().filter(l -> l.startsWith("NOTE ")).reduce((a, b) -> b).orElseThrow().substring(5);
            try (Haven haven = TestHaven.login(dir)) {
                assertThat(haven.cases().open(caseId).person().notes()).as("round %d: the last returned save", round).isEqualTo(lastNote);
                checkConsistent(haven.database().dsl(), Set.of(caseId), Set.of());
            }
            try (var files = java.nio.file.Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).as("no compaction copy left after reopening")
                        .noneMatch(n -> n.endsWith(".tempFile"));
            }
        }
        System.out.printf("compaction crash test: close took %d ms; 4 kills, %d of them during the close%n", closeMillis, killedWhileClosing);
        assertThat(closeMillis).as("the measured close rewrote the file").isPositive();
    }

    /**
     * Issue 14, item 9: an import is one transaction, streamed from the file and followed by a
     * compacting close. Killed at random moments of the import or of that close, the database opens
     * with each import either complete or absent (never part of a list), consistent, audit intact.
     */
    @Test
    void killedDuringAnImportKeepsAllOrNothingOfIt() throws Exception {
        TestHaven.create(dir).close();
        Path csv = dir.resolve("list.csv");
        org.haven.core.demo.IntakeCsvGenerator.write(csv, IMPORT_ROWS, 21L);
        Random random = new Random();
        long importMillis = 0;
        int completed = 0;
        for (int round = 0; round < 4; round++) {
            // In parts of 150 rows (three commits and the last): a kill lands before, between or after them.
            Process child = startWriter(ProcessBuilder.Redirect.DISCARD, List.of("import", csv.toString(), "Raid " + round, "150"));
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = readLines(child, lines);
            waitFor(child, lines, "IMPORTING", 120);
            if (round == 0) {
                // The first import is measured, not killed: the later kills land inside its duration.
                waitFor(child, lines, "CLOSED", 600);
                importMillis = Long.parseLong(lines.stream().filter(l -> l.startsWith("CLOSED ")).findFirst().orElseThrow().substring(7));
            } else {
                Thread.sleep(random.nextLong(Math.max(1, importMillis)));
                child.destroyForcibly();
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            boolean returned = lines.stream().anyMatch(l -> l.startsWith("IMPORTED"));
            try (Haven haven = TestHaven.login(dir)) {
                DSLContext dsl = haven.database().dsl();
                int people = dsl.fetchCount(PERSON);
                assertThat(people % IMPORT_ROWS).as("round %d: only whole imports (%d people)", round, people).isZero();
                int ofThisImport = dsl.fetchCount(CASE_FILE, CASE_FILE.OPERATION_ID.in(
                        DSL.select(org.haven.core.db.jooq.Tables.OPERATION.ID).from(org.haven.core.db.jooq.Tables.OPERATION)
                                .where(org.haven.core.db.jooq.Tables.OPERATION.NAME.eq("Raid " + round))));
                assertThat(ofThisImport).as("round %d: this import whole or absent", round).isIn(0, IMPORT_ROWS);
                if (returned) assertThat(ofThisImport).as("round %d: the returned import is there", round).isEqualTo(IMPORT_ROWS);
                completed = people / IMPORT_ROWS;
                checkConsistent(dsl, Set.of(), Set.of());
                assertThat(AuditLog.verify(dsl).intact()).isTrue();
            }
        }
        System.out.printf("import crash test: import and close took %d ms; %d of 4 imports complete%n", importMillis, completed);
        assertThat(completed).as("the measured import").isPositive();
    }

    private static final int IMPORT_ROWS = 400;

    /**
     * Issue 14, item 9: a large import commits in parts (so the file can be compacted between them).
     * Killed (SIGKILL) after two of its parts were committed, it leaves nothing after the next login:
     * no case, person or operation of it, no pending mark, the audit chain intact with the removal recorded.
     */
    @Test
    void killedBetweenThePartsOfAnImportLeavesNothingOfIt() throws Exception {
        TestHaven.create(dir).close();
        Path csv = dir.resolve("list.csv");
        org.haven.core.demo.IntakeCsvGenerator.write(csv, 500, 22L);
        Process child = startWriter(ProcessBuilder.Redirect.DISCARD, List.of("import", csv.toString(), "Raid Parts", "100", "2"));
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = readLines(child, lines);
        waitFor(child, lines, "PART 200", 300);
        child.destroyForcibly(); // two parts committed, the import not finished
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        assertThat(lines).noneMatch(l -> l.startsWith("IMPORTED"));
        try (Haven haven = TestHaven.login(dir)) {
            DSLContext dsl = haven.database().dsl();
            assertThat(dsl.fetchCount(PERSON)).as("people of the killed import").isZero();
            assertThat(dsl.fetchCount(CASE_FILE)).as("cases of the killed import").isZero();
            assertThat(dsl.fetchCount(org.haven.core.db.jooq.Tables.OPERATION, org.haven.core.db.jooq.Tables.OPERATION.NAME.eq("Raid Parts")))
                    .as("the operation it created").isZero();
            assertThat(dsl.fetchCount(org.haven.core.db.jooq.Tables.PENDING_IMPORT)).isZero();
            assertThat(dsl.fetchCount(org.haven.core.db.jooq.Tables.PENDING_IMPORT_CASE)).isZero();
            assertThat(dsl.fetchCount(org.haven.core.db.jooq.Tables.SEARCH_TOKEN)).as("its search index").isZero();
            assertThat(AuditLog.verify(dsl).intact()).isTrue();
            assertThat(dsl.select(org.haven.core.db.jooq.Tables.AUDIT_LOG.DETAIL).from(org.haven.core.db.jooq.Tables.AUDIT_LOG)
                    .where(org.haven.core.db.jooq.Tables.AUDIT_LOG.ACTION.eq("IMPORT_UNDONE")).fetch(org.haven.core.db.jooq.Tables.AUDIT_LOG.DETAIL))
                    .as("the removal of its two committed parts, on record").singleElement().asString().contains("cases=200");
        }
        try (Haven haven = TestHaven.login(dir)) {
            assertThat(haven.database().dsl().fetchCount(org.haven.core.db.jooq.Tables.AUDIT_LOG,
                    org.haven.core.db.jooq.Tables.AUDIT_LOG.ACTION.eq("IMPORT_UNDONE"))).as("removed once, not at every login").isEqualTo(1);
        }
    }

    @Test
    void sigtermClosesTheDatabaseCleanly() throws Exception {
        TestHaven.create(dir).close();
        Path stderr = dir.resolve("child-stderr.txt");
        Process child = startWriter(ProcessBuilder.Redirect.to(stderr.toFile()));
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = readLines(child, lines);
        waitForFirstSave(child, lines);
        Thread.sleep(200);
        child.destroy(); // SIGTERM: the JVM runs its shutdown hooks, Database's closes the file
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        assertThat(child.exitValue()).as("exit status of a JVM ended by SIGTERM").isEqualTo(143);
        Set<UUID> cases = new HashSet<>();
        Set<UUID> events = new HashSet<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            if (f[0].equals("CASE")) cases.add(UUID.fromString(f[1]));
            if (f[0].equals("EVENT")) events.add(UUID.fromString(f[1]));
        }
        // The writer's own next write fails once the hook has closed the database: expected. No corruption.
        String errors = java.nio.file.Files.readString(stderr);
        assertThat(errors).as("the child's stderr").doesNotContainIgnoringCase("corrupt");
        try (Haven haven = TestHaven.login(dir)) {
            checkConsistent(haven.database().dsl(), cases, events);
            assertThat(AuditLog.verify(haven.database().dsl()).intact()).isTrue();
        }
    }

    /** Every returned save is there; every case has its person and identification event; counts agree. */
    private static void checkConsistent(DSLContext dsl, Set<UUID> cases, Set<UUID> events) {
        if (!cases.isEmpty()) {
            assertThat(dsl.fetchCount(CASE_FILE, CASE_FILE.ID.in(cases))).as("returned case saves present").isEqualTo(cases.size());
        }
        if (!events.isEmpty()) {
            assertThat(dsl.fetchCount(CASE_EVENT, CASE_EVENT.ID.in(events))).as("returned event saves present").isEqualTo(events.size());
        }
        int caseCount = dsl.fetchCount(CASE_FILE);
        assertThat(dsl.fetchCount(PERSON)).as("one person per registered case").isEqualTo(caseCount);
        assertThat(dsl.fetchCount(CASE_FILE, DSL.notExists(DSL.selectOne().from(PERSON).where(PERSON.ID.eq(CASE_FILE.PERSON_ID)))))
                .as("cases without their person").isZero();
        assertThat(dsl.fetchCount(CASE_FILE, DSL.notExists(DSL.selectOne().from(CASE_EVENT)
                .where(CASE_EVENT.CASE_ID.eq(CASE_FILE.ID)).and(CASE_EVENT.EVENT_TYPE.eq(EventType.IDENTIFICATION)))))
                .as("cases without their identification event").isZero();
        assertThat(dsl.fetchCount(CASE_EVENT, CASE_EVENT.EVENT_TYPE.eq(EventType.IDENTIFICATION)))
                .as("one identification event per case").isEqualTo(caseCount);
    }

    private Process startWriter(ProcessBuilder.Redirect stderr) throws IOException {
        return startWriter(stderr, List.of());
    }

    private Process startWriter(ProcessBuilder.Redirect stderr, List<String> extraArgs) throws IOException {
        List<String> args = new ArrayList<>();
        args.add(dir.toString());
        args.addAll(extraArgs);
        List<String> cmd = org.haven.testing.ChildJvm.command(CrashWriter.class.getName(), args);
        return new ProcessBuilder(cmd).redirectError(stderr).start();
    }

    private static Thread readLines(Process child, List<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                // only lines ended by a newline count: a line cut by the kill was not fully reported
                StringBuilder line = new StringBuilder();
                int c;
                while ((c = in.read()) >= 0) {
                    if (c == '\n') {
                        lines.add(line.toString());
                        line.setLength(0);
                    } else {
                        line.append((char) c);
                    }
                }
            } catch (IOException ignored) {
                // the child died
            }
        }, "crash-test-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void waitFor(Process child, List<String> lines, String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (lines.stream().noneMatch(l -> l.startsWith(prefix))) {
            if (!child.isAlive()) {
                // ended: its last lines may still be on their way through the reader; give them a moment
                Thread.sleep(1000);
                if (lines.stream().anyMatch(l -> l.startsWith(prefix))) return;
                throw new AssertionError("the writer ended before \"" + prefix + "\" (exit " + child.exitValue() + ")");
            }
            if (System.nanoTime() > deadline) throw new AssertionError("no \"" + prefix + "\" within " + seconds + " s");
            Thread.sleep(5);
        }
    }

    private static void waitForFirstSave(Process child, List<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines.stream().noneMatch(l -> l.startsWith("CASE"))) {
            if (!child.isAlive()) throw new AssertionError("the writer died before its first save (exit " + child.exitValue() + ")");
            if (System.nanoTime() > deadline) throw new AssertionError("the writer made no save within 60 s");
            Thread.sleep(5);
        }
    }
}
