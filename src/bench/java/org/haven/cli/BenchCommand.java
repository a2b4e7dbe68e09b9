package org.haven.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.haven.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `haven bench [--people N] [--db URL]`: the performance benchmark on a synthetic database (see
 * docs/benchmarks.md). With --db, the same measurements on the embedded and the office database side by side.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run the benchmark on a synthetic database; print the table and write docs/benchmarks.md.")
public final class BenchCommand implements Callable<Integer>, ExtraCommand {
    @Option(names = "--people", paramLabel = "N", description = "People (and cases) to generate (default 100000; with --sync: registrations, default 2000).")
    Integer peopleOption;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of the synthetic data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keep", paramLabel = "DIR", description = "Build the database in DIR and keep it (reused by the next run with the same N).")
    Path keep;

    @Option(names = "--doc", paramLabel = "FILE", defaultValue = "docs/benchmarks.md", description = "Where to write the report (default ${DEFAULT-VALUE}).")
    Path doc;

    @Option(names = "--no-doc", description = "Print the table only.")
    boolean noDoc;

    @Option(names = "--no-startup", description = "Skip the start-up measurement (child JVMs with a window).")
    boolean noStartup;

    @Option(names = "--startup-only", description = "Only the start-up measurement (builds or reuses the database first; use with --keep).")
    boolean startupOnly;

    @Option(names = "--db", paramLabel = "URL", description = "Also run on this office database (jdbc:postgresql://...; empty, or built by an earlier bench run) "
            + "and write the side-by-side section of --doc instead of the embedded run's block. Service account from HAVEN_DB_USER/HAVEN_DB_PASSWORD.")
    String db;

    @Option(names = "--sync", description = "With --db (an empty office database): only the sync benchmark: --people registrations (default 2000 here) "
            + "made on a joined laptop and pushed through `haven serve`, then a pull of every change by a second laptop; writes its own block of --doc.")
    boolean sync;

    @Override
    public Integer call() throws Exception {
        int people = peopleOption != null ? peopleOption : sync ? 2_000 : 100_000;
        if (people < 10 || people > 1_000_000) throw org.haven.core.common.HavenException.badInput("--people must be between 10 and 1000000.");
        // The benchmark builds and replaces its own database: never in (or over) the real data folder.
        Path dataFolder = org.haven.core.db.HavenHome.resolve(null);
        if (keep != null) org.haven.core.common.OutputFiles.checkOutsideDataFolder(keep, dataFolder);
        if (!noDoc) org.haven.core.common.OutputFiles.checkOutsideDataFolder(doc, dataFolder);
        if (sync) {
            if (db == null) throw org.haven.core.common.HavenException.badInput("--sync needs --db URL: an empty office database.");
            org.haven.bench.SyncBench.Report report = org.haven.bench.SyncBench.run(org.haven.core.db.OfficeConnection.fromEnvironment(db),
                    people, seed, noDoc ? null : doc, System.err);
            System.out.print(report.tsv());
            System.out.flush();
            return 0;
        }
        if (db != null) {
            if (startupOnly) throw org.haven.core.common.HavenException.badInput("--startup-only measures the window: it does not go with --db.");
            org.haven.core.db.OfficeConnection office = org.haven.core.db.OfficeConnection.fromEnvironment(db);
            org.haven.bench.OfficeBenchmark.Comparison comparison = org.haven.bench.OfficeBenchmark.run(
                    new Benchmark.Options(people, seed, keep, noDoc ? null : doc, false), office, System.err);
            System.out.print(comparison.tsv());
            System.out.flush();
            return 0;
        }
        Benchmark.Report report = Benchmark.run(new Benchmark.Options(people, seed, keep, noDoc ? null : doc, !noStartup, startupOnly), System.err);
        System.out.print(report.tsv());
        System.out.flush();
        return 0; // goals missed show as "NO" in the table; the run itself succeeded
    }
}
