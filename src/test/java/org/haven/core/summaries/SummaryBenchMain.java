package org.haven.core.summaries;

import java.nio.file.Files;
import java.nio.file.Path;
import org.haven.core.Haven;
import org.haven.bench.BenchStep;

/**
 * Runs the summary benchmark step alone against an existing database, until `haven bench` exists
 * in this branch. HAVEN_HOME, HAVEN_USER and HAVEN_PASSWORD say which database and who.
 */
public final class SummaryBenchMain {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getenv("HAVEN_HOME"));
        try (Haven haven = Haven.login(home, System.getenv("HAVEN_USER"), System.getenv("HAVEN_PASSWORD").toCharArray())) {
            Path work = Files.createTempDirectory("haven-bench-");
            System.out.println("measure\tvalue\tgoal\tmet\tnote");
            for (BenchStep.BenchResult r : new SummaryBench().run(haven, work)) {
                System.out.println(r.measure() + "\t" + r.value() + "\t" + r.goal() + "\t" + r.met() + "\t" + r.note());
            }
            Files.deleteIfExists(work);
        }
    }
}
