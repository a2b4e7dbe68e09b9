package org.haven.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.haven.core.Haven;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;

/**
 * Scrolling the whole case list: every page, in the list's page size, through the service, as a
 * user paging to the end would (keyset paging: each page seeks past the last row shown). Reports the peak heap in use meanwhile and the heap
 * still live after a GC, so a list that keeps every row in memory would show here.
 */
public final class ScrollHeapBench implements BenchStep {
    @Override
    public String name() {
        return "scroll the whole case list";
    }

    @Override
    public String goal() {
        return "heap <= 512 MB";
    }

    @Override
    public List<BenchResult> run(Haven haven, Path workDir) {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = usedAfterGc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long peakSampled = 0;
        long peakLive = before;
        Timings pages = new Timings();
        CaseQuery query = CaseQuery.text("", CaseListBench.PAGE);
        int total = haven.cases().count(query);
        int rows = 0;
        long t0 = System.nanoTime();
        List<CaseListItem> page = List.of();
        for (int offset = 0; ; offset += CaseListBench.PAGE) {
            long p0 = System.nanoTime();
            // keyset paging, as the case list's "next" does: the page after the last row shown
            page = haven.cases().search(page.isEmpty() ? query : query.after(page.getLast().position(), offset));
            pages.add(System.nanoTime() - p0);
            rows += page.size();
            Runtime rt = Runtime.getRuntime();
            peakSampled = Math.max(peakSampled, rt.totalMemory() - rt.freeMemory());
            // every 200 pages: what is really held (after a GC), which is what a smaller heap would need
            if (pages.size() % 200 == 0) peakLive = Math.max(peakLive, usedAfterGc());
            if (page.size() < CaseListBench.PAGE) break;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long poolPeak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long after = usedAfterGc();
        if (rows != total) throw new IllegalStateException("scrolled " + rows + " rows of " + total);
        long peakLive2 = Math.max(peakLive, after);
        long peakRaw = Math.max(peakSampled, poolPeak);
        return List.of(
                new BenchResult("scroll all cases: peak live heap (after GC)", mb(peakLive2), "<= 512 MB",
                        peakLive2 <= 512L * 1024 * 1024,
                        String.format(Locale.ROOT, "%d rows in %d pages of %d, %.1f s; live before %s, after %s; "
                                + "peak used incl. garbage %s with max heap %s",
                                rows, pages.size(), CaseListBench.PAGE, seconds, mb(before), mb(after),
                                mb(peakRaw), mb(Runtime.getRuntime().maxMemory()))),
                new BenchResult("scroll all cases: one page", pages.summary(), "-", true,
                        "keyset: each page seeks past the last row of the one before"));
    }

    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024));
    }
}
