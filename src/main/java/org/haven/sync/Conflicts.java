package org.haven.sync;

import static org.haven.db.jooq.Tables.CASE_FILE;
import static org.haven.db.jooq.Tables.PERSON;
import static org.haven.db.jooq.Tables.SYNC_CONFLICT;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.haven.cases.CaseNumbers;
import org.haven.common.HavenException;
import org.haven.db.Audit;
import org.haven.db.Database;
import org.haven.db.Ids;
import org.haven.security.AuditLog;
import org.haven.security.Role;
import org.haven.security.Session;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/**
 * Sync conflicts at the office (docs/sync.md, "The conflict rule"): the open ones, and a
 * coordinator's choice of the laptop's or the office's value. The choice is itself a new change
 * (next change number, office version raised), so every device pulls the chosen value. Coordinators only.
 */
public final class Conflicts {
    public enum Keep { LAPTOP, OFFICE }

    /** An open conflict as listed: who is the account name, when the time each value was made. */
    public record Open(UUID id, String caseNumber, String field, String laptopValue, String officeValue, String laptopUser,
                       String laptopDevice, OffsetDateTime laptopAt, String officeUser, OffsetDateTime officeAt) {}

    private final Database db;
    private final Session session;

    public Conflicts(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /** The open conflicts, oldest first. */
    public List<Open> open() {
        session.require(Role.COORDINATOR);
        return ConflictsRepository.open(db.dsl());
    }

    /** Resolves one open conflict by keeping one of its values; returns the change number of the resolution. */
    public long resolve(UUID conflictId, Keep keep) {
        session.require(Role.COORDINATOR);
        if (!db.isOffice()) throw HavenException.badInput("Conflicts are resolved on the office database.");
        return db.inTransaction(tx -> {
            var c = tx.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.ID.eq(conflictId)).forUpdate().fetchOne();
            if (c == null) throw HavenException.notFound("No conflict with the id " + conflictId + ".");
            if (!"OPEN".equals(c.getStatus())) throw HavenException.badInput("This conflict is resolved already.");
            // A case's field (status, assignment...): resolved the same way on the case.
            Long caseSeq = CaseSyncRepository.resolve(tx, c, keep == Keep.LAPTOP, session.user().id());
            if (caseSeq == null) caseSeq = TraffickingSyncRepository.resolve(tx, c, keep == Keep.LAPTOP, session.user().id());
            if (caseSeq == null) caseSeq = EventSyncRepository.resolve(tx, c, keep == Keep.LAPTOP, session.user().id());
            if (caseSeq == null) caseSeq = OperationSyncRepository.resolve(tx, c, keep == Keep.LAPTOP, session.user().id());
            long seq = caseSeq != null ? caseSeq : resolvePersonField(tx, c.getPersonId(), c.getField(), c.getLaptopValue(), keep);
            tx.update(SYNC_CONFLICT).set(SYNC_CONFLICT.STATUS, "RESOLVED").set(SYNC_CONFLICT.RESOLUTION, keep.name())
                    .set(SYNC_CONFLICT.RESOLVED_BY, session.user().id()).set(SYNC_CONFLICT.RESOLVED_AT, Audit.now())
                    .where(SYNC_CONFLICT.ID.eq(conflictId)).execute();
            if (c.getCaseId() != null) {
                boolean stillOpen = tx.fetchExists(SYNC_CONFLICT, SYNC_CONFLICT.CASE_ID.eq(c.getCaseId()).and(SYNC_CONFLICT.STATUS.eq("OPEN")));
                tx.update(CASE_FILE).set(CASE_FILE.SYNC_CONFLICT, stillOpen).where(CASE_FILE.ID.eq(c.getCaseId())).execute();
            }
            boolean aboutACase = c.getCaseId() != null;
            AuditLog.record(tx, session.user(), "SYNC_RESOLVED", aboutACase ? "case" : c.getTableName(), aboutACase ? c.getCaseId() : c.getRowId(),
                    "conflict " + conflictId + " field " + c.getField() + " kept " + keep.name().toLowerCase() + " change " + seq);
            return seq;
        });
    }

    /** Writes the chosen value of a person's field as a new change; returns its number. */
    private long resolvePersonField(DSLContext tx, UUID personId, String field, String laptopValue, Keep keep) {
        Record person = tx.selectFrom(PERSON).where(PERSON.ID.eq(personId)).forUpdate().fetchOne();
        if (person == null) throw HavenException.notFound("This person no longer exists.");
        Field<?> column = PersonSyncRepository.field(field);
        if (column == null) throw new HavenException(HavenException.Kind.FAILURE, "The conflict names a field that does not sync.");
        // Keeping the office's value re-states the value the office holds now, so a device that
        // took the laptop's value meanwhile gets it back too.
        String chosen = keep == Keep.LAPTOP ? laptopValue : Outbox.text(person.get(column));
        Object value = column.getDataType().convert(chosen);
        long seq = PersonSyncRepository.applyField(tx, personId, column, value, Outbox.text(value), Ids.newId(),
                CaseNumbers.deviceCode(tx), session.user().id(), Audit.now());
        return seq;
    }

    /** Whether the case has an open conflict (its flag). */
    public static boolean flagged(DSLContext tx, UUID caseId) {
        return Boolean.TRUE.equals(tx.select(CASE_FILE.SYNC_CONFLICT).from(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).fetchOne(CASE_FILE.SYNC_CONFLICT));
    }

}
