package org.haven.core.reports;

import java.util.List;

/**
 * An aggregate table: counts per row (and per column for cross tables). Holds no personal data,
 * only category codes and counts. A one-dimensional table has a single column named "count".
 */
public record CountTable(String id, List<String> rows, List<String> columns, long[][] counts) {
    public static final String COUNT = "count";

    /** A column that holds a measure (days), not a count: never a small cell itself, hidden with its row's count. */
    public static boolean isMeasure(String column) {
        return column.endsWith("_days");
    }

    public long count(int row, int column) {
        return counts[row][column];
    }

    public long total() {
        long sum = 0;
        for (long[] r : counts) for (int j = 0; j < r.length; j++) if (!isMeasure(columns.get(j))) sum += r[j];
        return sum;
    }

    /** The count for a row key in a one-column table (0 when absent). */
    public long get(String row) {
        int i = rows.indexOf(row);
        return i < 0 ? 0 : counts[i][0];
    }

    public long get(String row, String column) {
        int i = rows.indexOf(row);
        int j = columns.indexOf(column);
        return i < 0 || j < 0 ? 0 : counts[i][j];
    }
}
