package org.haven.core.sync;

import static org.haven.core.db.jooq.Tables.APP_SETTING;
import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.CASE_HTCDS;
import static org.haven.core.db.jooq.Tables.MATCH_DISTINCT;
import static org.haven.core.db.jooq.Tables.OPERATION;
import static org.haven.core.db.jooq.Tables.OPERATION_MEMBER;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SCREENING;
import static org.haven.core.db.jooq.Tables.SCREENING_ANSWER;
import static org.haven.core.db.jooq.Tables.SCREENING_CHOICE;
import static org.haven.core.db.jooq.Tables.SCREENING_CONSENT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haven.core.access.CaseAccess;
import org.haven.core.common.HavenException;
import org.haven.core.security.User;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONFormat;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * The rows a laptop receives when it joins: what its account may see at the office, table by table
 * in an order that satisfies the foreign keys. Never the audit log, password hashes, intake drafts,
 * the outbox, the device's own settings or the search and match indexes (the laptop builds those).
 */
final class SnapshotRepository {
    /** Rows per line of the snapshot: bounded memory on both sides. */
    static final int PAGE = 500;

    /** The tables a replica holds, in the order a laptop inserts them. */
    static final List<Table<?>> TABLES = List.of(APP_SETTING, APP_USER, OPERATION, OPERATION_MEMBER, PERSON, CASE_FILE,
            CASE_HTCDS, CASE_EVENT, SCREENING, SCREENING_ANSWER, SCREENING_CONSENT, SCREENING_CHOICE, MATCH_DISTINCT);

    private static final JSONFormat FORMAT = JSONFormat.DEFAULT_FOR_RESULTS.format(false).header(true)
            .recordFormat(JSONFormat.RecordFormat.ARRAY);

    private SnapshotRepository() {}

    /** Receives each page of one table as one line of JSON (jOOQ's format, with its header). */
    interface Pages {
        void page(Table<?> table, String json);
    }

    /** Reads everything {@code user} may see, in one transaction, and hands it out page by page; returns the number of cases. */
    static int read(DSLContext tx, User user, Pages out) {
        return read(tx, user, CaseAccess.visibleTo(user), true, out);
    }

    /** At most this many cases arrive on a laptop in one sync (the rest at the next). */
    static final int ARRIVALS = 2_000;

    /**
     * The cases {@code user} may see that a laptop does not hold ({@code held}: its case ids), at most
     * {@link #ARRIVALS} of them: a case assigned to them, or put in their operation, after they joined.
     * Their rows as {@link #read} gives them (with their people, staff and operations); returns how many.
     */
    static int readArrivals(DSLContext tx, User user, java.util.Collection<UUID> held, Pages out) {
        java.util.Set<UUID> have = new java.util.HashSet<>(held);
        List<UUID> arriving = new ArrayList<>();
        for (UUID id : tx.select(CASE_FILE.ID).from(CASE_FILE).where(CaseAccess.visibleTo(user)).orderBy(CASE_FILE.ID).fetch(CASE_FILE.ID)) {
            if (!have.contains(id)) arriving.add(id);
            if (arriving.size() == ARRIVALS) break;
        }
        if (arriving.isEmpty()) return 0;
        return read(tx, user, CaseAccess.visibleTo(user).and(CASE_FILE.ID.in(arriving)), false, out);
    }

    /**
     * {@code whole}: a replica's first copy (with the organisation's settings, the account's memberships,
     * every operation it may use and the "not the same person" records); otherwise only the rows of these cases.
     */
    private static int read(DSLContext tx, User user, Condition visibleCase, boolean whole, Pages out) {
        var caseIds = DSL.select(CASE_FILE.ID).from(CASE_FILE).where(visibleCase);
        var personIds = DSL.select(CASE_FILE.PERSON_ID).from(CASE_FILE).where(visibleCase);
        var screeningIds = DSL.select(SCREENING.ID).from(SCREENING).where(SCREENING.CASE_ID.in(caseIds));
        Condition myOperations = OPERATION_MEMBER.USER_ID.eq(user.id());
        Condition operations = !whole ? OPERATION.ID.in(DSL.select(CASE_FILE.OPERATION_ID).from(CASE_FILE).where(visibleCase))
                : user.seesAllCases() ? DSL.trueCondition()
                : OPERATION.ID.in(DSL.select(CASE_FILE.OPERATION_ID).from(CASE_FILE).where(visibleCase))
                        .or(OPERATION.ID.in(DSL.select(OPERATION_MEMBER.OPERATION_ID).from(OPERATION_MEMBER).where(myOperations)));

        Map<Table<?>, Select<? extends Record>> rows = new LinkedHashMap<>();
        if (whole) rows.put(APP_SETTING, DSL.selectFrom(APP_SETTING).where(APP_SETTING.SETTING_KEY.like("organisation.%")));
        rows.put(APP_USER, staff(user, caseIds));
        rows.put(OPERATION, DSL.selectFrom(OPERATION).where(operations));
        if (whole) rows.put(OPERATION_MEMBER, DSL.selectFrom(OPERATION_MEMBER).where(myOperations));
        rows.put(PERSON, DSL.selectFrom(PERSON).where(PERSON.ID.in(personIds)));
        rows.put(CASE_FILE, DSL.selectFrom(CASE_FILE).where(visibleCase));
        rows.put(CASE_HTCDS, DSL.selectFrom(CASE_HTCDS).where(CASE_HTCDS.CASE_ID.in(caseIds)));
        rows.put(CASE_EVENT, DSL.selectFrom(CASE_EVENT).where(CASE_EVENT.CASE_ID.in(caseIds)));
        rows.put(SCREENING, DSL.selectFrom(SCREENING).where(SCREENING.CASE_ID.in(caseIds)));
        rows.put(SCREENING_ANSWER, DSL.selectFrom(SCREENING_ANSWER).where(SCREENING_ANSWER.SCREENING_ID.in(screeningIds)));
        rows.put(SCREENING_CONSENT, DSL.selectFrom(SCREENING_CONSENT).where(SCREENING_CONSENT.SCREENING_ID.in(screeningIds)));
        rows.put(SCREENING_CHOICE, DSL.selectFrom(SCREENING_CHOICE).where(SCREENING_CHOICE.SCREENING_ID.in(screeningIds)));
        if (whole) rows.put(MATCH_DISTINCT, DSL.selectFrom(MATCH_DISTINCT).where(MATCH_DISTINCT.PERSON_A.in(personIds))
                .and(MATCH_DISTINCT.PERSON_B.in(personIds)));

        for (Map.Entry<Table<?>, Select<? extends Record>> t : rows.entrySet()) {
            try (Cursor<? extends Record> cursor = tx.fetchLazy(t.getValue().fetchSize(PAGE))) {
                while (cursor.hasNext()) {
                    out.page(t.getKey(), cursor.fetchNext(PAGE).formatJSON(FORMAT));
                }
            }
        }
        return tx.fetchCount(CASE_FILE, visibleCase);
    }

    /**
     * The staff the copied rows name (assigned, recorded or screened by; and the user), with their
     * names and roles but no password hash: on the laptop they cannot log in, they are only shown.
     */
    private static Select<? extends Record> staff(User user, Select<? extends org.jooq.Record1<UUID>> caseIds) {
        List<Field<?>> columns = new ArrayList<>(List.of(APP_USER.fields()));
        columns.remove(APP_USER.PASSWORD_HASH);
        var named = DSL.select(CASE_FILE.ASSIGNED_TO).from(CASE_FILE).where(CASE_FILE.ID.in(caseIds))
                .union(DSL.select(CASE_FILE.CREATED_BY).from(CASE_FILE).where(CASE_FILE.ID.in(caseIds)))
                .union(DSL.select(CASE_EVENT.RECORDED_BY).from(CASE_EVENT).where(CASE_EVENT.CASE_ID.in(caseIds)))
                .union(DSL.select(SCREENING.CREATED_BY).from(SCREENING).where(SCREENING.CASE_ID.in(caseIds)));
        return DSL.select(columns).from(APP_USER).where(APP_USER.ID.in(named).or(APP_USER.ID.eq(user.id())));
    }

    /**
     * Inserts one page of {@code table} as the office sent it, but for the row of the account already
     * made here ({@code self}) and any password hash; a page of a table a replica does not hold is refused.
     */
    static int load(DSLContext tx, String tableName, String json, UUID self) {
        Table<?> table = TABLES.stream().filter(t -> t.getName().equals(tableName)).findFirst()
                .orElseThrow(() -> HavenException.of(HavenException.Kind.FAILURE, "error.sync.unknownRows"));
        Result<Record> page = tx.fetchFromJSON(json);
        List<TableRecord<?>> records = new ArrayList<>(page.size());
        for (Record r : page) {
            TableRecord<?> row = (TableRecord<?>) tx.newRecord(table);
            for (Field<?> f : r.fields()) {
                // By column name, converted to the column's type (the office's text for a UUID, a timestamp...);
                // never a password hash on a laptop, whatever arrives.
                Field<?> column = table.field(f.getName());
                if (column != null && !column.getName().equals(APP_USER.PASSWORD_HASH.getName())) copy(r, f, row, column);
            }
            if (table == APP_USER && self.equals(row.get(APP_USER.ID))) continue;
            records.add(row);
        }
        if (!records.isEmpty()) tx.batchInsert(records).execute();
        return records.size();
    }

    /**
     * On a laptop: one page of arriving cases' rows ({@link #readArrivals}), each row inserted unless
     * this laptop holds it already (a person with another case here, staff, an operation); never the
     * account's own row, never a password hash. Returns the people among them (to index).
     */
    static List<UUID> loadMissing(DSLContext tx, String tableName, String json, UUID self) {
        Table<?> table = TABLES.stream().filter(t -> t.getName().equals(tableName)).findFirst()
                .orElseThrow(() -> HavenException.of(HavenException.Kind.FAILURE, "error.sync.unknownRows"));
        @SuppressWarnings("unchecked")
        Field<UUID> id = (Field<UUID>) table.field("ID");
        List<UUID> people = new ArrayList<>();
        for (Record r : tx.fetchFromJSON(json)) {
            TableRecord<?> row = (TableRecord<?>) tx.newRecord(table);
            for (Field<?> f : r.fields()) {
                Field<?> column = table.field(f.getName());
                if (column != null && !column.getName().equals(APP_USER.PASSWORD_HASH.getName())) copy(r, f, row, column);
            }
            if (table == APP_USER && self.equals(row.get(APP_USER.ID))) continue;
            if (id != null && tx.fetchExists(table, id.eq(row.get(id)))) continue;
            row.attach(tx.configuration());
            row.insert();
            if (table == PERSON) people.add(row.get(PERSON.ID));
            if (table == CASE_FILE) people.add(row.get(CASE_FILE.PERSON_ID));
        }
        return people;
    }

    /** Every person here, in key order (the laptop indexes them after the snapshot). */
    static List<UUID> personIds(DSLContext dsl) {
        return dsl.select(PERSON.ID).from(PERSON).orderBy(PERSON.ID).fetch(PERSON.ID);
    }

    /** One of this laptop's sync settings (the office's address, its pinned fingerprint). */
    static void setting(DSLContext tx, String key, String value) {
        tx.insertInto(APP_SETTING, APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE).values(key, value).execute();
    }

    private static <T> void copy(Record from, Field<?> field, TableRecord<?> to, Field<T> column) {
        to.set(column, from.get(field, column.getType()));
    }
}
