package org.haven.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmallCellsTest {
    private static CountTable oneColumn(long... values) {
        long[][] v = new long[values.length][1];
        String[] rows = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            v[i][0] = values[i];
            rows[i] = "r" + i;
        }
        return new CountTable("t", List.of(rows), List.of(CountTable.COUNT), v);
    }

    @Test
    void smallCountsReadLessThanKAndZerosStay() {
        SmallCells.Protected p = SmallCells.protect(oneColumn(120, 3, 0, 40, 2), 5);
        assertThat(p.cell(0, 0)).isEqualTo("120");
        assertThat(p.cell(1, 0)).isEqualTo("<5");
        assertThat(p.cell(2, 0)).isEqualTo("0");
        assertThat(p.cell(3, 0)).isEqualTo("40");
        assertThat(p.cell(4, 0)).isEqualTo("<5");
        assertThat(p.publishesTotal()).isTrue();
    }

    @Test
    void aLoneSuppressedCellTakesTheSmallestOtherWithIt() {
        SmallCells.Protected p = SmallCells.protect(oneColumn(120, 3, 0, 40, 60), 5);
        assertThat(p.cell(1, 0)).isEqualTo("<5");
        assertThat(p.isSuppressed(3, 0)).isTrue();
        assertThat(p.cell(3, 0)).isEqualTo("*");
        assertThat(p.isSuppressed(0, 0)).isFalse();
        assertThat(p.isSuppressed(4, 0)).isFalse();
    }

    /** Property: in random cross tables no row or column has exactly one suppressed cell when another non-zero cell exists. */
    @Test
    void noLineEverHasALoneSuppressedCell() {
        for (int seed = 0; seed < 500; seed++) {
            Random rnd = new Random(seed);
            long[][] v = randomCounts(rnd, 8, 30);
            int rows = v.length;
            int cols = v[0].length;
            CountTable t = table(v);
            int k = 5 + rnd.nextInt(7);
            SmallCells.Protected p = SmallCells.protect(t, k);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (v[i][j] > 0 && v[i][j] < k) assertThat(p.isSuppressed(i, j)).isTrue();
                }
            }
            if (cols >= 2) for (int i = 0; i < rows; i++) assertNoLoneCell(p, i, -1, cols);
            if (rows >= 2) for (int j = 0; j < cols; j++) assertNoLoneCell(p, -1, j, rows);
        }
    }

    /**
     * Property: whoever knows every published count and the total of every row and column (and of a
     * one-column table) cannot work out any hidden count: no hidden cell is determined by the linear
     * system of line totals. Random tables, demo-like skew, k = 5 and 11.
     */
    @Test
    void noSuppressedCellIsRecoverableFromTheTotals() {
        for (int seed = 0; seed < 400; seed++) {
            Random rnd = new Random(seed);
            long[][] v = randomCounts(rnd, 9, seed % 2 == 0 ? 12 : 40);
            int k = seed % 3 == 0 ? 11 : 5;
            assertNothingRecoverable(SmallCells.protect(table(v), k));
        }
    }

    /** Also what a reader sees: no published table of the statistics on demo data gives a hidden count back. */
    @Test
    void noSuppressedCellOfTheDemoStatisticsIsRecoverable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (org.haven.core.Haven haven = org.haven.testing.TestHaven.create(dir)) {
            new org.haven.core.demo.DemoData(haven, 11).generate(300, null);
            for (CountTable t : haven.statistics().all(StatsFilter.all())) {
                for (int k : new int[] {5, 11}) assertNothingRecoverable(SmallCells.protect(t, k));
            }
        }
    }

    static void assertNothingRecoverable(SmallCells.Protected p) {
        CountTable t = p.table();
        int rows = t.rows().size();
        java.util.List<Integer> countCols = new java.util.ArrayList<>();
        for (int j = 0; j < t.columns().size(); j++) if (!CountTable.isMeasure(t.columns().get(j))) countCols.add(j);
        java.util.List<int[]> hidden = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) for (int j : countCols) if (p.isSuppressed(i, j)) hidden.add(new int[] {i, j});
        if (hidden.isEmpty()) return;
        java.util.List<double[]> lines = new java.util.ArrayList<>();
        if (countCols.size() >= 2) {
            for (int i = 0; i < rows; i++) {
                double[] line = new double[hidden.size()];
                for (int x = 0; x < hidden.size(); x++) if (hidden.get(x)[0] == i) line[x] = 1;
                lines.add(line);
            }
        }
        for (int j : countCols) {
            if (rows < 2) break;
            double[] line = new double[hidden.size()];
            for (int x = 0; x < hidden.size(); x++) if (hidden.get(x)[1] == j) line[x] = 1;
            lines.add(line);
        }
        int rank = rank(lines);
        for (int x = 0; x < hidden.size(); x++) {
            java.util.List<double[]> with = new java.util.ArrayList<>(lines);
            double[] unit = new double[hidden.size()];
            unit[x] = 1;
            with.add(unit);
            assertThat(rank(with)).as("%s: hidden cell (%s, %s) = %s is determined by the totals in %s", t.id(),
                    t.rows().get(hidden.get(x)[0]), t.columns().get(hidden.get(x)[1]), t.count(hidden.get(x)[0], hidden.get(x)[1]), render(p))
                    .isGreaterThan(rank);
        }
    }

    private static String render(SmallCells.Protected p) {
        StringBuilder b = new StringBuilder("\n");
        for (int i = 0; i < p.table().rows().size(); i++) {
            for (int j = 0; j < p.table().columns().size(); j++) b.append(p.table().count(i, j)).append(p.isSuppressed(i, j) ? "h " : "  ");
            b.append('\n');
        }
        return b.toString();
    }

    private static int rank(java.util.List<double[]> lines) {
        double[][] m = lines.stream().map(double[]::clone).toArray(double[][]::new);
        int rank = 0;
        int cols = m.length == 0 ? 0 : m[0].length;
        for (int c = 0; c < cols && rank < m.length; c++) {
            int best = rank;
            for (int r = rank; r < m.length; r++) if (Math.abs(m[r][c]) > Math.abs(m[best][c])) best = r;
            if (Math.abs(m[best][c]) < 1e-9) continue;
            double[] tmp = m[rank]; m[rank] = m[best]; m[best] = tmp;
            for (int r = 0; r < m.length; r++) {
                if (r == rank) continue;
                double f = m[r][c] / m[rank][c];
                for (int x = c; x < cols; x++) m[r][x] -= f * m[rank][x];
            }
            rank++;
        }
        return rank;
    }

    private static void assertNoLoneCell(SmallCells.Protected p, int row, int col, int length) {
        int suppressed = 0;
        int otherNonZero = 0;
        for (int x = 0; x < length; x++) {
            int i = row >= 0 ? row : x;
            int j = row >= 0 ? x : col;
            if (p.isSuppressed(i, j)) suppressed++;
            else if (p.table().count(i, j) > 0) otherNonZero++;
        }
        if (suppressed == 1) assertThat(otherNonZero).isZero();
    }

    /** A random table: up to {@code maxRows} rows and 7 columns, a third of the counts 0, the others below {@code bound}. */
    private static long[][] randomCounts(Random rnd, int maxRows, int bound) {
        int rows = 1 + rnd.nextInt(maxRows);
        int cols = 1 + rnd.nextInt(7);
        long[][] v = new long[rows][cols];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) v[i][j] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(bound);
        return v;
    }

    /** The counts {@code v} as a table with rows r0, r1, ... and columns c0, c1, ... */
    private static CountTable table(long[][] v) {
        String[] rn = new String[v.length];
        String[] cn = new String[v[0].length];
        for (int i = 0; i < rn.length; i++) rn[i] = "r" + i;
        for (int j = 0; j < cn.length; j++) cn[j] = "c" + j;
        return new CountTable("t", List.of(rn), List.of(cn), v);
    }
}
