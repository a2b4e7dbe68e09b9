package org.haven.core.changes;

import static org.haven.core.db.jooq.Tables.CASE_EVENT;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.haven.core.db.Audit;
import org.haven.core.db.jooq.tables.records.CaseEventRecord;
import org.haven.core.db.jooq.tables.records.CaseFileRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.tools.Convert;

/**
 * The SQL of a timeline entry's edits and deletion as they travel (a new entry travels as a new row):
 * its type, date, date precision and note as SET entries of table {@code case_event}, versioned by its
 * case's office version, with the same conflict rule as the case's fields; a deletion as a tombstone
 * that removes the entry on every device.
 */
public final class EventSyncRepository {
    public static final String TABLE = "case_event";
    private static final List<Field<?>> SYNCED = List.of(CASE_EVENT.EVENT_TYPE, CASE_EVENT.EVENT_DATE, CASE_EVENT.DATE_PRECISION,
            CASE_EVENT.NOTE);

    private EventSyncRepository() {}

    /** The entry as stored (for an edit's before and after), or null. */
    public static CaseEventRecord row(DSLContext tx, UUID eventId) {
        return tx.selectFrom(CASE_EVENT).where(CASE_EVENT.ID.eq(eventId)).fetchOne();
    }

    /** Records the fields an edit of an entry changed in the outbox (and, at the office, the change log). */
    public static void recordEdit(DSLContext tx, UUID userId, CaseEventRecord before, CaseEventRecord after) {
        if (!Outbox.sendsNewRows(tx) || before == null || after == null) return;
        CaseFileRecord c = CaseSyncRepository.row(tx, before.getCaseId());
        if (c == null) return;
        Set<Field<?>> skipped = new HashSet<>(List.of(CASE_EVENT.fields()));
        skipped.removeAll(SYNCED);
        Integer base = c.getOfficeVersion();
        Outbox.recordChanges(tx, userId, CASE_EVENT, before.getId(), base == null ? 0 : base, c.getPersonId(), before, after, skipped);
    }

    /** Records the deletion of an entry as a tombstone (key only). */
    public static void recordDeletion(DSLContext tx, UUID userId, CaseEventRecord before) {
        if (!Outbox.sendsNewRows(tx) || before == null) return;
        CaseFileRecord c = CaseSyncRepository.row(tx, before.getCaseId());
        Integer base = c == null ? null : c.getOfficeVersion();
        Outbox.recordDeletion(tx, userId, CASE_EVENT, before.getId(), base == null ? 0 : base);
    }

    /** The case an entry belongs to (null when it is not here). */
    public static UUID caseOf(DSLContext tx, UUID eventId) {
        return tx.select(CASE_EVENT.CASE_ID).from(CASE_EVENT).where(CASE_EVENT.ID.eq(eventId)).fetchOne(CASE_EVENT.CASE_ID);
    }

    /** A field of an entry by its outbox name, or null when it does not travel. */
    public static Field<?> field(String name) {
        for (Field<?> f : SYNCED) {
            if (f.getName().toLowerCase(Locale.ROOT).equals(name)) return f;
        }
        return null;
    }


    /** The field as stored now (null when the entry is not here). */
    public static String value(DSLContext tx, UUID eventId, Field<?> column) {
        CaseEventRecord e = row(tx, eventId);
        return e == null ? null : Outbox.text(e.get(column));
    }

    /** Writes one field of an entry at the office as a new change (the case's office version raised by one). */
    public static long apply(DSLContext tx, CaseFileRecord c, UUID eventId, Field<?> column, String text, UUID opId, String device, UUID userId,
                      OffsetDateTime madeAt) {
        write(tx, eventId, column, text, userId);
        int version = CaseSyncRepository.bumpVersion(tx, c.getId());
        return ChangeLog.append(tx, opId, Outbox.Op.SET, TABLE, eventId, column.getName().toLowerCase(Locale.ROOT), text, version,
                c.getPersonId(), c.getId(), device, userId, madeAt);
    }

    /** Deletes an entry at the office and writes its tombstone into the change log; false when it is not here. */
    public static boolean deleteAtOffice(DSLContext tx, UUID eventId, UUID opId, String device, UUID userId, OffsetDateTime madeAt) {
        if (tx.deleteFrom(CASE_EVENT).where(CASE_EVENT.ID.eq(eventId)).execute() == 0) return false;
        ChangeLog.append(tx, opId, Outbox.Op.DELETE, TABLE, eventId, null, null, 0, null, null, device, userId, madeAt);
        return true;
    }

    /** An open conflict of an entry's field (naming the entry), and the case's flag. */
    public static void conflict(DSLContext tx, UUID conflictId, CaseFileRecord c, UUID eventId, String field, String laptopValue,
                         String officeValue, UUID laptopUser, String device, OffsetDateTime laptopAt,
                         org.haven.core.db.jooq.tables.records.SyncChangeRecord theirs, UUID opId) {
        var k = org.haven.core.db.jooq.Tables.SYNC_CONFLICT;
        tx.insertInto(k)
                .set(k.ID, conflictId).set(k.PERSON_ID, c.getPersonId()).set(k.CASE_ID, c.getId()).set(k.ROW_ID, eventId)
                .set(k.TABLE_NAME, TABLE).set(k.FIELD, field)
                .set(k.LAPTOP_VALUE, laptopValue).set(k.OFFICE_VALUE, officeValue)
                .set(k.LAPTOP_USER, laptopUser).set(k.LAPTOP_DEVICE, device).set(k.LAPTOP_AT, laptopAt)
                .set(k.OFFICE_USER, theirs.getMadeBy()).set(k.OFFICE_AT, theirs.getMadeAt())
                .set(k.OP_ID, opId).set(k.STATUS, "OPEN")
                .execute();
        tx.update(org.haven.core.db.jooq.Tables.CASE_FILE).set(org.haven.core.db.jooq.Tables.CASE_FILE.SYNC_CONFLICT, true)
                .where(org.haven.core.db.jooq.Tables.CASE_FILE.ID.eq(c.getId())).execute();
    }

    /** Resolves a conflict of an entry's field by writing the chosen value; null when it is not about an entry. */
    public static Long resolve(DSLContext tx, org.haven.core.db.jooq.tables.records.SyncConflictRecord conflict, boolean keepLaptop, UUID userId) {
        if (!TABLE.equals(conflict.getTableName())) return null;
        CaseFileRecord c = CaseSyncRepository.lock(tx, conflict.getCaseId());
        UUID eventId = conflict.getRowId();
        if (c == null || row(tx, eventId) == null) throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.NOT_FOUND, "error.sync.eventGone");
        Field<?> column = field(conflict.getField());
        if (column == null) throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.FAILURE, "error.sync.fieldNotSynced");
        String chosen = keepLaptop ? conflict.getLaptopValue() : value(tx, eventId, column);
        return apply(tx, c, eventId, column, chosen, org.haven.core.db.Ids.newId(), DeviceCode.of(tx), userId, Audit.now());
    }

    /** On a laptop: one field of an entry as the office holds it, not into the outbox. False when the entry is not here. */
    public static boolean applyPulled(DSLContext tx, UUID eventId, String field, String text, int officeVersion) {
        Field<?> column = field(field);
        CaseEventRecord e = row(tx, eventId);
        if (column == null || e == null) return false;
        write(tx, eventId, column, text, null);
        tx.update(org.haven.core.db.jooq.Tables.CASE_FILE).set(org.haven.core.db.jooq.Tables.CASE_FILE.OFFICE_VERSION, officeVersion)
                .where(org.haven.core.db.jooq.Tables.CASE_FILE.ID.eq(e.getCaseId())).execute();
        return true;
    }

    /** On a laptop: the entry deleted elsewhere goes here too (not into the outbox). */
    public static boolean deletePulled(DSLContext tx, UUID eventId) {
        return tx.deleteFrom(CASE_EVENT).where(CASE_EVENT.ID.eq(eventId)).execute() > 0;
    }

    @SuppressWarnings("unchecked")
    private static void write(DSLContext tx, UUID eventId, Field<?> column, String text, UUID userId) {
        Object value = text == null ? null : Convert.convert(text, column.getType());
        tx.update(CASE_EVENT).set((Field<Object>) column, value).set(CASE_EVENT.VERSION, CASE_EVENT.VERSION.plus(1))
                .set(CASE_EVENT.UPDATED_AT, Audit.now()).set(CASE_EVENT.UPDATED_BY, userId)
                .where(CASE_EVENT.ID.eq(eventId)).execute();
    }
}
