package org.haven.bench;

import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haven.core.Haven;
import org.haven.bench.BenchStep.BenchResult;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.haven.core.db.OfficeConnection;
import org.haven.core.demo.DemoData;

/**
 * `haven bench --db URL`: the same measurements on the embedded database and on the office database
 * (PostgreSQL), with the same N in one run, plus twenty sessions at once on each, and a table that
 * sets the two side by side. It writes its own block of the benchmarks page, never the embedded
 * run's block.
 *
 * <p>It only runs on an office database that is empty or that an earlier run built (it holds the
 * benchmark account): it writes synthetic people and saves into it, so a real office database
 * (other accounts, no benchmark account) is refused before anything is written.
 */
public final class OfficeBenchmark {
    static final String BEGIN = "<!-- bench:office:begin (written by `haven bench --db`) -->";
    static final String END = "<!-- bench:office:end -->";
    static final String HEADING = "## Office database (PostgreSQL) side by side";
    /** Every office figure within 1.5x of the embedded one. */
    static final double MAX_RATIO = 1.5;
    static final double LOAD_SEARCH_P95_MS = 50;

    private OfficeBenchmark() {}

    /** One measure on both databases. */
    public record Row(String measure, String embedded, String office, String ratio, String goal, boolean met) {}

    public record Comparison(String machine, String server, String date, int people, List<Row> rows) {
        public String tsv() {
            StringBuilder sb = new StringBuilder("measure\tH2 (embedded)\tPostgreSQL (office)\tPostgreSQL/H2\tgoal\tmet\n");
            for (Row r : rows) {
                sb.append(String.join("\t", r.measure(), r.embedded(), r.office(), r.ratio(), r.goal(), r.met() ? "yes" : "NO"))
                        .append('\n');
            }
            return sb.toString();
        }

        public String markdown() {
            StringBuilder sb = new StringBuilder();
            sb.append("Run: ").append(date).append(", ").append(String.format(Locale.ROOT, "%,d", people))
                    .append(" people on each database, one run of `haven bench --db`.  \nMachine: ").append(machine)
                    .append("  \nOffice database: ").append(server).append("\n\n");
            sb.append("| measure | H2 (embedded) | PostgreSQL (office) | PostgreSQL / H2 | goal | met |\n|---|---|---|---|---|---|\n");
            for (Row r : rows) {
                sb.append("| ").append(cell(r.measure())).append(" | ").append(cell(r.embedded())).append(" | ")
                        .append(cell(r.office())).append(" | ").append(cell(r.ratio())).append(" | ").append(cell(r.goal()))
                        .append(" | ").append(r.met() ? "yes" : "**no**").append(" |\n");
            }
            return sb.toString();
        }

        private static String cell(String s) {
            return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
        }
    }

    public static Comparison run(Benchmark.Options options, OfficeConnection office, PrintStream progress) throws Exception {
        boolean temporary = options.keep() == null;
        Path work = temporary ? Files.createTempDirectory("haven-bench") : Benchmark.keepFolder(options.keep());
        try {
            // refused before anything is measured or written: a database that is not the benchmark's
            boolean reuse = builtBefore(work.resolve("office-home"), office, options);
            List<BenchResult> embedded = new ArrayList<>();
            progress.println("bench: the embedded database (H2)...");
            try (Haven haven = Benchmark.openOrBuild(work.resolve("home"), options, progress, embedded)) {
                Benchmark.runSteps(haven, work, steps(options.seed()), progress, embedded);
            }
            List<BenchResult> onServer = new ArrayList<>();
            String server;
            progress.println("bench: the office database (PostgreSQL) at " + office.display() + "...");
            try (Haven haven = openOrBuildOffice(work.resolve("office-home"), office, reuse, options, progress, onServer)) {
                server = describe(haven);
                Benchmark.runSteps(haven, work, steps(options.seed()), progress, onServer);
            }
            Comparison comparison = new Comparison(MachineInfo.describe(), server,
                    ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                    options.people(), compare(embedded, onServer));
            if (options.doc() != null) Benchmark.writeBlock(options.doc(), BEGIN, END, HEADING, comparison.markdown());
            return comparison;
        } finally {
            if (temporary) Benchmark.deleteTree(work);
        }
    }

    static List<BenchStep> steps(long seed) {
        List<BenchStep> steps = Benchmark.steps(seed);
        steps.add(new ConcurrentSessionsBench(seed));
        return steps;
    }

    /**
     * Logs in to an office database the benchmark built before (with the same N), or builds the
     * synthetic people into an empty one. Anything else is refused before a row is written.
     */
    static Haven openOrBuildOffice(Path home, OfficeConnection office, boolean reuse, Benchmark.Options options,
            PrintStream progress, List<BenchResult> rows) {
        if (reuse) {
            Haven haven = Haven.login(home, office, Benchmark.USER, Benchmark.PASSWORD);
            progress.println("bench: reusing the office database's benchmark people");
            rows.add(new BenchResult("build the database (DemoData)", "reused", "-", true, "built by an earlier run"));
            return haven;
        }
        Haven haven = Haven.create(home, office, Benchmark.USER, Benchmark.PASSWORD);
        try {
            progress.printf(Locale.ROOT, "bench: building %,d people on the office database...%n", options.people());
            long t0 = System.nanoTime();
            int step = Math.max(1, options.people() / 10);
            DemoData.Counts counts = new DemoData(haven, options.seed()).generate(options.people(), done -> {
                if (done % step == 0 || done == options.people()) progress.printf(Locale.ROOT, "bench:   %,d%n", done);
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            // Fresh planner statistics, as the server's autovacuum would give a database in use.
            long a0 = System.nanoTime();
            haven.database().dsl().execute("VACUUM ANALYZE");
            double analyze = (System.nanoTime() - a0) / 1e9;
            long bytes = haven.database().dsl().fetchOne("SELECT pg_database_size(current_database())").get(0, Long.class);
            rows.add(new BenchResult("build the database (DemoData)", String.format(Locale.ROOT, "%.1f s", seconds), "-", true,
                    String.format(Locale.ROOT, "%,d people, %,d cases, %,d events, %d operations; seed %d; database %d MB; "
                            + "VACUUM ANALYZE %.1f s", counts.people(), counts.cases(), counts.events(), counts.operations(),
                            options.seed(), bytes / (1024 * 1024), analyze)));
            return haven;
        } catch (RuntimeException e) {
            haven.close();
            throw e;
        }
    }

    /**
     * True when an earlier run built this office database with the same N; false when it is empty.
     * Anything else (accounts of its own, another N) is refused with nothing written.
     */
    static boolean builtBefore(Path home, OfficeConnection office, Benchmark.Options options) {
        try (Database db = Database.openOffice(home, office)) {
            boolean hasAccounts = db.dsl().fetchExists(APP_USER);
            boolean hasBenchAccount = db.dsl().fetchExists(APP_USER, APP_USER.USERNAME.eq(Benchmark.USER));
            if (hasAccounts && !hasBenchAccount) {
                throw HavenException.badInput("The office database " + office.display()
                        + " has accounts of its own: bench only runs on an empty database or one it built; nothing was changed.");
            }
            if (!hasBenchAccount) return false;
            int people = db.dsl().fetchCount(PERSON);
            if (people != options.people()) {
                throw HavenException.badInput("The office database holds " + people + " benchmark people, not "
                        + options.people() + ": use an empty database or the same --people.");
            }
            return true;
        }
    }

    private static String describe(Haven haven) {
        var dsl = haven.database().dsl();
        return "PostgreSQL " + show(dsl, "server_version") + ", shared_buffers " + show(dsl, "shared_buffers")
                + ", synchronous_commit " + show(dsl, "synchronous_commit") + ", fsync " + show(dsl, "fsync")
                + ", TLS " + (Boolean.TRUE.equals(dsl.fetchOne("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                        .get(0, Boolean.class)) ? "on" : "off");
    }

    private static String show(org.jooq.DSLContext dsl, String setting) {
        // a fixed list of setting names from this class, never input
        return dsl.fetchOne("SELECT current_setting(?)", setting).get(0, String.class);
    }

    /** The two runs' rows by measure, in the embedded run's order, then what only the office run has. */
    static List<Row> compare(List<BenchResult> embedded, List<BenchResult> office) {
        Map<String, BenchResult> officeByMeasure = new LinkedHashMap<>();
        for (BenchResult r : office) officeByMeasure.put(r.measure(), r);
        List<Row> rows = new ArrayList<>();
        for (BenchResult h2 : embedded) {
            BenchResult pg = officeByMeasure.remove(h2.measure());
            rows.add(row(h2.measure(), h2, pg));
        }
        for (BenchResult pg : officeByMeasure.values()) rows.add(row(pg.measure(), null, pg));
        return rows;
    }

    private static Row row(String measure, BenchResult h2, BenchResult pg) {
        String h2Value = h2 == null ? "-" : h2.value();
        String pgValue = pg == null ? "-" : pg.value();
        boolean underLoad = measure.startsWith(ConcurrentSessionsBench.SESSIONS + " sessions at once: search");
        Double a = h2 == null ? null : figure(h2.value());
        Double b = pg == null ? null : figure(pg.value());
        // The build is a one-off set-up, H2's CSVWRITE has no counterpart: neither is held to the ratio.
        boolean compared = a != null && b != null && a > 0 && !measure.startsWith("build the database");
        if (!compared) {
            boolean failed = "failed".equals(h2Value) || "failed".equals(pgValue);
            return new Row(measure, h2Value, pgValue, "-", "-", !failed);
        }
        double ratio = b / a;
        boolean met = ratio <= MAX_RATIO;
        String goal = "<= 1.5x H2";
        if (underLoad) {
            goal += "; p95 <= 50 ms";
            met = met && b <= LOAD_SEARCH_P95_MS;
        }
        return new Row(measure, h2Value, pgValue, String.format(Locale.ROOT, "%.2fx", ratio), goal, met);
    }

    private static final Pattern P95 = Pattern.compile("p95 ([0-9.]+) ms");
    private static final Pattern PLAIN = Pattern.compile("^([0-9.]+) (ms|s|MB)\\b");

    /** The figure a row is judged by: its p95 when it has one, else its single value (in ms, or MB). */
    static Double figure(String value) {
        Matcher m = P95.matcher(value);
        if (m.find()) return Double.parseDouble(m.group(1));
        m = PLAIN.matcher(value);
        if (!m.find()) return null;
        double v = Double.parseDouble(m.group(1));
        return m.group(2).equals("s") ? v * 1000 : v;
    }
}
