package org.haven.intake;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.haven.common.HavenException;

/**
 * Reads an intake CSV, refusing anything that is not a sane list with one clear message: not
 * UTF-8, binary, empty, header only, rows with the wrong number of fields, unbalanced quotes,
 * larger than {@value #MAX_BYTES} bytes or more than {@value #MAX_ROWS} rows. The separator is
 * whichever of comma, semicolon or tab occurs most in the header line (comma when none does).
 * A UTF-8 byte order mark and CRLF line ends are accepted. Messages never quote the file's content.
 */
public final class CsvFiles {
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    public static final int MAX_ROWS = 100_000;

    private CsvFiles() {}

    public static CsvTable read(Path file) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) throw HavenException.badInput("The file to import does not exist or is not a file: check its path.");
            if (Files.size(file) > MAX_BYTES) {
                throw HavenException.badInput("The file is larger than 50 MB: split it into smaller lists and import them one by one.");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw HavenException.badInput("The file to import does not exist: check its path.");
        } catch (IOException e) {
            throw HavenException.badInput("The file to import cannot be read: check that it exists and that you may read it.");
        }
        return parse(bytes);
    }

    static CsvTable parse(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw HavenException.badInput("The file is UTF-16 text (Excel's 'Unicode Text'): save it as 'CSV UTF-8' and import it again.");
        }
        for (byte b : bytes) {
            if (b == 0) throw HavenException.badInput("The file is not a text file (it contains binary data): export the list from the spreadsheet as CSV UTF-8.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw HavenException.badInput("The file is not UTF-8 text: save it from the spreadsheet as 'CSV UTF-8' and import it again.");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) throw HavenException.badInput("The file is empty: there is nothing to import.");
        int newline = text.indexOf('\n');
        String headerLine = newline < 0 ? text : text.substring(0, newline);
        char delimiter = detectDelimiter(headerLine);

        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false).get();
        List<String> headers = null;
        List<CsvTable.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                int number = (int) record.getRecordNumber();
                List<String> values = record.toList();
                if (headers == null) {
                    headers = values.stream().map(String::strip).toList();
                    if (headers.stream().allMatch(String::isEmpty)) {
                        throw HavenException.badInput("The first row of the file is empty: it must hold the column names.");
                    }
                    continue;
                }
                if (values.stream().allMatch(String::isBlank)) continue; // a blank spreadsheet row: skipped, still counted
                if (values.size() != headers.size()) {
                    // Trailing empty cells some spreadsheets add are harmless; anything else means broken separators or quotes.
                    boolean onlyEmptyExtra = values.size() > headers.size()
                            && values.subList(headers.size(), values.size()).stream().allMatch(String::isBlank);
                    if (!onlyEmptyExtra) {
                        throw HavenException.badInput("Row " + number + " has " + values.size() + " fields but the header has "
                                + headers.size() + ": check the separators and quotes in that row.");
                    }
                    values = values.subList(0, headers.size());
                }
                rows.add(new CsvTable.Row(number, List.copyOf(values)));
                if (rows.size() > MAX_ROWS) {
                    throw HavenException.badInput("The file has more than " + MAX_ROWS + " rows: split it into smaller lists.");
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports an unclosed quote this way; its message quotes the data, so it is not shown.
            throw HavenException.badInput("The file is not valid CSV (a quote is not closed, or a quoted field is followed by other text): check the quotes.");
        } catch (IOException e) {
            throw HavenException.badInput("The file is not valid CSV: check the quotes and separators.");
        }
        if (headers == null) throw HavenException.badInput("The file is empty: there is nothing to import.");
        if (rows.isEmpty()) throw HavenException.badInput("The file has a header line but no rows: there is nothing to import.");
        return new CsvTable(headers, List.copyOf(rows), delimiter);
    }

    /** The most frequent of , ; and tab in the header line outside quotes; comma when none occurs. */
    static char detectDelimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == '\t') tabs++;
        }
        if (tabs > commas && tabs >= semicolons) return '\t';
        if (semicolons > commas) return ';';
        return ',';
    }
}
