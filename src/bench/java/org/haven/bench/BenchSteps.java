package org.haven.bench;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's steps, in the order they run. Features append theirs here. */
public final class BenchSteps {
    private BenchSteps() {}

    public static List<BenchStep> all() {
        List<BenchStep> steps = new ArrayList<>();
        steps.add(new org.haven.core.exports.AnonymizedExportBench());
        steps.add(new org.haven.core.summaries.SummaryBench());
        steps.add(new org.haven.core.matching.MatchBenchStep());
        return steps;
    }
}
