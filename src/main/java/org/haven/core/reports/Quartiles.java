package org.haven.core.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Quartiles of a distribution of whole days given as (value, how many) pairs. Pure. */
final class Quartiles {
    private Quartiles() {}

    /** {count, first quartile, median, third quartile}; all zero when empty. Nearest-rank quantiles. */
    static long[] of(List<long[]> valueAndCount) {
        List<long[]> sorted = new ArrayList<>(valueAndCount);
        sorted.sort(Comparator.comparingLong(v -> v[0]));
        long total = 0;
        for (long[] v : sorted) total += v[1];
        if (total == 0) return new long[4];
        return new long[] {total, rank(sorted, total, 0.25), rank(sorted, total, 0.5), rank(sorted, total, 0.75)};
    }

    private static long rank(List<long[]> sorted, long total, double q) {
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (long[] v : sorted) {
            seen += v[1];
            if (seen >= rank) return v[0];
        }
        return sorted.getLast()[0];
    }
}
