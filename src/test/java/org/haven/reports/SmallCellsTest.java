package org.haven.reports;

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
            int rows = 1 + rnd.nextInt(8);
            int cols = 1 + rnd.nextInt(7);
            long[][] v = new long[rows][cols];
            String[] rn = new String[rows];
            String[] cn = new String[cols];
            for (int i = 0; i < rows; i++) rn[i] = "r" + i;
            for (int j = 0; j < cols; j++) cn[j] = "c" + j;
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) v[i][j] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(30);
            CountTable t = new CountTable("t", List.of(rn), List.of(cn), v);
            int k = 5 + rnd.nextInt(7);
            SmallCells.Protected p = SmallCells.protect(t, k);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (v[i][j] > 0 && v[i][j] < k) assertThat(p.isSuppressed(i, j)).isTrue();
                    if (v[i][j] == 0) assertThat(p.isSuppressed(i, j)).isFalse();
                }
            }
            if (cols >= 2) for (int i = 0; i < rows; i++) assertNoLoneCell(p, i, -1, cols);
            if (rows >= 2) for (int j = 0; j < cols; j++) assertNoLoneCell(p, -1, j, rows);
        }
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
}
