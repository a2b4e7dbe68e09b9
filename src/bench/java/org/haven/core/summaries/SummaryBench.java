package org.haven.core.summaries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.bench.BenchStep;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;

/**
 * Benchmark of case summaries: one case to a PDF file (goal under 300 ms, median of 20 after a
 * warm-up), a batch of 500 cases into one PDF with contents (reported per case and in total), and
 * the issue-17 goal: 200 court summaries in Khmer in one command (cover, contents, certification),
 * under 15 s.
 */
public final class SummaryBench implements BenchStep {
    static final long GOAL_MS = 300;
    static final int BATCH = 500;
    static final int COURT_BATCH = 200;
    static final long COURT_BATCH_GOAL_MS = 15_000;

    @Override
    public String name() {
        return "case summary PDF";
    }

    @Override
    public String goal() {
        return "< " + GOAL_MS + " ms per summary";
    }

    @Override
    public List<BenchResult> run(Haven haven, Path workDir) throws Exception {
        SummaryService service = haven.summaries();
        List<UUID> ids = haven.cases().search(new CaseQuery(null, null, null, null, CaseQuery.SortColumn.CASE_NUMBER, false, 0, BATCH))
                .stream().map(CaseListItem::caseId).toList();
        if (ids.isEmpty()) throw new IllegalStateException("the benchmark database has no case");
        Files.createDirectories(workDir);
        Path one = workDir.resolve("bench-summary-one.pdf");
        SummaryOptions options = SummaryOptions.all(Audience.INTERNAL);

        for (int i = 0; i < 5; i++) service.writePdf(List.of(ids.get(i % ids.size())), options, one, null, null);
        long[] times = new long[20];
        for (int i = 0; i < times.length; i++) {
            UUID id = ids.get((i * 7 + 3) % ids.size());
            long t0 = System.nanoTime();
            service.writePdf(List.of(id), options, one, null, null);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        double medianMs = times[times.length / 2] / 1e6;
        double worstMs = times[times.length - 1] / 1e6;

        Path batch = workDir.resolve("bench-summary-batch.pdf");
        long t0 = System.nanoTime();
        SummaryService.Result r = service.writePdf(ids, options, batch, null, null);
        double batchMs = (System.nanoTime() - t0) / 1e6;
        long batchBytes = Files.size(batch);

        // 200 summaries in one command: the heaviest variant (court copy, Khmer, cover and contents).
        List<UUID> court = ids.subList(0, Math.min(COURT_BATCH, ids.size()));
        Path courtFile = workDir.resolve("bench-summary-court-200.pdf");
        // Also the CPU time of this thread: on a machine shared with other builds the wall clock mostly
        // measures waiting for a core, the CPU time what the command itself costs.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long c0 = System.nanoTime();
        // The synthetic people record no consent to share with a court: the bench gives the override
        // reason a coordinator would (audited as CONSENT_OVERRIDE, as in real use), else the batch is refused.
        SummaryService.Result cr = service.writePdf(court, SummaryOptions.all(Audience.COURT, Locale.of("km")), courtFile, null, null,
                "Benchmark of synthetic people, not shared");
        double courtMs = (System.nanoTime() - c0) / 1e6;
        double courtCpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
        long courtBytes = Files.size(courtFile);
        Files.deleteIfExists(one);
        Files.deleteIfExists(batch); // the files hold (synthetic) personal data: do not leave them around
        Files.deleteIfExists(courtFile);

        List<BenchResult> out = new ArrayList<>();
        out.add(new BenchResult("one summary (median of 20, to file)", ms(medianMs), goal(), medianMs < GOAL_MS,
                "worst " + ms(worstMs)));
        double perCase = batchMs / r.cases();
        out.add(new BenchResult("batch of " + r.cases() + " cases, one PDF with contents", ms(batchMs),
                "< " + GOAL_MS + " ms per case", perCase < GOAL_MS,
                String.format(Locale.ROOT, "%.1f ms per case, %d pages, %.1f MB", perCase, r.pages(), batchBytes / 1e6)));
        out.add(new BenchResult("batch of " + cr.cases() + " court summaries in Khmer, one PDF with cover and contents",
                ms(courtMs), "< 15 s for 200", courtMs < COURT_BATCH_GOAL_MS,
                String.format(Locale.ROOT, "%.1f ms per case, %d pages, %.1f MB, CPU %.1f s", courtMs / cr.cases(), cr.pages(),
                        courtBytes / 1e6, courtCpuMs / 1000)));
        return out;
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.0f ms", v);
    }
}
