package org.haven.security;

/**
 * Makes a CSV cell safe to open in a spreadsheet (OWASP "CSV injection"): a cell that starts with
 * = + - @ (or a tab or carriage return, which some spreadsheets skip before a formula) gets a
 * leading apostrophe, so it is shown as text and never run as a formula.
 */
public final class CsvCells {
    private CsvCells() {}

    public static String neutralize(String cell) {
        if (cell == null || cell.isEmpty()) return cell;
        char c = cell.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return "'" + cell;
        return cell;
    }
}
