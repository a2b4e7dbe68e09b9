package org.haven.core.changes;

import static org.haven.core.db.jooq.Tables.OPERATION;
import static org.haven.core.db.jooq.Tables.SYNC_CONFLICT;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.haven.core.db.Audit;
import org.haven.core.db.jooq.tables.records.OperationRecord;
import org.haven.core.db.jooq.tables.records.SyncChangeRecord;
import org.haven.core.db.jooq.tables.records.SyncConflictRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.tools.Convert;

/**
 * An operation's edits travel (docs/sync.md, "An operation's fields"): its code, name, date, place,
 * agencies, people found and notes, as SET entries of table {@code operation}, with the operation's
 * own office version ({@code operation.office_version}, V31) and the same conflict rule as a person's
 * fields. Every account that works with case data receives every operation, so these changes name no
 * person and no case; a conflict about one names the operation (its row).
 */
public final class OperationSyncRepository {
    public static final String TABLE = "operation";
    private static final RowsRepository.Versioned ROWS = new RowsRepository.Versioned(OPERATION.ID, OPERATION.VERSION,
            OPERATION.OFFICE_VERSION, OPERATION.UPDATED_AT);
    private static final Set<Field<?>> SYNCED = Set.of(OPERATION.CODE, OPERATION.NAME, OPERATION.OPERATION_DATE, OPERATION.PROVINCE,
            OPERATION.PLACE, OPERATION.AGENCIES, OPERATION.PEOPLE_FOUND, OPERATION.NOTES);

    private OperationSyncRepository() {}

    /** Records the fields an edit of an operation changed (a database that syncs only: a laptop that joined, or the office). */
    public static void recordEdit(DSLContext tx, UUID userId, OperationRecord before, OperationRecord after) {
        if (before == null || !Outbox.sendsNewRows(tx)) return;
        Set<Field<?>> skipped = new HashSet<>(List.of(OPERATION.fields()));
        skipped.removeAll(SYNCED);
        Integer base = before.getOfficeVersion();
        Outbox.recordChanges(tx, userId, OPERATION, before.getId(), base == null ? 0 : base, null, before, after, skipped);
    }

    /** An operation's field by its outbox name, or null when it does not travel. */
    public static Field<?> field(String name) {
        return RowsRepository.syncedField(SYNCED, name);
    }

    /** Whether {@code text} is a value the field may hold (the code, name and date are required). */
    public static boolean readable(Field<?> column, String text) {
        if (text == null || text.isBlank()) return column != OPERATION.CODE && column != OPERATION.NAME && column != OPERATION.OPERATION_DATE;
        try {
            Object value = Convert.convert(text, column.getType());
            return !(value instanceof Integer n && n < 0);
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static OperationRecord lock(DSLContext tx, UUID operationId) {
        return tx.selectFrom(OPERATION).where(OPERATION.ID.eq(operationId)).forUpdate().fetchOne();
    }

    public static String valueText(OperationRecord o, Field<?> column) {
        return Outbox.text(o.get(column));
    }

    /** Whether another operation has this code already (codes are unique, whatever their case). */
    public static boolean codeTaken(DSLContext tx, UUID operationId, String code) {
        return tx.fetchExists(OPERATION, OPERATION.CODE.equalIgnoreCase(code.trim()).and(OPERATION.ID.ne(operationId)));
    }

    /** An open conflict about an operation's field: it names the operation (its row), no person, no case. */
    public static void conflict(DSLContext tx, UUID conflictId, UUID operationId, String field, String laptopValue, String officeValue,
                         UUID laptopUser, String device, OffsetDateTime laptopAt, SyncChangeRecord theirs, UUID opId) {
        tx.insertInto(SYNC_CONFLICT)
                .set(SYNC_CONFLICT.ID, conflictId).set(SYNC_CONFLICT.ROW_ID, operationId)
                .set(SYNC_CONFLICT.TABLE_NAME, TABLE).set(SYNC_CONFLICT.FIELD, field)
                .set(SYNC_CONFLICT.LAPTOP_VALUE, laptopValue).set(SYNC_CONFLICT.OFFICE_VALUE, officeValue)
                .set(SYNC_CONFLICT.LAPTOP_USER, laptopUser).set(SYNC_CONFLICT.LAPTOP_DEVICE, device).set(SYNC_CONFLICT.LAPTOP_AT, laptopAt)
                .set(SYNC_CONFLICT.OFFICE_USER, theirs.getMadeBy()).set(SYNC_CONFLICT.OFFICE_AT, theirs.getMadeAt())
                .set(SYNC_CONFLICT.OP_ID, opId).set(SYNC_CONFLICT.STATUS, "OPEN")
                .execute();
    }

    /** Writes one field of an operation at the office as a new change (its office version raised by one); returns its number. */
    @SuppressWarnings("unchecked")
    public static long apply(DSLContext tx, UUID operationId, Field<?> column, String text, UUID opId, String device, UUID userId, OffsetDateTime madeAt) {
        Object value = text == null ? null : Convert.convert(text, column.getType());
        int version = bumpVersion(tx, operationId);
        tx.update(OPERATION).set((Field<Object>) column, value).set(OPERATION.VERSION, OPERATION.VERSION.plus(1))
                .set(OPERATION.UPDATED_AT, Audit.now()).set(OPERATION.UPDATED_BY, userId)
                .where(OPERATION.ID.eq(operationId)).execute();
        return ChangeLog.append(tx, opId, Outbox.Op.SET, TABLE, operationId, column.getName().toLowerCase(Locale.ROOT), text,
                version, null, null, device, userId, madeAt);
    }

    /** Resolves a conflict about an operation's field by writing the chosen value as a new change; null when it is about something else. */
    public static Long resolve(DSLContext tx, SyncConflictRecord conflict, boolean keepLaptop, UUID userId) {
        if (!TABLE.equals(conflict.getTableName())) return null;
        OperationRecord o = lock(tx, conflict.getRowId());
        if (o == null) throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.NOT_FOUND, "error.operationGone");
        Field<?> column = field(conflict.getField());
        if (column == null) throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.FAILURE, "error.sync.fieldNotSynced");
        String chosen = keepLaptop ? conflict.getLaptopValue() : Outbox.text(o.get(column));
        if (keepLaptop && column == OPERATION.CODE && chosen != null && codeTaken(tx, o.getId(), chosen)) {
            throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.BAD_INPUT, "error.operation.codeExists", chosen.trim());
        }
        return apply(tx, o.getId(), column, chosen, org.haven.core.db.Ids.newId(), DeviceCode.of(tx), userId, Audit.now());
    }

    /** Raises the operation's office version by one and returns the new one. */
    static int bumpVersion(DSLContext tx, UUID operationId) {
        return ROWS.bump(tx, operationId);
    }

    /** On a laptop: one field of an operation as the office now holds it, with its office version; not into the outbox. */
    public static boolean applyPulled(DSLContext tx, UUID operationId, String field, String text, int officeVersion) {
        return ROWS.applyPulled(tx, operationId, field(field), text, officeVersion);
    }
}
