package org.haven.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.haven.core.Haven;
import org.haven.bench.BenchStep.BenchResult;
import org.haven.core.db.OfficeConnection;

/**
 * A few benchmark steps alone on an office database (for before/after comparisons of one change
 * without the embedded run): {@code OfficeStepsMain HOME PEOPLE SEED build|scroll|sessions...}.
 * {@code build} fills an empty database (as {@code haven bench --db} does); the other steps log in to
 * one it built. The service account comes from HAVEN_DB_URL / HAVEN_DB_USER / HAVEN_DB_PASSWORD.
 */
public final class OfficeStepsMain {
    private OfficeStepsMain() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int people = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        OfficeConnection office = OfficeConnection.fromEnvironment(null);
        Files.createDirectories(home);
        Benchmark.Options options = new Benchmark.Options(people, seed, null, null, false, false);
        List<BenchResult> rows = new ArrayList<>();
        boolean build = List.of(args).contains("build");
        try (Haven haven = OfficeBenchmark.openOrBuildOffice(home, office, !build, options, System.out, rows)) {
            for (int i = 3; i < args.length; i++) {
                BenchStep step = switch (args[i]) {
                    case "build" -> null;
                    case "scroll" -> new ScrollHeapBench();
                    case "sessions" -> new ConcurrentSessionsBench(seed);
                    default -> throw new IllegalArgumentException(args[i]);
                };
                if (step == null) continue;
                rows.addAll(step.run(haven, home));
            }
        }
        for (BenchResult r : rows) System.out.println(r.measure() + " | " + r.value() + " | " + r.note());
    }
}
