package org.haven.reports;

/**
 * The small-cell rule for every aggregate Haven publishes (CSV tables, charts saved as images, PDF):
 * <ol>
 *   <li>Primary suppression: a count from 1 to k-1 is shown as "&lt;k". Zeros are shown.</li>
 *   <li>Secondary suppression: in every row and every column of a table (any line of two or more
 *       cells), if exactly one cell is suppressed, the smallest other non-zero cell of that line is
 *       suppressed too (shown as "*"), repeated until no line has a lone suppressed cell; so a total
 *       published here or elsewhere cannot give a suppressed count back by subtraction.</li>
 *   <li>Totals: one-dimensional tables get a total line (safe after rule 2); cross tables get none.</li>
 * </ol>
 * Pure: no SQL, no JavaFX. See docs/anonymization.md.
 */
public final class SmallCells {
    /** How a secondarily suppressed cell reads. */
    public static final String HIDDEN = "*";

    private SmallCells() {}

    /** A table with its suppression decided. */
    public record Protected(CountTable table, boolean[][] suppressed, int k) {
        public boolean isSuppressed(int row, int column) {
            return suppressed[row][column];
        }

        /** The published text of a cell: the count, "<k" (too small), or "*" (hidden so "<k" cannot be worked out). */
        public String cell(int row, int column) {
            if (!suppressed[row][column]) return Long.toString(table.count(row, column));
            return table.count(row, column) < k ? "<" + k : HIDDEN;
        }

        public boolean anySuppressed() {
            for (boolean[] r : suppressed) for (boolean s : r) if (s) return true;
            return false;
        }

        /** Totals are published only for one-column tables. */
        public boolean publishesTotal() {
            return table.columns().size() == 1;
        }
    }

    public static Protected protect(CountTable table, int k) {
        if (k < 2) throw new IllegalArgumentException("k must be at least 2");
        int rows = table.rows().size();
        int cols = table.columns().size();
        boolean[][] s = new boolean[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                long v = table.count(i, j);
                s[i][j] = v > 0 && v < k;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            if (cols >= 2) {
                for (int i = 0; i < rows; i++) changed |= protectLine(table, s, i, -1);
            }
            if (rows >= 2) {
                for (int j = 0; j < cols; j++) changed |= protectLine(table, s, -1, j);
            }
        }
        return new Protected(table, s, k);
    }

    /** One row (column = -1) or one column (row = -1): adds a second suppression where one stands alone. */
    private static boolean protectLine(CountTable t, boolean[][] s, int row, int column) {
        int length = row >= 0 ? t.columns().size() : t.rows().size();
        int suppressedCount = 0;
        int best = -1;
        long bestValue = Long.MAX_VALUE;
        for (int x = 0; x < length; x++) {
            int i = row >= 0 ? row : x;
            int j = row >= 0 ? x : column;
            if (s[i][j]) {
                suppressedCount++;
            } else if (t.count(i, j) > 0 && t.count(i, j) < bestValue) {
                bestValue = t.count(i, j);
                best = x;
            }
        }
        if (suppressedCount != 1 || best < 0) return false;
        if (row >= 0) s[row][best] = true;
        else s[best][column] = true;
        return true;
    }
}
