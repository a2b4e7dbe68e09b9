package org.haven.core.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.haven.core.common.CsvCells;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.core.security.Session;

/**
 * The identified export: every case with its person's identifying fields, for the organisation's
 * own records or a move to another system. Coordinators only, and recorded in the audit log (format,
 * columns and count; never the data). Values are written as a reader expects them (labels such as
 * "Female", "With police", "yes"), the header keeps the column names. As CSV, or as .xlsx, which can be
 * encrypted with a password (ECMA-376 agile encryption, AES-256): Excel, LibreOffice and POI open it
 * with the password and nothing opens it without. The file is written owner-readable only.
 */
public final class IdentifiedExport {
    public static final List<String> HEADER = List.of(
            "case_number", "status", "outcome", "closing_reason", "legal_role", "opened_on", "closed_on",
            "operation_code", "assigned_to",
            "name_latin", "name_native", "aliases", "sex", "birth_date", "estimated_age", "nationality",
            "languages", "interpreter_needed", "document_status", "document_number", "family_contact", "person_notes",
            "country_of_exploitation", "recruiter_relation", "methods_of_control");
    /** The shortest password accepted for an encrypted file. */
    public static final int MIN_PASSWORD = 8;

    /** CSV (UTF-8) or an Excel workbook. */
    public enum Format { CSV, XLSX }

    /**
     * What to write: the columns (null or empty: {@link #HEADER}), the format, and for XLSX an
     * optional password (null: not encrypted). The caller clears the password array after use.
     */
    public record Options(List<String> fields, Format format, char[] password) {
        public static Options csv() {
            return new Options(null, Format.CSV, null);
        }
    }

    private static final ResourceBundle LABELS = ResourceBundle.getBundle("i18n.messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private final Database db;
    private final Session session;

    public IdentifiedExport(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /** The columns asked for, checked against {@link #HEADER}: unknown names are bad input, repeats are dropped. */
    public static List<String> columns(List<String> fields) {
        if (fields == null || fields.isEmpty()) return HEADER;
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String f : fields) {
            String name = f.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) continue;
            if (!HEADER.contains(name)) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.export.unknownField", name, String.join(",", HEADER));
            }
            out.add(name);
        }
        if (out.isEmpty()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.export.noField", String.join(",", HEADER));
        return List.copyOf(out);
    }

    /** Writes the CSV (UTF-8, header line) and returns the number of cases written. */
    public int writeTo(Path out) {
        return writeTo(out, Options.csv());
    }

    /** Writes the export as asked and returns the number of cases written. */
    public int writeTo(Path out, Options options) {
        return writeTo(out, options, null);
    }

    /**
     * How many cases have no consent to data sharing recorded (their latest screening grants none):
     * the export then needs an override with a reason.
     */
    public int casesWithoutSharingConsent() {
        session.require(Role.COORDINATOR);
        return db.inTransaction(tx -> org.haven.core.screening.SharingConsent.lackingAmongAll(tx, org.haven.core.screening.SharingConsent.Recipient.ANY));
    }

    /**
     * Writes the export as asked. The file leaves the organisation's database with names and documents,
     * so cases without consent to data sharing need {@code consentOverride}, a reason that the audit log
     * keeps ({@code CONSENT_OVERRIDE}, with the number of such cases); without it nothing is written.
     */
    public int writeTo(Path out, Options options, String consentOverride) {
        session.require(Role.COORDINATOR);
        String reason = org.haven.core.screening.SharingConsent.reason(consentOverride);
        int withoutConsent = casesWithoutSharingConsent();
        if (withoutConsent > 0 && reason == null) throw org.haven.core.screening.SharingConsent.missing(withoutConsent);
        List<String> columns = columns(options.fields());
        if (options.password() != null) {
            if (options.format() != Format.XLSX) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.export.passwordXlsx");
            }
            if (options.password().length < MIN_PASSWORD) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.export.passwordLength", String.valueOf(MIN_PASSWORD));
            }
        }
        Path target = out.toAbsolutePath();
        // A recognisable name, recorded in the data folder before it exists: if the process is killed,
        // the next open deletes it (PendingParts), so no plain-text copy is left behind unseen.
        Path part = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".haven-part");
        // Audited when it starts, in its own transaction: a killed export still shows who began it.
        db.inTransactionRun(tx -> {
            AuditLog.record(tx, session.user(), "EXPORT_IDENTIFIED_STARTED", null, null, null);
            if (withoutConsent > 0) {
                AuditLog.record(tx, session.user(), "CONSENT_OVERRIDE", null, null,
                        "export identified, " + withoutConsent + " case(s) without sharing consent: " + reason);
            }
        });
        try {
            if (target.getParent() != null) Files.createDirectories(target.getParent());
            org.haven.core.common.PendingParts.add(db.home(), part);
            createPrivate(part);
            int count = db.inTransaction(tx -> {
                var rows = IdentifiedExportRepository.rows(tx);
                int n;
                try {
                    n = options.format() == Format.XLSX
                            ? writeXlsx(part, columns, rows, options.password())
                            : writeCsv(part, columns, rows);
                } catch (IOException | GeneralSecurityException e) {
                    throw new java.io.UncheckedIOException(new IOException(e));
                }
                AuditLog.record(tx, session.user(), "EXPORT_IDENTIFIED", null, null, n + " cases format="
                        + options.format().name().toLowerCase(Locale.ROOT) + " encrypted=" + (options.password() != null ? "yes" : "no")
                        + " fields=" + (columns.equals(HEADER) ? "default" : String.join(",", columns)));
                return n;
            });
            org.haven.core.common.AtomicFiles.moveIntoPlace(part, target);
            return count;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.export.writeFailed");
        } finally {
            try {
                Files.deleteIfExists(part);
                org.haven.core.common.PendingParts.remove(db.home(), part);
            } catch (IOException ignored) {
                // nothing more to do; the user is told the export failed
            }
        }
    }

    private static int writeCsv(Path part, List<String> columns, Iterable<Map<String, Object>> rows) throws IOException {
        int n = 0;
        try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            CsvCells.Writer csv = new CsvCells.Writer(w, "\n");
            csv.record(columns);
            for (Map<String, Object> r : rows) {
                List<String> cells = new ArrayList<>(columns.size());
                for (String c : columns) cells.add(value(c, r));
                csv.record(cells);
                n++;
            }
        }
        return n;
    }

    /**
     * An in-memory workbook (POI's streaming writer would put the sheet in plain-text temporary files),
     * written straight to the file, or encrypted into it.
     */
    private static int writeXlsx(Path part, List<String> columns, Iterable<Map<String, Object>> rows, char[] password) throws IOException, GeneralSecurityException {
        int n = 0;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("cases");
            Row head = sheet.createRow(0);
            for (int j = 0; j < columns.size(); j++) head.createCell(j).setCellValue(columns.get(j));
            sheet.createFreezePane(0, 1);
            for (Map<String, Object> r : rows) {
                Row row = sheet.createRow(++n);
                // Cells are text cells: a spreadsheet never evaluates them, so no formula neutralizing here.
                for (int j = 0; j < columns.size(); j++) row.createCell(j).setCellValue(value(columns.get(j), r));
            }
            if (password == null) {
                try (OutputStream os = Files.newOutputStream(part)) {
                    book.write(os);
                }
                return n;
            }
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
                enc.confirmPassword(new String(password));
                try (OutputStream os = enc.getDataStream(fs)) {
                    book.write(os);
                }
                try (OutputStream os = Files.newOutputStream(part)) {
                    fs.writeFilesystem(os);
                }
            }
        }
        return n;
    }

    /** One column's value as a reader expects it. */
    private static final Map<String, java.util.function.Function<Map<String, Object>, Object>> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("case_number", r -> r.get("case_number"));
        VALUES.put("status", r -> label("CaseStatus", stored(r.get("status"))));
        VALUES.put("outcome", r -> label("Outcome", stored(r.get("outcome"))));
        VALUES.put("closing_reason", r -> r.get("closing_reason"));
        VALUES.put("legal_role", r -> label("LegalRole", stored(r.get("legal_role"))));
        VALUES.put("opened_on", r -> r.get("opened_on"));
        VALUES.put("closed_on", r -> r.get("closed_on"));
        VALUES.put("operation_code", r -> r.get("operation_code"));
        VALUES.put("assigned_to", r -> r.get("assigned_to"));
        VALUES.put("name_latin", r -> r.get("name_latin"));
        VALUES.put("name_native", r -> r.get("name_native"));
        VALUES.put("aliases", r -> r.get("aliases"));
        VALUES.put("sex", r -> label("Sex", stored(r.get("sex"))));
        VALUES.put("birth_date", r -> r.get("birth_date"));
        VALUES.put("estimated_age", r -> r.get("estimated_age"));
        VALUES.put("nationality", r -> country((String) r.get("nationality")));
        VALUES.put("languages", r -> languages((String) r.get("languages")));
        VALUES.put("interpreter_needed", r -> Boolean.TRUE.equals(r.get("interpreter_needed")) ? "yes" : "no");
        VALUES.put("document_status", r -> label("DocumentStatus", stored(r.get("document_status"))));
        VALUES.put("document_number", r -> r.get("document_number"));
        VALUES.put("family_contact", r -> r.get("family_contact"));
        VALUES.put("person_notes", r -> r.get("person_notes"));
        VALUES.put("country_of_exploitation", r -> country((String) r.get("country_of_exploitation")));
        VALUES.put("recruiter_relation", r -> labels("RecruiterRelation", (String) r.get("recruiter_relation")));
        VALUES.put("methods_of_control", r -> labels("MethodOfControl", (String) r.get("methods_of_control")));
        if (!VALUES.keySet().equals(new LinkedHashSet<>(HEADER))) throw new IllegalStateException("columns and values differ");
    }

    private static String value(String column, Map<String, Object> r) {
        Object v = VALUES.get(column).apply(r);
        return v == null ? "" : v.toString();
    }

    /** The English label of a stored enum name (bundle key enum.TYPE.NAME); the name itself if none. */
    static String label(String type, String name) {
        if (name == null || name.isBlank()) return "";
        String key = "enum." + type + "." + name;
        return LABELS.containsKey(key) ? LABELS.getString(key) : name;
    }

    /** "FRIEND;FAMILY" (stored enum names) -> "Friend; Family". */
    static String labels(String type, String names) {
        if (names == null || names.isBlank()) return "";
        List<String> out = new ArrayList<>();
        for (String n : names.split(";")) out.add(label(type, n.trim()));
        return String.join("; ", out);
    }

    /** "VN" -> "Vietnam" (CLDR names through the JDK); an unknown code stays as it is. */
    static String country(String code) {
        if (code == null || code.isBlank()) return "";
        String name = Locale.of("", code.trim()).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code.trim()) ? code : name;
    }

    /** "vi, km" -> "Vietnamese, Khmer". */
    static String languages(String codes) {
        if (codes == null || codes.isBlank()) return "";
        List<String> out = new ArrayList<>();
        for (String c : codes.split("[,;\\s]+")) {
            if (c.isBlank()) continue;
            String name = Locale.forLanguageTag(c.trim()).getDisplayLanguage(Locale.ENGLISH);
            out.add(name.isBlank() ? c.trim() : name);
        }
        return String.join(", ", out);
    }

    /** The file is created readable by its owner only (where the file system supports it). */
    private static void createPrivate(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    /** Clears a password held in memory. */
    public static void wipe(char[] password) {
        if (password != null) Arrays.fill(password, '\0');
    }

    /** An enum-valued column's stored name (the repository hands over the enum itself). */
    private static String stored(Object value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }
}
