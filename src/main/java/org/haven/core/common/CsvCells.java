package org.haven.core.common;

import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The one set of rules for every CSV Haven writes (anonymized and identified exports, codebook,
 * statistics): safe to open in a spreadsheet, readable by Excel in any locale.
 * <ul>
 *   <li>A cell starting with = + - @, a tab or a carriage return, or the full-width ＝ ＋ － ＠ (which
 *       some spreadsheets fold to the ASCII ones), gets a leading apostrophe, so it is shown as text
 *       and never run as a formula (OWASP "CSV injection").</li>
 *   <li>Quoting is Commons CSV's, plus: a cell holding a semicolon is quoted, since Excel in many
 *       locales separates cells with ';'.</li>
 *   <li>The file starts with a UTF-8 byte order mark, so Excel reads it as UTF-8 and shows Khmer,
 *       Thai, Myanmar and Vietnamese names instead of mojibake (Haven's importer accepts it).</li>
 * </ul>
 */
public final class CsvCells {
    /** Written first in every CSV file: U+FEFF, the bytes EF BB BF in UTF-8. */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvCells() {}

    public static String neutralize(String cell) {
        if (cell == null || cell.isEmpty()) return cell == null ? "" : cell;
        return startsAFormula(cell.charAt(0)) ? "'" + cell : cell;
    }

    static boolean startsAFormula(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }

    /** Writes a CSV: the byte order mark first, then one neutralized, quoted-where-needed record per call. */
    public static final class Writer {
        private static final CSVFormat MINIMAL = CSVFormat.DEFAULT;
        private static final CSVFormat QUOTED = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).get();
        private final Appendable out;
        private final String recordSeparator;

        /** @param recordSeparator "\r\n" (RFC 4180) or "\n" */
        public Writer(Appendable out, String recordSeparator) throws IOException {
            this.out = out;
            this.recordSeparator = recordSeparator;
            out.append(BYTE_ORDER_MARK);
        }

        public Writer(Appendable out) throws IOException {
            this(out, "\r\n");
        }

        public void record(List<String> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                String cell = neutralize(cells.get(i));
                (cell.indexOf(';') >= 0 ? QUOTED : MINIMAL).print(cell, out, i == 0);
            }
            out.append(recordSeparator);
        }

        public void record(String... cells) throws IOException {
            record(List.of(cells));
        }
    }
}
