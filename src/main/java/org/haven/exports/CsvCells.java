package org.haven.exports;

/** Spreadsheet safety for CSV cells Haven writes (OWASP CSV injection). */
public final class CsvCells {
    private CsvCells() {}

    /** A cell starting with =, +, - or @ gets a leading apostrophe so a spreadsheet shows it as text. */
    public static String neutralize(String value) {
        if (value == null || value.isEmpty()) return "";
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' ? "'" + value : value;
    }
}
