package org.haven.core.changes;

import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.SYNC_CHANGE;
import static org.haven.core.db.jooq.Tables.SYNC_CONFLICT;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.haven.core.db.Audit;
import org.haven.core.db.jooq.tables.records.CaseFileRecord;
import org.haven.core.db.jooq.tables.records.SyncChangeRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.tools.Convert;

/**
 * The SQL of a case's fields that travel as SET entries (docs/sync.md, "A case's fields"): status,
 * outcome, closing reason and date, assignment, operation, legal role. The same conflict rule as a
 * person's fields, with the case's own office version ({@code case_file.office_version}).
 */
public final class CaseSyncRepository {
    /** The case's columns that travel. */
    private static final RowsRepository.Versioned ROWS = new RowsRepository.Versioned(CASE_FILE.ID, CASE_FILE.VERSION,
            CASE_FILE.OFFICE_VERSION, CASE_FILE.UPDATED_AT);
    private static final Set<Field<?>> SYNCED = Set.of(CASE_FILE.STATUS, CASE_FILE.OUTCOME, CASE_FILE.CLOSING_REASON,
            CASE_FILE.CLOSED_ON, CASE_FILE.ASSIGNED_TO, CASE_FILE.OPERATION_ID, CASE_FILE.LEGAL_ROLE);

    private CaseSyncRepository() {}

    /** The case row as stored (for an edit's before and after), or null. */
    public static CaseFileRecord row(DSLContext tx, UUID caseId) {
        return tx.selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).fetchOne();
    }

    /** Records the fields an edit of a case changed in the outbox (and at the office, the change log). */
    public static void recordEdit(DSLContext tx, UUID userId, CaseFileRecord before, CaseFileRecord after) {
        Set<Field<?>> skipped = new java.util.HashSet<>(java.util.List.of(CASE_FILE.fields()));
        skipped.removeAll(SYNCED);
        Integer base = before.getOfficeVersion();
        Outbox.recordChanges(tx, userId, CASE_FILE, before.getId(), base == null ? 0 : base, before.getPersonId(), before, after, skipped);
    }

    /** A case field by its outbox name, or null when it does not travel. */
    public static Field<?> field(String name) {
        return RowsRepository.syncedField(SYNCED, name);
    }


    /** A field's value as the outbox writes it. */
    public static String valueText(CaseFileRecord c, Field<?> column) {
        return Outbox.text(c.get(column));
    }

    /** The case locked for the change, or null when the office does not have it. */
    public static CaseFileRecord lock(DSLContext tx, UUID caseId) {
        return tx.selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).forUpdate().fetchOne();
    }

    /** The last change of this field by another device above the base version (the conflict rule), or null. */
    public static SyncChangeRecord changedSince(DSLContext tx, UUID caseId, String field, int baseVersion, String device) {
        return changedSince(tx, "case_file", caseId, field, baseVersion, device);
    }

    /** {@link #changedSince} for a table keyed by the case (its trafficking details). */
    public static SyncChangeRecord changedSince(DSLContext tx, String table, UUID caseId, String field, int baseVersion, String device) {
        return tx.selectFrom(SYNC_CHANGE)
                .where(SYNC_CHANGE.TABLE_NAME.eq(table).and(SYNC_CHANGE.ROW_ID.eq(caseId)).and(SYNC_CHANGE.FIELD.eq(field))
                        .and(SYNC_CHANGE.OFFICE_VERSION.gt(baseVersion)).and(SYNC_CHANGE.DEVICE_CODE.ne(device)))
                .orderBy(SYNC_CHANGE.SEQ.desc()).limit(1).fetchOne();
    }

    /** An open conflict of a case field, and the case's flag. */
    public static void conflict(DSLContext tx, UUID conflictId, CaseFileRecord c, String field, String laptopValue, String officeValue,
                         UUID laptopUser, String device, OffsetDateTime laptopAt, SyncChangeRecord theirs, UUID opId) {
        conflict(tx, "case_file", conflictId, c, field, laptopValue, officeValue, laptopUser, device, laptopAt, theirs, opId);
    }

    /** {@link #conflict} for a table keyed by the case (its trafficking details). */
    public static void conflict(DSLContext tx, String table, UUID conflictId, CaseFileRecord c, String field, String laptopValue,
                         String officeValue, UUID laptopUser, String device, OffsetDateTime laptopAt, SyncChangeRecord theirs, UUID opId) {
        tx.insertInto(SYNC_CONFLICT)
                .set(SYNC_CONFLICT.ID, conflictId).set(SYNC_CONFLICT.PERSON_ID, c.getPersonId()).set(SYNC_CONFLICT.CASE_ID, c.getId())
                .set(SYNC_CONFLICT.TABLE_NAME, table).set(SYNC_CONFLICT.FIELD, field)
                .set(SYNC_CONFLICT.LAPTOP_VALUE, laptopValue).set(SYNC_CONFLICT.OFFICE_VALUE, officeValue)
                .set(SYNC_CONFLICT.LAPTOP_USER, laptopUser).set(SYNC_CONFLICT.LAPTOP_DEVICE, device).set(SYNC_CONFLICT.LAPTOP_AT, laptopAt)
                .set(SYNC_CONFLICT.OFFICE_USER, theirs.getMadeBy()).set(SYNC_CONFLICT.OFFICE_AT, theirs.getMadeAt())
                .set(SYNC_CONFLICT.OP_ID, opId).set(SYNC_CONFLICT.STATUS, "OPEN")
                .execute();
        tx.update(CASE_FILE).set(CASE_FILE.SYNC_CONFLICT, true).where(CASE_FILE.ID.eq(c.getId())).execute();
    }

    /**
     * Writes one field of a case at the office as a new change: the value, the local lock version, the
     * case's office version raised by one, the change log (with the case, so only those who may see it pull it).
     */
    @SuppressWarnings("unchecked")
    public static long apply(DSLContext tx, CaseFileRecord c, Field<?> column, String text, UUID opId, String device, UUID userId, OffsetDateTime madeAt) {
        Object value = text == null ? null : Convert.convert(text, column.getType());
        int version = bumpVersion(tx, c.getId());
        tx.update(CASE_FILE).set((Field<Object>) column, value).set(CASE_FILE.VERSION, CASE_FILE.VERSION.plus(1))
                .set(CASE_FILE.UPDATED_AT, Audit.now()).set(CASE_FILE.UPDATED_BY, userId)
                .where(CASE_FILE.ID.eq(c.getId())).execute();
        return ChangeLog.append(tx, opId, Outbox.Op.SET, "case_file", c.getId(), column.getName().toLowerCase(Locale.ROOT), text,
                version, c.getPersonId(), c.getId(), device, userId, madeAt);
    }

    /**
     * Resolves a conflict of a case's field by writing the chosen value as a new change (keeping the
     * office's value re-states it, so a device that took the laptop's meanwhile gets it back); null when
     * the conflict is not about a case's field.
     */
    public static Long resolve(DSLContext tx, org.haven.core.db.jooq.tables.records.SyncConflictRecord conflict, boolean keepLaptop, UUID userId) {
        if (!"case_file".equals(conflict.getTableName())) return null;
        CaseFileRecord c = lock(tx, conflict.getCaseId());
        if (c == null) throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.NOT_FOUND, "error.caseGone");
        Field<?> column = field(conflict.getField());
        if (column == null) throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.FAILURE, "error.sync.fieldNotSynced");
        String chosen = keepLaptop ? conflict.getLaptopValue() : Outbox.text(c.get(column));
        return apply(tx, c, column, chosen, org.haven.core.db.Ids.newId(), DeviceCode.of(tx), userId, Audit.now());
    }

    /** Raises the case's office version by one and returns the new one. */
    static int bumpVersion(DSLContext tx, UUID caseId) {
        return ROWS.bump(tx, caseId);
    }

    /**
     * On a laptop: one field of a case as the office now holds it, with the office's version of the
     * row; not recorded in the outbox. False when the case is not here or the field does not travel.
     */
    public static boolean applyPulled(DSLContext tx, UUID caseId, String field, String text, int officeVersion) {
        return ROWS.applyPulled(tx, caseId, field(field), text, officeVersion);
    }
}
