package org.haven.core.sync;

import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.OPERATION;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SYNC_CONFLICT;

import java.util.List;
import java.util.UUID;
import org.haven.core.cases.CaseNumbers;
import org.haven.core.changes.CaseSyncRepository;
import org.haven.core.changes.EventSyncRepository;
import org.haven.core.changes.OperationSyncRepository;
import org.haven.core.changes.Outbox;
import org.haven.core.changes.TraffickingSyncRepository;
import org.haven.core.common.HavenException;
import org.haven.core.db.Audit;
import org.haven.core.db.Ids;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** The SQL of the office's list of open conflicts (docs/sync.md, "Conflicts at the office"). */
final class ConflictsRepository {
    private ConflictsRepository() {}

    /**
     * The open conflicts, oldest first, each named by its case number (or, for an operation's field,
     * the operation's code), with the account names of who made each value.
     */
    static List<Conflicts.Open> open(DSLContext dsl) {
        var laptopUser = APP_USER.as("laptop_user");
        var officeUser = APP_USER.as("office_user");
        return dsl.select(SYNC_CONFLICT.ID, DSL.coalesce(CASE_FILE.CASE_NUMBER, OPERATION.CODE), SYNC_CONFLICT.FIELD, SYNC_CONFLICT.LAPTOP_VALUE,
                        SYNC_CONFLICT.OFFICE_VALUE, laptopUser.USERNAME, SYNC_CONFLICT.LAPTOP_DEVICE, SYNC_CONFLICT.LAPTOP_AT,
                        officeUser.USERNAME, SYNC_CONFLICT.OFFICE_AT)
                .from(SYNC_CONFLICT)
                .leftJoin(CASE_FILE).on(CASE_FILE.ID.eq(SYNC_CONFLICT.CASE_ID))
                .leftJoin(OPERATION).on(OPERATION.ID.eq(SYNC_CONFLICT.ROW_ID).and(SYNC_CONFLICT.TABLE_NAME.eq(OperationSyncRepository.TABLE)))
                .leftJoin(laptopUser).on(laptopUser.ID.eq(SYNC_CONFLICT.LAPTOP_USER))
                .leftJoin(officeUser).on(officeUser.ID.eq(SYNC_CONFLICT.OFFICE_USER))
                .where(SYNC_CONFLICT.STATUS.eq("OPEN"))
                .orderBy(SYNC_CONFLICT.ID)
                .fetch(r -> new Conflicts.Open(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                        r.value9(), r.value10()));
    }

    /** A resolved conflict: what it was about, and the change number of the value kept. */
    record Resolved(UUID caseId, String table, UUID rowId, String field, long seq) {}

    /**
     * Resolves one open conflict in the caller's transaction: the kept value written as a new change
     * (keeping the office's re-states it, so a device that took the laptop's meanwhile gets it back),
     * the conflict marked resolved, and its case's flag cleared when no other conflict of it is open.
     */
    static Resolved resolve(DSLContext tx, UUID conflictId, boolean keepLaptop, UUID userId) {
        var c = tx.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.ID.eq(conflictId)).forUpdate().fetchOne();
        if (c == null) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.sync.noConflict", String.valueOf(conflictId));
        if (!"OPEN".equals(c.getStatus())) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.sync.conflictResolved");
        Long seq = CaseSyncRepository.resolve(tx, c, keepLaptop, userId);
        if (seq == null) seq = TraffickingSyncRepository.resolve(tx, c, keepLaptop, userId);
        if (seq == null) seq = EventSyncRepository.resolve(tx, c, keepLaptop, userId);
        if (seq == null) seq = OperationSyncRepository.resolve(tx, c, keepLaptop, userId);
        if (seq == null) seq = resolvePersonField(tx, c.getPersonId(), c.getField(), c.getLaptopValue(), keepLaptop, userId);
        tx.update(SYNC_CONFLICT).set(SYNC_CONFLICT.STATUS, "RESOLVED").set(SYNC_CONFLICT.RESOLUTION, keepLaptop ? "LAPTOP" : "OFFICE")
                .set(SYNC_CONFLICT.RESOLVED_BY, userId).set(SYNC_CONFLICT.RESOLVED_AT, Audit.now())
                .where(SYNC_CONFLICT.ID.eq(conflictId)).execute();
        if (c.getCaseId() != null) {
            boolean stillOpen = tx.fetchExists(SYNC_CONFLICT, SYNC_CONFLICT.CASE_ID.eq(c.getCaseId()).and(SYNC_CONFLICT.STATUS.eq("OPEN")));
            tx.update(CASE_FILE).set(CASE_FILE.SYNC_CONFLICT, stillOpen).where(CASE_FILE.ID.eq(c.getCaseId())).execute();
        }
        return new Resolved(c.getCaseId(), c.getTableName(), c.getRowId(), c.getField(), seq);
    }

    /** Writes the chosen value of a person's field as a new change; returns its number. */
    private static long resolvePersonField(DSLContext tx, UUID personId, String field, String laptopValue, boolean keepLaptop, UUID userId) {
        Record person = tx.selectFrom(PERSON).where(PERSON.ID.eq(personId)).forUpdate().fetchOne();
        if (person == null) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.personGone");
        Field<?> column = PersonSyncRepository.field(field);
        if (column == null) throw HavenException.of(HavenException.Kind.FAILURE, "error.sync.fieldNotSynced");
        String chosen = keepLaptop ? laptopValue : Outbox.text(person.get(column));
        Object value = column.getDataType().convert(chosen);
        return PersonSyncRepository.applyField(tx, personId, column, value, Outbox.text(value), Ids.newId(),
                CaseNumbers.deviceCode(tx), userId, Audit.now());
    }

    /** Whether the case has an open conflict (its flag). */
    static boolean flagged(DSLContext tx, UUID caseId) {
        return Boolean.TRUE.equals(tx.select(CASE_FILE.SYNC_CONFLICT).from(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).fetchOne(CASE_FILE.SYNC_CONFLICT));
    }
}
