package org.haven.core.intake;

import java.util.List;

/**
 * A CSV file read and checked for shape: its header names and its data rows. A row's number is
 * the one a spreadsheet shows for it (the header is row 1; a quoted line break does not start a
 * new row).
 */
public record CsvTable(List<String> headers, List<Row> rows, char delimiter) {
    public record Row(int number, List<String> values) {}
}
