package org.haven.security;

import static org.haven.db.jooq.Tables.APP_USER;
import static org.haven.db.jooq.Tables.CASE_FILE;
import static org.haven.db.jooq.Tables.OPERATION;
import static org.haven.db.jooq.Tables.PERSON;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.haven.common.HavenException;
import org.haven.db.Database;
import org.haven.db.jooq.tables.AppUser;
import org.jooq.Record;

/**
 * The identified export: every case with its person's identifying fields, for the organisation's
 * own records or a move to another system. Coordinators only, and recorded in the audit log. The
 * file is plain text by nature: it is written owner-readable only, and the user is told to keep it
 * on encrypted storage.
 */
public final class IdentifiedExport {
    public static final List<String> HEADER = List.of(
            "case_number", "status", "outcome", "closing_reason", "legal_role", "opened_on", "closed_on",
            "operation_code", "assigned_to",
            "name_latin", "name_native", "aliases", "sex", "birth_date", "estimated_age", "nationality",
            "languages", "interpreter_needed", "document_status", "document_number", "family_contact", "person_notes");

    private final Database db;
    private final Session session;

    public IdentifiedExport(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /** Writes the CSV (UTF-8, header line) and returns the number of cases written. */
    public int writeTo(Path out) {
        session.require(Role.COORDINATOR);
        Path target = out.toAbsolutePath();
        // A recognisable name, recorded in the data folder before it exists: if the process is killed,
        // the next open deletes it (PendingParts), so no plain-text copy is left behind unseen.
        Path part = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".haven-part");
        AppUser assignee = APP_USER.as("assignee");
        // Audited when it starts, in its own transaction: a killed export still shows who began it.
        db.inTransactionRun(tx -> AuditLog.record(tx, session.user(), "EXPORT_IDENTIFIED_STARTED", null, null, null));
        try {
            if (target.getParent() != null) Files.createDirectories(target.getParent());
            org.haven.common.PendingParts.add(db.home(), part);
            createPrivate(part);
            int count = db.inTransaction(tx -> {
                int n = 0;
                try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
                     CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                    csv.printRecord(HEADER);
                    var rows = tx.select(CASE_FILE.fields()).select(PERSON.fields()).select(OPERATION.CODE, assignee.USERNAME)
                            .from(CASE_FILE).join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                            .leftJoin(OPERATION).on(OPERATION.ID.eq(CASE_FILE.OPERATION_ID))
                            .leftJoin(assignee).on(assignee.ID.eq(CASE_FILE.ASSIGNED_TO))
                            .orderBy(CASE_FILE.CASE_NUMBER).fetchLazy();
                    for (Record r : rows) {
                        csv.printRecord(cells(r, assignee));
                        n++;
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                AuditLog.record(tx, session.user(), "EXPORT_IDENTIFIED", null, null, n + " cases");
                return n;
            });
            org.haven.common.AtomicFiles.moveIntoPlace(part, target);
            return count;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new HavenException(HavenException.Kind.FAILURE,
                    "The export could not be written: check that the folder exists, is writable and has space.", e);
        } finally {
            try {
                Files.deleteIfExists(part);
                org.haven.common.PendingParts.remove(db.home(), part);
            } catch (IOException ignored) {
                // nothing more to do; the user is told the export failed
            }
        }
    }

    private static List<String> cells(Record r, AppUser assignee) {
        List<Object> raw = List.of(
                r.get(CASE_FILE.CASE_NUMBER), r.get(CASE_FILE.STATUS), opt(r.get(CASE_FILE.OUTCOME)),
                opt(r.get(CASE_FILE.CLOSING_REASON)), r.get(CASE_FILE.LEGAL_ROLE), r.get(CASE_FILE.OPENED_ON),
                opt(r.get(CASE_FILE.CLOSED_ON)), opt(r.get(OPERATION.CODE)), opt(r.get(assignee.USERNAME)),
                r.get(PERSON.NAME_LATIN), opt(r.get(PERSON.NAME_NATIVE)), opt(r.get(PERSON.ALIASES)), r.get(PERSON.SEX),
                opt(r.get(PERSON.BIRTH_DATE)), opt(r.get(PERSON.ESTIMATED_AGE)), opt(r.get(PERSON.NATIONALITY)),
                opt(r.get(PERSON.LANGUAGES)), r.get(PERSON.INTERPRETER_NEEDED), r.get(PERSON.DOCUMENT_STATUS),
                opt(r.get(PERSON.DOCUMENT_NUMBER)), opt(r.get(PERSON.FAMILY_CONTACT)), opt(r.get(PERSON.NOTES)));
        List<String> out = new ArrayList<>(raw.size());
        for (Object o : raw) out.add(CsvCells.neutralize(Objects.toString(o, "")));
        return out;
    }

    private static Object opt(Object o) {
        return o == null ? "" : o;
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
}
