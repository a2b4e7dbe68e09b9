package org.haven.core.reports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.haven.core.common.AtomicFiles;
import org.haven.core.common.CsvCells;

/**
 * The statistics as one CSV in long form (table, row, column, count), with the small-cell rule
 * applied: counts below k read "&lt;k", and one-column tables end with a "total" line.
 */
public final class StatisticsCsv {
    private StatisticsCsv() {}

    public static void write(List<CountTable> tables, int k, Path file) {
        AtomicFiles.write(file, tmp -> {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                CsvCells.Writer csv = new CsvCells.Writer(out);
                csv.record("table", "row", "column", "count");
                for (CountTable t : tables) {
                    SmallCells.Protected p = SmallCells.protect(t, k);
                    for (int i = 0; i < t.rows().size(); i++) {
                        for (int j = 0; j < t.columns().size(); j++) {
                            csv.record(t.id(), t.rows().get(i), t.columns().get(j), p.cell(i, j));
                        }
                    }
                    if (p.publishesTotal()) csv.record(t.id(), "total", CountTable.COUNT, Long.toString(t.total()));
                }
            }
        });
    }
}
