package org.haven.core.intake;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.haven.core.common.HavenException;

/**
 * Which CSV column (0-based index) fills which {@link IntakeField}.
 *
 * <p>Guessed from the header line ({@link #guess}): each header is folded (case, accents and
 * punctuation ignored) and compared with the spellings each field knows; the first column that
 * matches a field wins, later ones are left unread.
 *
 * <p>Or read from a mapping file ({@link #read}): UTF-8 text, one line per field,
 * {@code haven_field=CSV header}, e.g. {@code date_of_birth=Ngày sinh}. Blank lines and lines
 * starting with {@code #} are ignored. The field names are those of {@link IntakeField#header()}
 * (name_latin, name_native, aliases, sex, date_of_birth, age, nationality, languages,
 * interpreter_needed, document_status, document_number, family_contact, notes, country_of_exploitation,
 * recruiter_relation, methods_of_control); the header is
 * compared with the file's headers ignoring case and surrounding spaces. A mapping file is
 * complete: fields it does not list are not read (nothing is guessed).
 */
public final class ColumnMapping {
    private static final long MAX_MAPPING_BYTES = 64 * 1024;
    private final Map<IntakeField, Integer> columns;

    public ColumnMapping(Map<IntakeField, Integer> columns) {
        Map<IntakeField, Integer> copy = new EnumMap<>(IntakeField.class);
        copy.putAll(columns);
        this.columns = Collections.unmodifiableMap(copy);
    }

    public static ColumnMapping empty() {
        return new ColumnMapping(new EnumMap<>(IntakeField.class));
    }

    public Optional<Integer> column(IntakeField field) {
        return Optional.ofNullable(columns.get(field));
    }

    public Map<IntakeField, Integer> asMap() {
        return columns;
    }

    /** Whether some field is read from this column. */
    public boolean isMapped(int column) {
        return columns.containsValue(column);
    }

    /** The best guess from the header names. */
    public static ColumnMapping guess(List<String> headers) {
        Map<IntakeField, Integer> found = new EnumMap<>(IntakeField.class);
        for (int i = 0; i < headers.size(); i++) {
            String normalized = Headers.normalize(headers.get(i));
            if (normalized.isEmpty()) continue;
            for (IntakeField field : IntakeField.values()) {
                if (!found.containsKey(field) && field.matches(normalized)) {
                    found.put(field, i);
                    break;
                }
            }
        }
        return new ColumnMapping(found);
    }

    /** Reads a mapping file against the CSV's headers; any problem is a BAD_INPUT naming the mapping line. */
    public static ColumnMapping read(Path mappingFile, List<String> headers) {
        List<String> lines;
        try {
            if (Files.size(mappingFile) > MAX_MAPPING_BYTES) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.mapping.tooLarge");
            }
            byte[] bytes = Files.readAllBytes(mappingFile);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            lines = text.lines().toList();
        } catch (CharacterCodingException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.mapping.notUtf8");
        } catch (java.nio.file.NoSuchFileException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.mapping.missing");
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.mapping.unreadable");
        }
        Map<IntakeField, Integer> found = new EnumMap<>(IntakeField.class);
        List<String> problems = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            String where = "mapping line " + (n + 1) + ": ";
            if (eq < 0) {
                problems.add(where + "expected haven_field=CSV header");
                continue;
            }
            String fieldName = line.substring(0, eq).strip();
            String header = line.substring(eq + 1).strip();
            Optional<IntakeField> field = IntakeField.byHeader(fieldName);
            if (field.isEmpty()) {
                problems.add(where + "'" + fieldName + "' is not a Haven field (" + fieldList() + ")");
            } else if (found.containsKey(field.get())) {
                problems.add(where + field.get().header() + " is mapped twice");
            } else if (header.isEmpty()) {
                problems.add(where + "no CSV header after '='");
            } else {
                int index = indexOf(headers, header);
                if (index < 0) problems.add(where + "the CSV file has no column '" + header + "'");
                else found.put(field.get(), index);
            }
        }
        if (!problems.isEmpty()) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.mapping.errors", String.valueOf(String.join("; ", problems)));
        }
        if (found.isEmpty()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.mapping.noField");
        return new ColumnMapping(found);
    }

    private static int indexOf(List<String> headers, String header) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).strip().equalsIgnoreCase(header)) return i;
        }
        return -1;
    }

    static String fieldList() {
        List<String> names = new ArrayList<>();
        for (IntakeField f : IntakeField.values()) names.add(f.header());
        return String.join(", ", names);
    }
}
