package org.haven.bench;

import java.nio.file.Path;
import java.util.List;
import org.haven.core.Haven;

/**
 * One measurement of the benchmark (`haven bench`). Each feature that has a speed goal adds a step
 * in its own package and lists it in {@link BenchSteps}; the harness runs them over the same
 * seeded 100k database and writes the table into docs/benchmarks.md.
 */
public interface BenchStep {
    /** Short name shown in the table, e.g. "match one person". */
    String name();

    /** The goal as text, e.g. "<= 50 ms". */
    String goal();

    /** Runs the measurement (with its own warm-up) against the benchmark database. */
    List<BenchResult> run(Haven haven, Path workDir) throws Exception;

    /** One row of the table: what was measured, the figure, and whether the goal is met. */
    record BenchResult(String measure, String value, String goal, boolean met, String note) {}
}
