package org.haven.bench;

import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SYNC_OUTBOX;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.haven.core.Haven;
import org.haven.bench.BenchStep.BenchResult;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.NewCase;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.haven.core.db.OfficeConnection;
import org.haven.core.operations.Operation;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.core.sync.Join;
import org.haven.core.sync.LaptopSync;
import org.haven.core.sync.ServiceCertificate;
import org.haven.core.sync.SyncServer;

/**
 * `haven bench --sync --db URL` (docs/benchmarks.md, "Sync"): a raid's registrations made offline on
 * a joined laptop and pushed to the office by `sync`, then a pull of 10,000 changes by another laptop,
 * through a real `haven serve` (TLS, login) on the office database at URL. The office database must be
 * empty: the bench makes its own accounts, operation and people there (nothing is cleaned up after).
 *
 * <p>The raid: a caseworker, member of the raid's operation, registers N people one at a time on her
 * laptop (each: person, case, identification event: 3 outbox entries), syncs (timed: the push of 3N
 * entries and the pull of the same 3N changes back, which the laptop skips as its own), then moves
 * every case to screening (a status change and its timeline event: 2 entries each) and syncs again.
 * A coordinator's laptop, joined before the raid, then pulls all 5N changes (10,000 for N = 2,000).
 */
public final class SyncBench {
    static final String BEGIN = "<!-- bench:sync:begin (written by `haven bench --sync --db`) -->";
    static final String END = "<!-- bench:sync:end -->";
    static final String HEADING = "## Sync: a raid pushed, 10,000 changes pulled";
    static final double PUSH_GOAL_SECONDS = 30;
    static final String FIELD = "field";
    static final String BOSS = Benchmark.USER;
    static final char[] PASSWORD = Benchmark.PASSWORD;

    private SyncBench() {}

    public record Report(String markdown, List<BenchResult> rows) {
        public String tsv() {
            StringBuilder sb = new StringBuilder("measure\tvalue\tgoal\tmet\tnote\n");
            for (BenchResult r : rows) {
                sb.append(String.join("\t", r.measure(), r.value(), r.goal(), r.met() ? "yes" : "NO", r.note())).append('\n');
            }
            return sb.toString();
        }
    }

    public static Report run(OfficeConnection office, int registrations, long seed, Path doc, PrintStream progress) throws Exception {
        Path work = Files.createTempDirectory("haven-sync-bench");
        try {
            String loadBefore = loadAverage();
            String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
            List<BenchResult> rows = measure(office, work, registrations, seed, progress);
            String markdown = markdown(started, registrations, loadBefore, loadAverage(), rows);
            if (doc != null) Benchmark.writeBlock(doc, BEGIN, END, HEADING, markdown);
            return new Report(markdown, rows);
        } finally {
            Benchmark.deleteTree(work);
        }
    }

    static List<BenchResult> measure(OfficeConnection office, Path work, int n, long seed, PrintStream progress) throws Exception {
        Path officeHome = work.resolve("office");
        refuseUnlessEmpty(officeHome, office);
        Operation raid;
        try (Haven h = Haven.create(officeHome, office, BOSS, PASSWORD)) {
            Accounts.addUser(h.unlocked(), FIELD, "Field Caseworker", EnumSet.of(Role.CASEWORKER), PASSWORD);
            raid = h.operations().create(new Operation(null, "OP-BENCH-1", "Bench raid", LocalDate.now(), "Kandal", null, null, null, null, 0));
            h.operations().addMember(raid.id(), FIELD);
        }
        ServiceCertificate cert = ServiceCertificate.inFolder(officeHome);
        Path laptop = work.resolve("laptop-field");
        Path coordinator = work.resolve("laptop-boss");
        List<BenchResult> rows = new ArrayList<>();
        try (SyncServer server = SyncServer.start(officeHome, office, 0, cert)) {
            String url = "https://localhost:" + server.port();
            Join.join(laptop, url, cert.fingerprint(), FIELD, PASSWORD);
            Join.join(coordinator, url, cert.fingerprint(), BOSS, PASSWORD);

            progress.printf(Locale.ROOT, "bench: %,d registrations on the laptop (offline)...%n", n);
            List<CaseFile> cases = new ArrayList<>(n);
            Random random = new Random(seed);
            long t0 = System.nanoTime();
            try (Haven h = Haven.login(laptop, FIELD, PASSWORD)) {
                for (int i = 0; i < n; i++) cases.add(h.cases().register(new NewCase(person(random, i), raid.id(), null, null, null)));
            }
            double registerSeconds = seconds(t0);
            int entries = outbox(laptop);
            rows.add(new BenchResult(String.format(Locale.ROOT, "raid: %,d registrations on a laptop, offline", n),
                    String.format(Locale.ROOT, "%.1f s", registerSeconds), "-", true,
                    String.format(Locale.ROOT, "CaseService.register one at a time (the form's path), each its own transaction; %,d outbox entries", entries)));

            progress.println("bench: the laptop syncs the raid...");
            t0 = System.nanoTime();
            LaptopSync.Result pushed = sync(laptop, FIELD);
            double pushSeconds = seconds(t0);
            check(pushed.pushed() == entries && outbox(laptop) == 0, "the office did not answer every registration");
            check(count(officeHome, office, CASE_FILE) == n, "the office does not hold every registered case once");
            double officeSeconds = officeApplySeconds(officeHome, office);
            rows.add(new BenchResult(String.format(Locale.ROOT, "sync: push %,d registrations (%,d entries) to the office", n, entries),
                    String.format(Locale.ROOT, "%.1f s", pushSeconds), "< 30 s", pushSeconds < PUSH_GOAL_SECONDS,
                    String.format(Locale.ROOT, "the whole `haven sync` on the laptop, through `haven serve` over TLS on localhost: "
                            + "push in pages of 2,000 entries (the office applying them: %.1f s, first to last audit entry), "
                            + "then the pull of the same %,d changes back (skipped: the laptop has them)", officeSeconds, entries)));

            progress.println("bench: every case moved to screening, then a second sync...");
            try (Haven h = Haven.login(laptop, FIELD, PASSWORD)) {
                for (CaseFile c : cases) h.cases().move(c.id(), c.version(), CaseStatus.SCREENING, null, null, null);
            }
            int moves = outbox(laptop);
            t0 = System.nanoTime();
            LaptopSync.Result second = sync(laptop, FIELD);
            double movesSeconds = seconds(t0);
            check(second.pushed() == moves && second.conflicts() == 0, "the office did not apply every status move");
            rows.add(new BenchResult(String.format(Locale.ROOT, "sync: push %,d status moves (%,d entries)", n, moves),
                    String.format(Locale.ROOT, "%.1f s", movesSeconds), "-", true,
                    "a status field and its timeline event per case; the whole `haven sync` as above"));

            progress.println("bench: the coordinator's laptop pulls everything...");
            t0 = System.nanoTime();
            LaptopSync.Result pulled = sync(coordinator, BOSS);
            double pullSeconds = seconds(t0);
            check(pulled.pulled() == entries + moves, "the coordinator's laptop did not apply every change: " + pulled.pulled());
            try (Haven h = Haven.login(coordinator, BOSS, PASSWORD)) {
                var dsl = h.database().dsl();
                check(dsl.fetchCount(PERSON) == n && dsl.fetchCount(CASE_FILE, CASE_FILE.STATUS.eq(org.haven.core.cases.CaseStatus.SCREENING)) == n
                        && dsl.fetchCount(CASE_EVENT) == 2 * n, "the coordinator's laptop does not hold the raid as the office does");
            }
            rows.add(new BenchResult(String.format(Locale.ROOT, "sync: pull %,d changes by a laptop", pulled.pulled()),
                    String.format(Locale.ROOT, "%.1f s", pullSeconds), "-", true,
                    String.format(Locale.ROOT, "%,d people, %,d cases, %,d events inserted and %,d status changes, pages of 1,000; "
                            + "the whole `haven sync` (nothing to push)", n, n, 2 * n, n)));
        }
        return rows;
    }

    /** Only an empty office database: the bench writes accounts and people into it. */
    private static void refuseUnlessEmpty(Path home, OfficeConnection office) {
        try (Database db = Database.openOffice(home, office)) {
            if (db.dsl().fetchExists(APP_USER)) {
                throw HavenException.badInput("The office database " + office.display()
                        + " is not empty: bench --sync runs on an empty database only; nothing was changed.");
            }
        }
    }

    private static final String[] NAMES = {"Nguyen Van", "Tran Thi", "Le Minh", "Pham Hoa", "Siti", "Dewi", "Wang", "Li", "Sok", "Chan"};
    private static final String[] COUNTRIES = {"VN", "ID", "CN", "KH", "TH", "MM"};

    /** A synthetic person (no real data): a name from a short list and a number, a rough age, a country. */
    private static Person person(Random random, int i) {
        return Person.draft(null, NAMES[random.nextInt(NAMES.length)] + " Raid" + i, random.nextBoolean() ? Sex.FEMALE : Sex.MALE,
                null, 18 + random.nextInt(30), COUNTRIES[random.nextInt(COUNTRIES.length)], "en", random.nextBoolean(),
                DocumentStatus.CONFISCATED, null);
    }

    private static LaptopSync.Result sync(Path home, String user) {
        try (Haven h = Haven.login(home, user, PASSWORD)) {
            return LaptopSync.sync(h, user, PASSWORD);
        }
    }

    private static int outbox(Path home) {
        try (Haven h = Haven.login(home, FIELD, PASSWORD)) {
            return h.database().dsl().fetchCount(SYNC_OUTBOX);
        }
    }

    private static int count(Path home, OfficeConnection office, org.jooq.Table<?> table) {
        try (Haven h = Haven.login(home, office, BOSS, PASSWORD)) {
            return h.database().dsl().fetchCount(table);
        }
    }

    /** From the office's first to its last SYNC_APPLIED audit entry (the bench's database holds only this push's). */
    private static double officeApplySeconds(Path home, OfficeConnection office) {
        try (Haven h = Haven.login(home, office, BOSS, PASSWORD)) {
            var at = org.haven.core.db.jooq.Tables.AUDIT_LOG.AT;
            var r = h.database().dsl().select(org.jooq.impl.DSL.min(at), org.jooq.impl.DSL.max(at)).from(org.haven.core.db.jooq.Tables.AUDIT_LOG)
                    .where(org.haven.core.db.jooq.Tables.AUDIT_LOG.ACTION.eq("SYNC_APPLIED")).fetchSingle();
            return java.time.Duration.between(r.value1(), r.value2()).toMillis() / 1000.0;
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalStateException("sync bench: " + what);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The 1-, 5- and 15-minute load averages (Linux), so a reader can judge the times. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String markdown(String date, int n, String loadBefore, String loadAfter, List<BenchResult> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("Run: ").append(date).append(String.format(Locale.ROOT, ", %,d registrations, one run of `haven bench --sync --db`.  \n", n))
                .append("Machine: ").append(MachineInfo.describe())
                .append("  \nLoad average (1, 5, 15 min): ").append(loadBefore).append(" at the start, ").append(loadAfter).append(" at the end\n\n");
        sb.append("| measure | value | goal | met | note |\n|---|---|---|---|---|\n");
        for (BenchResult r : rows) {
            sb.append("| ").append(r.measure()).append(" | ").append(r.value()).append(" | ").append(r.goal()).append(" | ")
                    .append(r.met() ? "yes" : "**no**").append(" | ").append(r.note().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }
}
