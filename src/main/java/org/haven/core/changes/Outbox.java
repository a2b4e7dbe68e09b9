package org.haven.core.changes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.haven.core.db.Audit;
import org.haven.core.db.Ids;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The outbox (docs/adr/0018-sync-model.md): what changed on this device, written inside the
 * transaction of the change, one entry per changed field, for a later push to the office. The
 * values are personal data: they stay in the encrypted database, never in logs or messages.
 * Every method runs inside the caller's transaction.
 */
public final class Outbox {
    /** One outbox row. {@code field}, {@code oldValue}, {@code newValue} are null for a tombstone. */
    public record Entry(UUID opId, Op op, String table, UUID rowId, String field, String oldValue, String newValue,
                        int baseVersion, UUID personId, String deviceCode, OffsetDateTime madeAt, UUID madeBy) {}

    /**
     * SET: one field of a row got a new value; DELETE: the row (and for a person, everything about
     * them) is gone; INSERT: a new row (a person, a case, a timeline event), the whole row in the value;
     * MERGE: the person record (the row) was merged into another (its id in the value): its cases
     * moved there and it is gone.
     */
    public enum Op { SET, DELETE, INSERT, MERGE }

    /** The setting that holds the office's address on a laptop that joined one (sync.Join writes it). */
    public static final String OFFICE_URL = "sync.office.url";

    private Outbox() {}

    /**
     * One SET entry for each column whose value differs between {@code before} and {@code after} (the
     * same row read before and after the write), the columns in {@code skipped} aside (keys, versions,
     * who/when bookkeeping). Returns how many were written.
     *
     * @param baseVersion the office's version of the row the change was made on (0: the office has not seen it)
     * @param personId    whose data the values are (a deletion of that person erases the entries), or null
     */
    public static int recordChanges(DSLContext tx, UUID userId, Table<?> table, UUID rowId, int baseVersion, UUID personId,
                                    Record before, Record after, Set<Field<?>> skipped) {
        String device = DeviceCode.of(tx);
        OffsetDateTime now = Audit.now();
        int written = 0;
        // On the office database an edit made there is itself an office change: the row's office
        // version goes up once for the edit and each field gets a change number (docs/sync.md).
        boolean office = ChangeLog.isOffice(tx);
        int officeVersion = -1;
        for (Field<?> column : table.fields()) {
            if (skipped.contains(column)) continue;
            String oldValue = text(before.get(column));
            String newValue = text(after.get(column));
            if (Objects.equals(oldValue, newValue)) continue;
            String field = column.getName().toLowerCase(Locale.ROOT);
            UUID opId = insert(tx, Op.SET, table, rowId, field, oldValue, newValue, baseVersion, personId, device, now, userId);
            if (office) {
                // People and cases carry an office version (docs/sync.md); a case's change goes only to those who may see it.
                // A case's trafficking details and its timeline entries are versioned by their case.
                UUID caseId = "case_file".equals(tableName(table)) || TraffickingSyncRepository.TABLE.equals(tableName(table)) ? rowId
                        : EventSyncRepository.TABLE.equals(tableName(table)) ? EventSyncRepository.caseOf(tx, rowId) : null;
                if (officeVersion < 0) {
                    officeVersion = "person".equals(tableName(table)) ? ChangeLog.bumpPersonVersion(tx, rowId)
                            : caseId != null ? CaseSyncRepository.bumpVersion(tx, caseId)
                            : OperationSyncRepository.TABLE.equals(tableName(table)) ? OperationSyncRepository.bumpVersion(tx, rowId) : 0;
                }
                ChangeLog.append(tx, opId, Op.SET, tableName(table), rowId, field, newValue, officeVersion, personId,
                        caseId, device, userId, now);
            }
            written++;
        }
        return written;
    }

    /**
     * A tombstone: the row is deleted. It keeps the row's key only (no value), so that other devices
     * delete their copy at their next sync.
     */
    public static void recordDeletion(DSLContext tx, UUID userId, Table<?> table, UUID rowId, int baseVersion) {
        String device = DeviceCode.of(tx);
        OffsetDateTime now = Audit.now();
        UUID opId = insert(tx, Op.DELETE, table, rowId, null, null, null, baseVersion, null, device, now, userId);
        // At the office the tombstone is also an office change, so every laptop pulls it.
        if (ChangeLog.isOffice(tx)) ChangeLog.append(tx, opId, Op.DELETE, tableName(table), rowId, null, null, baseVersion, null, device, userId, now);
    }

    /**
     * A new row made here (a registration's person, case and first event; a timeline event): the
     * whole row as jOOQ's JSON, keyed by its UUID v7 id, for the office to insert once. On the office
     * database it is at once an office change, which the laptops that may see the case pull.
     *
     * @param personId whose data the row is (a deletion of that person erases the entry)
     * @param caseId   the case the row belongs to (null for a person)
     */
    public static void recordInsert(DSLContext tx, UUID userId, org.jooq.TableRecord<?> row, UUID personId, UUID caseId) {
        if (RowsRepository.table(tableName(row.getTable())) == null) {
            throw new IllegalArgumentException("rows of this table do not travel: " + tableName(row.getTable()));
        }
        // Only a database that syncs sends its new rows: the office (its change log) and a laptop that
        // joined one. A database on its own would keep a second copy of every registration for nothing
        // (a 10,000-row import: 70 % more on disk; docs/benchmarks.md), and such a laptop cannot join later.
        if (!sendsNewRows(tx)) return;
        String device = DeviceCode.of(tx);
        OffsetDateTime now = Audit.now();
        UUID rowId = RowsRepository.id(row);
        String json = RowsRepository.json(tx, row);
        UUID opId = insert(tx, Op.INSERT, row.getTable(), rowId, null, null, json, 0, personId, device, now, userId);
        if (ChangeLog.isOffice(tx)) {
            ChangeLog.append(tx, opId, Op.INSERT, tableName(row.getTable()), rowId, null, json, 0, personId, caseId, device, userId, now);
        }
    }

    /**
     * A new screening (with its answers, consents and choices) as one {@code INSERT} entry of table
     * {@code screening}, written in the screening's own transaction; at the office also into the change
     * log, so that the laptops that may see the case receive it.
     */
    public static void recordScreening(DSLContext tx, UUID userId, UUID screeningId, UUID caseId) {
        if (!sendsNewRows(tx)) return;
        UUID personId = RowsRepository.personOfCase(tx, caseId);
        String device = DeviceCode.of(tx);
        OffsetDateTime now = Audit.now();
        String json = ScreeningRowsRepository.json(tx, screeningId);
        UUID opId = insert(tx, Op.INSERT, ScreeningRowsRepository.table(), screeningId, null, null, json, 0, personId, device, now, userId);
        if (ChangeLog.isOffice(tx)) {
            ChangeLog.append(tx, opId, Op.INSERT, ScreeningRowsRepository.TABLE, screeningId, null, json, 0, personId, caseId, device, userId, now);
        }
    }

    /**
     * {@link #recordInsert} for a row just inserted by a class that holds no jOOQ record of it (an
     * operation's membership): the row is read back by its key.
     */
    public static void recordNewRow(DSLContext tx, UUID userId, String tableName, UUID rowId) {
        Table<?> table = RowsRepository.table(tableName);
        if (table == null) throw new IllegalArgumentException("rows of this table do not travel: " + tableName);
        org.jooq.TableRecord<?> row = RowsRepository.find(tx, table, rowId);
        if (row != null) recordInsert(tx, userId, row, null, null);
    }

    /** The removal of a membership, as a tombstone of its row (nothing when there is no such membership). */
    public static void recordMembershipRemoval(DSLContext tx, UUID by, UUID operationId, UUID userId) {
        if (!sendsNewRows(tx)) return;
        UUID rowId = RowsRepository.membershipId(tx, operationId, userId);
        if (rowId != null) recordDeletion(tx, by, RowsRepository.table("operation_member"), rowId, 0);
    }

    /** A laptop that joined an office (not the office itself). */
    public static boolean isJoinedLaptop(DSLContext tx) {
        return !ChangeLog.isOffice(tx) && sendsNewRows(tx);
    }

    /** The office, or a laptop that joined one (it holds the office's address). */
    static boolean sendsNewRows(DSLContext tx) {
        return ChangeLog.isOffice(tx) || OutboxRepository.setting(tx, OFFICE_URL) != null;
    }

    static String tableName(Table<?> table) {
        return table.getName().toLowerCase(Locale.ROOT);
    }

    /** Every entry, oldest first (op ids are UUID v7, so their order is the order they were made in). */
    public static List<Entry> all(DSLContext tx) {
        return OutboxRepository.all(tx);
    }

    /**
     * A merge of two records of one person ({@code otherId}'s cases moved to {@code keepId}, and
     * {@code otherId} deleted, in the caller's transaction): the entries about the other record now
     * belong to the kept one (a later deletion erases them too), and one MERGE entry tells the other
     * devices to do the same (docs/sync.md, "Merges"). At the office it is also a change whose value is
     * the kept person's row, so that a laptop holding only the merged-away record can take the kept one in.
     * Call it after the cases moved and before the other record is deleted.
     */
    public static void recordMerge(DSLContext tx, UUID userId, UUID otherId, UUID keepId) {
        MergeRowsRepository.movePersonRows(tx, otherId, keepId);
        if (!sendsNewRows(tx)) return;
        String device = DeviceCode.of(tx);
        OffsetDateTime now = Audit.now();
        UUID opId = insert(tx, Op.MERGE, RowsRepository.table("person"), otherId, null, null, keepId.toString(), 0, keepId, device, now, userId);
        if (ChangeLog.isOffice(tx)) MergeRowsRepository.logAtOffice(tx, opId, otherId, keepId, device, userId, now);
    }

    private static UUID insert(DSLContext tx, Op op, Table<?> table, UUID rowId, String field, String oldValue, String newValue,
                               int baseVersion, UUID personId, String device, OffsetDateTime at, UUID userId) {
        UUID opId = Ids.newId();
        OutboxRepository.insert(tx, new Entry(opId, op, tableName(table), rowId, field, oldValue, newValue, baseVersion, personId, device, at, userId));
        return opId;
    }

    /** A value as the outbox keeps it: ISO dates, true/false, enum names as stored; null stays null. */
    public static String text(Object value) {
        // an enum-valued column (jOOQ converter) is recorded by its stored name, as before the converters
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }
}
