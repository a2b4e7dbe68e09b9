package org.haven.core.changes;

import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.OPERATION;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONFormat;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * New rows that travel (docs/sync.md, "New rows"): a person, a case, a timeline event, as jOOQ's
 * JSON of the whole row; read back by column name on the other side, converted to the column's type.
 * Never a password hash, whatever arrives.
 */
public final class RowsRepository {
    static final JSONFormat FORMAT = JSONFormat.DEFAULT_FOR_RESULTS.format(false).header(true)
            .recordFormat(JSONFormat.RecordFormat.ARRAY);

    /** The tables whose new rows travel, by name, in the order their keys depend on each other. */
    static final Map<String, Table<?>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("person", PERSON);
        TABLES.put("operation", OPERATION);
        TABLES.put("operation_member", org.haven.core.db.jooq.Tables.OPERATION_MEMBER);
        TABLES.put("case_file", CASE_FILE);
        TABLES.put("case_event", CASE_EVENT);
    }

    private RowsRepository() {}

    /** The table of a new row that travels, or null. */
    /**
     * A table whose rows carry the office's version of them (docs/sync.md, "Versions"): what raising
     * that version and taking a pulled field look like for a case and an operation alike.
     */
    record Versioned(TableField<?, UUID> id, TableField<?, Integer> version, TableField<?, Integer> officeVersion,
            TableField<?, java.time.OffsetDateTime> updatedAt) {

        /** Raises the row's office version by one and returns the new one (0 when the row is not there). */
        int bump(DSLContext tx, UUID rowId) {
            tx.update(id.getTable()).set(officeVersion, DSL.coalesce(officeVersion, 0).plus(1)).where(id.eq(rowId)).execute();
            Integer v = tx.select(officeVersion).from(id.getTable()).where(id.eq(rowId)).fetchOne(officeVersion);
            return v == null ? 0 : v;
        }

        /**
         * On a laptop: one field of the row as the office now holds it, with the office's version of the
         * row; not recorded in the outbox. False when the row is not here or the field does not travel (null).
         */
        @SuppressWarnings("unchecked")
        boolean applyPulled(DSLContext tx, UUID rowId, Field<?> column, String text, int officeVersionNow) {
            if (column == null || !tx.fetchExists(id.getTable(), id.eq(rowId))) return false;
            Object value = text == null ? null : org.jooq.tools.Convert.convert(text, column.getType());
            tx.update(id.getTable()).set((Field<Object>) column, value).set(officeVersion, officeVersionNow)
                    .set(version, version.plus(1)).set(updatedAt, org.haven.core.db.Audit.now())
                    .where(id.eq(rowId)).execute();
            return true;
        }
    }

    /** The field among {@code synced} by its outbox name (its column name in lower case), or null when none is. */
    public static Field<?> syncedField(java.util.Set<Field<?>> synced, String name) {
        if (name == null) return null;
        for (Field<?> f : synced) {
            if (f.getName().toLowerCase(java.util.Locale.ROOT).equals(name)) return f;
        }
        return null;
    }

    public static Table<?> table(String name) {
        return TABLES.get(name);
    }

    /** One row as one line of JSON (jOOQ's format with its header). */
    public static String json(DSLContext tx, TableRecord<?> row) {
        Result<Record> one = tx.newResult(row.fields());
        one.add(row);
        return one.formatJSON(FORMAT);
    }

    /** The rows of {@code json} as records of {@code table}, by column name (unknown columns and any password hash left out). */
    public static List<TableRecord<?>> read(DSLContext tx, Table<?> table, String json) {
        List<TableRecord<?>> out = new ArrayList<>();
        for (Record r : tx.fetchFromJSON(json)) {
            TableRecord<?> row = (TableRecord<?>) tx.newRecord(table);
            for (Field<?> f : r.fields()) {
                Field<?> column = table.field(f.getName());
                if (column != null && !column.getName().equals(APP_USER.PASSWORD_HASH.getName())) copy(r, f, row, column);
            }
            out.add(row);
        }
        return out;
    }

    /** The row's key (every table that travels has a UUID {@code id}). */
    public static UUID id(TableRecord<?> row) {
        return row.get(idField(row.getTable()));
    }

    public static boolean exists(DSLContext tx, Table<?> table, UUID id) {
        return tx.fetchExists(table, idField(table).eq(id));
    }

    public static void insert(DSLContext tx, TableRecord<?> row) {
        tx.batchInsert(List.of(row)).execute();
    }

    /** Whether the case is here and {@code user} may see it (the services' rule). */
    public static boolean caseVisible(DSLContext tx, UUID caseId, org.haven.core.security.User user) {
        return tx.fetchExists(CASE_FILE, CASE_FILE.ID.eq(caseId).and(org.haven.core.access.CaseAccess.visibleTo(user)));
    }

    /** Of these cases, those here that {@code user} may not see. */
    public static List<UUID> notVisible(DSLContext tx, List<UUID> caseIds, org.haven.core.security.User user) {
        return tx.select(CASE_FILE.ID).from(CASE_FILE).where(CASE_FILE.ID.in(caseIds).and(DSL.not(org.haven.core.access.CaseAccess.visibleTo(user))))
                .fetch(CASE_FILE.ID);
    }

    /** Every case here (a laptop asks the office which it may no longer see). */
    public static List<UUID> caseIds(DSLContext tx) {
        return tx.select(CASE_FILE.ID).from(CASE_FILE).fetch(CASE_FILE.ID);
    }


    /** The person a case belongs to, or null when the case is not here. */
    public static UUID personOfCase(DSLContext tx, UUID caseId) {
        return tx.select(CASE_FILE.PERSON_ID).from(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).fetchOne(CASE_FILE.PERSON_ID);
    }

    /**
     * The rows a laptop needs before it can take these changes (keys point at them): the staff that new
     * cases are assigned to or made by, or that a case is now assigned to (name and roles, never a
     * password hash), and the operations new cases are in or a case now moves to, as lines
     * {@code TABLE<TAB>JSON}. A laptop that lacks one of them could not store the change.
     */
    public static List<String> referencedBy(DSLContext tx, List<LoggedChange> changes) {
        List<UUID> newCases = new ArrayList<>();
        List<UUID> staffIds = new ArrayList<>();
        List<UUID> operationIds = new ArrayList<>();
        for (var c : changes) {
            if ("INSERT".equals(c.op()) && "case_file".equals(c.table())) newCases.add(c.rowId());
            if ("SET".equals(c.op()) && "case_file".equals(c.table()) && c.newValue() != null) {
                UUID id = uuidOrNull(c.newValue());
                if (id != null && "assigned_to".equals(c.field())) staffIds.add(id);
                if (id != null && "operation_id".equals(c.field())) operationIds.add(id);
            }
        }
        List<String> out = new ArrayList<>();
        if (newCases.isEmpty() && staffIds.isEmpty() && operationIds.isEmpty()) return out;
        List<Field<?>> staff = new ArrayList<>(List.of(APP_USER.fields()));
        staff.remove(APP_USER.PASSWORD_HASH);
        var named = DSL.select(CASE_FILE.ASSIGNED_TO).from(CASE_FILE).where(CASE_FILE.ID.in(newCases))
                .union(DSL.select(CASE_FILE.CREATED_BY).from(CASE_FILE).where(CASE_FILE.ID.in(newCases)));
        Result<Record> users = tx.select(staff).from(APP_USER).where(APP_USER.ID.in(named).or(APP_USER.ID.in(staffIds))).fetch();
        if (!users.isEmpty()) out.add(APP_USER.getName() + "\t" + users.formatJSON(FORMAT));
        var ops = tx.selectFrom(OPERATION).where(OPERATION.ID.in(
                DSL.select(CASE_FILE.OPERATION_ID).from(CASE_FILE).where(CASE_FILE.ID.in(newCases))).or(OPERATION.ID.in(operationIds))).fetch();
        if (!ops.isEmpty()) out.add(OPERATION.getName() + "\t" + ops.formatJSON(FORMAT));
        return out;
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The case a new row belongs to: a case its own id, an event its case; a person none. */
    public static UUID caseOf(TableRecord<?> row) {
        if (row.getTable() == CASE_FILE) return row.get(CASE_FILE.ID);
        if (row.getTable() == CASE_EVENT) return row.get(CASE_EVENT.CASE_ID);
        return null;
    }

    /** Whose data a new row is: a person themself, a case's person, an event's case's person (null: not here). */
    public static UUID personOf(DSLContext tx, TableRecord<?> row) {
        if (row.getTable() == PERSON) return row.get(PERSON.ID);
        if (row.getTable() == CASE_FILE) return row.get(CASE_FILE.PERSON_ID);
        UUID caseId = caseOf(row);
        return caseId == null ? null : personOfCase(tx, caseId);
    }

    /** The operation a new case goes under (null: none, or not a case). */
    public static UUID operationOf(TableRecord<?> row) {
        return row.getTable() == CASE_FILE ? row.get(CASE_FILE.OPERATION_ID) : null;
    }

    /** The row of a table that travels, by its key, or null. */
    static TableRecord<?> find(DSLContext tx, Table<?> table, UUID id) {
        return (TableRecord<?>) tx.selectFrom(table).where(idField(table).eq(id)).fetchOne();
    }

    /** Whether the row is an operation or an operation's membership (rows of no person and no case). */
    public static boolean isOperationRow(TableRecord<?> row) {
        return row.getTable() == OPERATION || row.getTable() == org.haven.core.db.jooq.Tables.OPERATION_MEMBER;
    }

    /**
     * Whether {@code user} may bring this membership to the office: a coordinator any; anyone else only
     * their own, in an operation they created (the creator is its first member, as in the window).
     */
    public static boolean mayAddMembership(DSLContext tx, TableRecord<?> row, org.haven.core.security.User user) {
        var m = org.haven.core.db.jooq.Tables.OPERATION_MEMBER;
        UUID operationId = row.get(m.OPERATION_ID);
        UUID memberId = row.get(m.USER_ID);
        if (!exists(tx, OPERATION, operationId) || !tx.fetchExists(APP_USER, APP_USER.ID.eq(memberId))) return false;
        if (user.has(org.haven.core.security.Role.COORDINATOR)) return true;
        UUID creator = tx.select(OPERATION.CREATED_BY).from(OPERATION).where(OPERATION.ID.eq(operationId)).fetchOne(OPERATION.CREATED_BY);
        return user.id().equals(memberId) && user.id().equals(creator);
    }

    /** The key of a membership, or null. */
    static UUID membershipId(DSLContext tx, UUID operationId, UUID userId) {
        var m = org.haven.core.db.jooq.Tables.OPERATION_MEMBER;
        return tx.select(m.ID).from(m).where(m.OPERATION_ID.eq(operationId).and(m.USER_ID.eq(userId))).fetchOne(m.ID);
    }

    /** Deletes a row of a table that travels by its key; false when it was not there. */
    public static boolean deleteRow(DSLContext tx, Table<?> table, UUID id) {
        return tx.deleteFrom(table).where(idField(table).eq(id)).execute() > 0;
    }

    /** Whether the office (or laptop) holds that membership already (one per operation and user). */
    public static boolean membershipExists(DSLContext tx, TableRecord<?> row) {
        var m = org.haven.core.db.jooq.Tables.OPERATION_MEMBER;
        return tx.fetchExists(m, m.OPERATION_ID.eq(row.get(m.OPERATION_ID)).and(m.USER_ID.eq(row.get(m.USER_ID))));
    }

    /**
     * On a laptop: an operation or membership the office holds, inserted when it is not here yet and
     * can be (an operation whose code this laptop uses for another is left out; a membership of staff
     * or an operation this laptop does not know too). False when nothing was inserted.
     */
    public static boolean applyPulledOperationRow(DSLContext tx, TableRecord<?> row) {
        if (row.getTable() == OPERATION) {
            if (tx.fetchExists(OPERATION, OPERATION.CODE.eq(row.get(OPERATION.CODE)))) return false;
        } else {
            var m = org.haven.core.db.jooq.Tables.OPERATION_MEMBER;
            if (!exists(tx, OPERATION, row.get(m.OPERATION_ID)) || !tx.fetchExists(APP_USER, APP_USER.ID.eq(row.get(m.USER_ID)))
                    || membershipExists(tx, row)) {
                return false;
            }
        }
        insert(tx, row);
        return true;
    }

    /** Whether the person is here. */
    public static boolean personExists(DSLContext tx, UUID personId) {
        return personId != null && exists(tx, PERSON, personId);
    }

    /** Inserts the staff and operations a page of changes needs that are not here yet (a laptop). */
    public static void insertMissingReferences(DSLContext tx, String tableName, String json) {
        Table<?> table = tableName.equals(APP_USER.getName()) ? APP_USER : tableName.equals(OPERATION.getName()) ? OPERATION : null;
        if (table == null) return;
        for (TableRecord<?> row : read(tx, table, json)) {
            if (!exists(tx, table, id(row))) insert(tx, row);
        }
    }

    @SuppressWarnings("unchecked")
    private static TableField<?, UUID> idField(Table<?> table) {
        return (TableField<?, UUID>) table.field("ID");
    }

    private static <T> void copy(Record from, Field<?> field, TableRecord<?> to, Field<T> column) {
        to.set(column, from.get(field, column.getType()));
    }
}
