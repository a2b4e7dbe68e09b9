package org.haven.bench;

import java.util.Arrays;
import java.util.Locale;

/** Collected durations of one measurement, in nanoseconds; percentiles by nearest rank. */
public final class Timings {
    private long[] nanos = new long[64];
    private int size;

    public void add(long n) {
        if (size == nanos.length) nanos = Arrays.copyOf(nanos, size * 2);
        nanos[size++] = n;
    }

    public void addAll(Timings other) {
        for (int i = 0; i < other.size; i++) add(other.nanos[i]);
    }

    public int size() {
        return size;
    }

    /** The p-th percentile (0-100) in milliseconds. */
    public double percentileMs(double p) {
        if (size == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    public double p50() {
        return percentileMs(50);
    }

    public double p95() {
        return percentileMs(95);
    }

    public static String ms(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.1f ms", ms);
    }

    public String summary() {
        return "p50 " + ms(p50()) + ", p95 " + ms(p95());
    }
}
