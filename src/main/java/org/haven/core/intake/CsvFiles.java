package org.haven.core.intake;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.haven.core.common.HavenException;

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

    /** A file's header line: the column names and the separator found in it. */
    public record Header(List<String> names, char delimiter) {}

    /** What {@link #forEachRow} read: the header, how many data rows, and the SHA-256 of the bytes (a file that changes between two passes is noticed). */
    public record Scan(Header header, int rows, String sha256) {}

    /** The whole file in memory (the import wizard shows its rows); see {@link #forEachRow} for the checks. */
    public static CsvTable read(Path file) {
        List<CsvTable.Row> rows = new ArrayList<>();
        Scan scan = forEachRow(file, header -> rows::add);
        return new CsvTable(scan.header().names(), List.copyOf(rows), scan.header().delimiter());
    }

    /**
     * Reads the file one row at a time: {@code onHeader} gets the header and returns what receives
     * each data row. Only one row is held at a time (a 47 MB list no longer sits in memory as bytes,
     * text and rows at once). A file that is refused fails with one message, possibly after some rows
     * were handed on: callers check in a first pass and write in a second.
     */
    public static Scan forEachRow(Path file, Function<Header, Consumer<CsvTable.Row>> onHeader) {
        try {
            if (!Files.isRegularFile(file)) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.notAFile");
            if (Files.size(file) > MAX_BYTES) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.tooLarge");
            }
            String sha256 = checkBytes(file);
            try (InputStream in = Files.newInputStream(file)) {
                DigestInputStream digest = new DigestInputStream(new BufferedInputStream(in, 1 << 16), sha256());
                Reader text = new BufferedReader(new InputStreamReader(digest, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
                Scan scan = parse(text, onHeader);
                // Whatever the parser did not need to read still goes into the digest.
                digest.transferTo(OutputStream.nullOutputStream());
                if (!HexFormat.of().formatHex(digest.getMessageDigest().digest()).equals(sha256)) {
                    throw HavenException.of(HavenException.Kind.CONFLICT, "error.import.changedWhileRead");
                }
                return new Scan(scan.header(), scan.rows(), sha256);
            }
        } catch (NoSuchFileException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.missing");
        } catch (CharacterCodingException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.notUtf8");
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.unreadable");
        }
    }

    /** A first look at the bytes, streamed: UTF-16 and binary files are refused by name; the SHA-256 of the whole file. */
    private static String checkBytes(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            boolean first = true;
            for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                if (first && n >= 2 && ((buffer[0] == (byte) 0xFF && buffer[1] == (byte) 0xFE) || (buffer[0] == (byte) 0xFE && buffer[1] == (byte) 0xFF))) {
                    throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.utf16");
                }
                first = false;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == 0) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.binary");
                }
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Scan parse(Reader text, Function<Header, Consumer<CsvTable.Row>> onHeader) throws IOException {
        text.mark(2);
        if (text.read() != '\uFEFF') text.reset();
        // The separator is read from the header line (its first MB at most), then the reader goes back to its start.
        int limit = 1 << 20;
        text.mark(limit + 1);
        StringBuilder first = new StringBuilder();
        for (int c; first.length() < limit && (c = text.read()) >= 0 && c != '\n'; ) first.append((char) c);
        text.reset();
        char delimiter = detectDelimiter(first.toString());

        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false).get();
        List<String> headers = null;
        Consumer<CsvTable.Row> each = null;
        boolean leadingBlank = false;
        int rows = 0;
        // The parser would close the reader at the end; the caller still reads the rest for its digest.
        Reader kept = new java.io.FilterReader(text) {
            @Override
            public void close() {}
        };
        try (CSVParser parser = CSVParser.parse(kept, format)) {
            java.util.Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) break;
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    if (e.getCause() instanceof CharacterCodingException coding) throw coding;
                    // Commons CSV reports an unclosed quote this way; its message quotes the data, so it is not shown.
                    throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.openQuote");
                }
                int number = (int) record.getRecordNumber();
                List<String> values = record.toList();
                boolean blank = values.stream().allMatch(String::isBlank);
                if (headers == null) {
                    // A blank first line: the file is empty if nothing but blank lines follow; otherwise its header is missing.
                    if (blank) {
                        leadingBlank = true;
                        continue;
                    }
                    if (leadingBlank) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.emptyHeader");
                    headers = values.stream().map(String::strip).toList();
                    each = onHeader.apply(new Header(headers, delimiter));
                    continue;
                }
                if (blank) continue; // a blank spreadsheet row: skipped, still counted
                if (values.size() != headers.size()) {
                    // Trailing empty cells some spreadsheets add are harmless; anything else means broken separators or quotes.
                    boolean onlyEmptyExtra = values.size() > headers.size()
                            && values.subList(headers.size(), values.size()).stream().allMatch(String::isBlank);
                    if (!onlyEmptyExtra) {
                        throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.fieldCount", String.valueOf(number), String.valueOf(values.size()), String.valueOf(headers.size()));
                    }
                    values = values.subList(0, headers.size());
                }
                if (++rows > MAX_ROWS) {
                    throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.tooManyRows", String.valueOf(MAX_ROWS));
                }
                // Outside the parser's error handling: what the receiver throws (a database error) is its own.
                each.accept(new CsvTable.Row(number, List.copyOf(values)));
            }
        } catch (CharacterCodingException e) {
            throw e;
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.invalidCsv");
        }
        if (headers == null) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.empty");
        if (rows == 0) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.import.noRows");
        return new Scan(new Header(headers, delimiter), rows, null);
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
