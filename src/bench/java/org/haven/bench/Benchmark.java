package org.haven.bench;

import static org.haven.core.db.jooq.Tables.PERSON;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.haven.core.Haven;
import org.haven.bench.BenchStep.BenchResult;
import org.haven.core.db.Database;
import org.haven.core.demo.DemoData;

/**
 * The benchmark harness behind `haven bench`: builds a seeded synthetic database of N people in a
 * temporary folder (or reuses/keeps one with --keep), runs the built-in measurements and every
 * feature's {@link BenchStep}, then the start-up measurement, and reports one table.
 */
public final class Benchmark {
    public static final String USER = "bench";
    /** Synthetic data only; the password just has to be the same for the child JVMs. */
    static final char[] PASSWORD = "bench-password-not-secret".toCharArray();
    static final String BEGIN = "<!-- bench:begin (written by `haven bench`) -->";
    static final String END = "<!-- bench:end -->";

    /** startupOnly: build or reuse the database, then measure start-up alone (for working on start-up). */
    public record Options(int people, long seed, Path keep, Path doc, boolean startup, boolean startupOnly) {
        public Options(int people, long seed, Path keep, Path doc, boolean startup) {
            this(people, seed, keep, doc, startup, false);
        }
    }

    public record Report(String machine, String date, int people, List<BenchResult> rows) {
        public String tsv() {
            StringBuilder sb = new StringBuilder("measure\tvalue\tgoal\tmet\tnote\n");
            for (BenchResult r : rows) {
                sb.append(String.join("\t", r.measure(), r.value(), r.goal(), r.met() ? "yes" : "NO", r.note())).append('\n');
            }
            return sb.toString();
        }

        public String markdown() {
            StringBuilder sb = new StringBuilder();
            sb.append("Run: ").append(date).append(", ").append(String.format(Locale.ROOT, "%,d", people))
                    .append(" people.  \nMachine: ").append(machine).append("\n\n");
            sb.append("| measure | value | goal | met | note |\n|---|---|---|---|---|\n");
            for (BenchResult r : rows) {
                sb.append("| ").append(cell(r.measure())).append(" | ").append(cell(r.value())).append(" | ")
                        .append(cell(r.goal())).append(" | ").append(r.met() ? "yes" : "**no**").append(" | ")
                        .append(cell(r.note())).append(" |\n");
            }
            return sb.toString();
        }

        private static String cell(String s) {
            return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
        }
    }

    private Benchmark() {}

    static Path keepFolder(Path keep) {
        try {
            return Files.createDirectories(keep);
        } catch (IOException | SecurityException e) {
            throw new org.haven.core.common.HavenException(org.haven.core.common.HavenException.Kind.BAD_INPUT,
                    "Cannot create the --keep folder " + keep + ": choose a writable path.");
        }
    }

    public static Report run(Options options, PrintStream progress) throws Exception {
        boolean temporary = options.keep() == null;
        Path work = temporary ? Files.createTempDirectory("haven-bench") : keepFolder(options.keep());
        try {
            return runIn(work, options, progress);
        } finally {
            if (temporary) deleteTree(work);
        }
    }

    private static Report runIn(Path work, Options options, PrintStream progress) throws Exception {
        Path home = work.resolve("home");
        List<BenchResult> rows = new ArrayList<>();
        try (Haven haven = openOrBuild(home, options, progress, rows)) {
            if (!options.startupOnly()) runSteps(haven, work, steps(options.seed()), progress, rows);
        }
        if (options.startup() || options.startupOnly()) {
            progress.println("bench: start-up...");
            try {
                rows.addAll(new StartupBench(home, USER, PASSWORD, work).run());
            } catch (Exception e) {
                rows.add(new BenchResult("start-up to first window", "failed", "<= 1.5x bare window", false, e.getMessage()));
            }
        }
        Report report = new Report(MachineInfo.describe(),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                options.people(), rows);
        if (options.doc() != null) writeDoc(options.doc(), report);
        return report;
    }

    /** The measuring steps, in order: the built-in ones, then every feature's. */
    static List<BenchStep> steps(long seed) {
        List<BenchStep> steps = new ArrayList<>(List.of(
                new CaseListBench(seed), new CaseViewBench(seed), new ScrollHeapBench()));
        steps.addAll(BenchSteps.all());
        return steps;
    }

    static void runSteps(Haven haven, Path work, List<BenchStep> steps, PrintStream progress, List<BenchResult> rows) {
        for (BenchStep step : steps) {
            progress.println("bench: " + step.name() + "...");
            long t0 = System.nanoTime();
            try {
                rows.addAll(step.run(haven, work));
            } catch (Exception | AssertionError e) {
                // one failing step must not hide the others; the message names no personal data
                rows.add(new BenchResult(step.name(), "failed", step.goal(), false, e.getClass().getSimpleName()));
            }
            progress.printf(Locale.ROOT, "bench: %s done in %.1f s%n", step.name(), (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Reuses a kept database with the right number of people, or builds a new one and times it. */
    static Haven openOrBuild(Path home, Options options, PrintStream progress, List<BenchResult> rows) {
        if (Database.existsIn(home)) {
            Haven haven = Haven.login(home, USER, PASSWORD);
            int people = haven.database().dsl().fetchCount(PERSON);
            if (people != options.people()) {
                haven.close();
                throw new IllegalStateException("The kept database holds " + people + " people, not " + options.people()
                        + ": use another --keep folder.");
            }
            progress.println("bench: reusing the database in " + home);
            rows.add(new BenchResult("build the database (DemoData)", "reused", "-", true, "kept folder"));
            return haven;
        }
        Haven haven = Haven.create(home, USER, PASSWORD);
        progress.printf(Locale.ROOT, "bench: building %,d people...%n", options.people());
        long t0 = System.nanoTime();
        int step = Math.max(1, options.people() / 10);
        DemoData.Counts counts = new DemoData(haven, options.seed()).generate(options.people(), done -> {
            if (done % step == 0 || done == options.people()) progress.printf(Locale.ROOT, "bench:   %,d%n", done);
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        long size = sizeOf(home.resolve(Database.FILE_BASE + ".mv.db"));
        rows.add(new BenchResult("build the database (DemoData)", String.format(Locale.ROOT, "%.1f s", seconds), "-", true,
                String.format(Locale.ROOT, "%,d people, %,d cases, %,d events, %d operations; seed %d; file %d MB",
                        counts.people(), counts.cases(), counts.events(), counts.operations(), options.seed(), size / (1024 * 1024))));
        // The bulk load leaves most of the file as old chunks (no background compaction with WRITE_DELAY=0):
        // compact it once, as a long-used database would be, so the measurements read a normal file.
        progress.println("bench: compacting the file...");
        long c0 = System.nanoTime();
        try {
            haven.database().dsl().execute("SHUTDOWN COMPACT");
        } catch (org.jooq.exception.DataAccessException closedByShutdown) {
            // the statement closes the database; the connection reports that
        }
        haven.close();
        rows.add(new BenchResult("compact the file (SHUTDOWN COMPACT)", String.format(Locale.ROOT, "%.1f s",
                (System.nanoTime() - c0) / 1e9), "-", true, String.format(Locale.ROOT, "file %d MB -> %d MB",
                size / (1024 * 1024), sizeOf(home.resolve(Database.FILE_BASE + ".mv.db")) / (1024 * 1024))));
        return Haven.login(home, USER, PASSWORD);
    }

    /** Replaces the generated block of the benchmarks page; the hand-written text around it stays. */
    static void writeDoc(Path doc, Report report) throws IOException {
        writeBlock(doc, BEGIN, END, "## Latest run", report.markdown());
    }

    /** Replaces the block between {@code begin} and {@code end}, or appends it under {@code heading}. */
    static void writeBlock(Path doc, String begin, String end, String heading, String markdown) throws IOException {
        String block = begin + "\n" + markdown + end;
        String text;
        if (Files.isRegularFile(doc)) {
            String old = Files.readString(doc, StandardCharsets.UTF_8);
            int b = old.indexOf(begin);
            int e = old.indexOf(end);
            text = b >= 0 && e > b ? old.substring(0, b) + block + old.substring(e + end.length())
                    : old + "\n" + heading + "\n\n" + block + "\n";
        } else {
            text = "# Benchmarks\n\n" + heading + "\n\n" + block + "\n";
        }
        if (doc.toAbsolutePath().getParent() != null) Files.createDirectories(doc.toAbsolutePath().getParent());
        Files.writeString(doc, text, StandardCharsets.UTF_8);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
