package org.haven.core.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * The small-cell rule for every aggregate Haven publishes (CSV tables, charts saved as images, PDF):
 * <ol>
 *   <li>Primary suppression: a count from 1 to k-1 is shown as "&lt;k". Zeros are shown.</li>
 *   <li>Secondary suppression: in every row and every column of a table (any line of two or more
 *       cells), if exactly one cell is suppressed, the smallest other non-zero cell of that line is
 *       suppressed too (shown as "*"), repeated until no line has a lone suppressed cell; so a total
 *       published here or elsewhere cannot give a suppressed count back by subtraction.</li>
 *   <li>Totals: one-dimensional tables get a total line (safe after rule 2) unless their rows overlap;
 *       cross tables get none.</li>
 *   <li>Measures (columns of days, {@link CountTable#isMeasure}): never suppressed on their own value;
 *       hidden ("*") whenever a count of their row is, since a median of fewer than k cases says too much.</li>
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
            if (CountTable.isMeasure(table.columns().get(column)) || table.count(row, column) == 0) return HIDDEN;
            return table.count(row, column) < k ? "<" + k : HIDDEN;
        }

        public boolean anySuppressed() {
            for (boolean[] r : suppressed) for (boolean s : r) if (s) return true;
            return false;
        }

        /** Totals are published only for one-column tables. */
        public boolean publishesTotal() {
            return table.columns().size() == 1 && table.rows().size() >= 2
                    && !StatisticsService.OVERLAPPING_ROWS.contains(table.id());
        }
    }

    public static Protected protect(CountTable table, int k) {
        if (k < 2) throw new IllegalArgumentException("k must be at least 2");
        int rows = table.rows().size();
        int cols = table.columns().size();
        boolean[][] s = new boolean[rows][cols];
        boolean[] measure = new boolean[cols];
        int countColumns = 0;
        for (int j = 0; j < cols; j++) {
            measure[j] = CountTable.isMeasure(table.columns().get(j));
            if (!measure[j]) countColumns++;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                long v = table.count(i, j);
                s[i][j] = !measure[j] && v > 0 && v < k;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            if (countColumns >= 2) {
                for (int i = 0; i < rows; i++) changed |= protectLine(table, s, i, -1);
            }
            if (rows >= 2) {
                for (int j = 0; j < cols; j++) if (!measure[j]) changed |= protectLine(table, s, -1, j);
            }
        }
        // Beyond lone cells: while some hidden count can still be worked out from the line totals
        // (e.g. a hidden cell whose line has only zeros besides it, or chains across rows and
        // columns), hide one more cell of its line: the smallest shown count, a zero if none.
        boolean hidOne = true;
        while (hidOne) {
            hidOne = false;
            for (int[] cell : determined(table, s, measure, countColumns)) {
                if (hideNeighbour(table, s, measure, cell[0], cell[1])) {
                    hidOne = true;
                    break;
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            boolean hidden = false;
            for (int j = 0; j < cols; j++) hidden |= !measure[j] && s[i][j];
            for (int j = 0; j < cols; j++) if (measure[j]) s[i][j] = hidden;
        }
        return new Protected(table, s, k);
    }

    /**
     * The hidden counts that the published counts and the totals of every line (each row and column
     * of two or more counts) determine exactly. Linear algebra
     * over the hidden cells: a cell is determined when its unit vector lies in the span of the lines.
     */
    static List<int[]> determined(CountTable t, boolean[][] s, boolean[] measure, int countColumns) {
        int rows = t.rows().size();
        int cols = t.columns().size();
        List<int[]> vars = new ArrayList<>();
        int[][] index = new int[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                index[i][j] = -1;
                if (!measure[j] && s[i][j]) {
                    index[i][j] = vars.size();
                    vars.add(new int[] {i, j});
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        if (vars.isEmpty()) return out;
        List<double[]> lines = new ArrayList<>();
        if (countColumns >= 2) {
            for (int i = 0; i < rows; i++) {
                double[] line = new double[vars.size()];
                for (int j = 0; j < cols; j++) if (index[i][j] >= 0) line[index[i][j]] = 1;
                lines.add(line);
            }
        }
        if (rows >= 2) {
            for (int j = 0; j < cols; j++) {
                if (measure[j]) continue;
                double[] line = new double[vars.size()];
                for (int i = 0; i < rows; i++) if (index[i][j] >= 0) line[index[i][j]] = 1;
                lines.add(line);
            }
        }
        List<double[]> basis = echelon(lines);
        for (int v = 0; v < vars.size(); v++) {
            double[] unit = new double[vars.size()];
            unit[v] = 1;
            if (inSpan(basis, unit)) out.add(vars.get(v));
        }
        return out;
    }

    /** Reduced row echelon form (rows with their pivot normalised to 1), zero rows dropped. */
    private static List<double[]> echelon(List<double[]> lines) {
        List<double[]> basis = new ArrayList<>();
        for (double[] line : lines) {
            double[] v = reduce(basis, line.clone());
            int pivot = pivot(v);
            if (pivot < 0) continue;
            double f = v[pivot];
            for (int x = 0; x < v.length; x++) v[x] /= f;
            for (double[] b : basis) {
                double g = b[pivot];
                if (Math.abs(g) > EPS) for (int x = 0; x < v.length; x++) b[x] -= g * v[x];
            }
            basis.add(v);
        }
        return basis;
    }

    private static double[] reduce(List<double[]> basis, double[] v) {
        for (double[] b : basis) {
            int p = pivot(b);
            double f = v[p];
            if (Math.abs(f) > EPS) for (int x = 0; x < v.length; x++) v[x] -= f * b[x];
        }
        return v;
    }

    private static boolean inSpan(List<double[]> basis, double[] v) {
        return pivot(reduce(basis, v)) < 0;
    }

    private static int pivot(double[] v) {
        for (int x = 0; x < v.length; x++) if (Math.abs(v[x]) > EPS) return x;
        return -1;
    }

    private static final double EPS = 1e-9;

    /** Hides one more count in the row or column of a determined cell: the smallest shown non-zero, else a zero. */
    private static boolean hideNeighbour(CountTable t, boolean[][] s, boolean[] measure, int row, int column) {
        int best = -1;
        int bestJ = -1;
        long bestValue = Long.MAX_VALUE;
        for (int pass = 0; pass < 2 && best < 0; pass++) {
            boolean zeros = pass == 1;
            for (int i = 0; i < t.rows().size(); i++) {
                if (i != row && !s[i][column] && (zeros ? t.count(i, column) == 0 : t.count(i, column) > 0)
                        && t.count(i, column) < bestValue) {
                    best = i;
                    bestJ = column;
                    bestValue = t.count(i, column);
                }
            }
            for (int j = 0; j < t.columns().size(); j++) {
                if (j != column && !measure[j] && !s[row][j] && (zeros ? t.count(row, j) == 0 : t.count(row, j) > 0)
                        && t.count(row, j) < bestValue) {
                    best = row;
                    bestJ = j;
                    bestValue = t.count(row, j);
                }
            }
        }
        if (best < 0) return false;
        s[best][bestJ] = true;
        return true;
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
            if (CountTable.isMeasure(t.columns().get(j))) {
                continue;
            } else if (s[i][j]) {
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
