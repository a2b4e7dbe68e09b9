package org.haven.core.changes;

import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SYNC_CHANGE;
import static org.haven.core.db.jooq.Tables.SYNC_SEQUENCE;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.haven.core.access.CaseAccess;
import org.haven.core.db.jooq.tables.records.SyncChangeRecord;
import org.haven.core.security.User;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** The SQL of the office's change log rows (docs/sync.md, "The office's change log"). */
public final class ChangeLogRepository {
    private ChangeLogRepository() {}

    static long lastSeq(DSLContext tx) {
        return tx.select(SYNC_SEQUENCE.LAST_SEQ).from(SYNC_SEQUENCE).where(SYNC_SEQUENCE.ID.eq(1)).fetchSingle(SYNC_SEQUENCE.LAST_SEQ);
    }

    /** Raises the one counter row (locked until the transaction ends) and returns the new number. */
    static long nextSeq(DSLContext tx) {
        tx.update(SYNC_SEQUENCE).set(SYNC_SEQUENCE.LAST_SEQ, SYNC_SEQUENCE.LAST_SEQ.plus(1)).where(SYNC_SEQUENCE.ID.eq(1)).execute();
        return lastSeq(tx);
    }

    static void insert(DSLContext tx, long seq, UUID opId, Outbox.Op op, String table, UUID rowId, String field, String newValue,
                       int officeVersion, UUID personId, UUID caseId, String deviceCode, UUID madeBy, OffsetDateTime madeAt) {
        tx.insertInto(SYNC_CHANGE)
                .set(SYNC_CHANGE.SEQ, seq)
                .set(SYNC_CHANGE.OP_ID, opId)
                .set(SYNC_CHANGE.OP, op.name())
                .set(SYNC_CHANGE.TABLE_NAME, table)
                .set(SYNC_CHANGE.ROW_ID, rowId)
                .set(SYNC_CHANGE.FIELD, field)
                .set(SYNC_CHANGE.NEW_VALUE, newValue)
                .set(SYNC_CHANGE.OFFICE_VERSION, officeVersion)
                .set(SYNC_CHANGE.PERSON_ID, personId)
                .set(SYNC_CHANGE.CASE_ID, caseId)
                .set(SYNC_CHANGE.DEVICE_CODE, deviceCode)
                .set(SYNC_CHANGE.MADE_BY, madeBy)
                .set(SYNC_CHANGE.MADE_AT, madeAt)
                .execute();
    }

    /**
     * Up to {@code limit} changes numbered above {@code after} and at most {@code upTo}, in order, that
     * {@code user} may see: a change of a case's rows (a new case, a new event) if they may see that
     * case; a person's fields if they may see one of the person's cases; every tombstone (a key, no value).
     */
    public static List<LoggedChange> visiblePage(DSLContext tx, User user, long after, long upTo, int limit) {
        var visibleCases = tx.select(CASE_FILE.ID).from(CASE_FILE).where(CaseAccess.visibleTo(user));
        var visiblePeople = tx.select(CASE_FILE.PERSON_ID).from(CASE_FILE).where(CaseAccess.visibleTo(user));
        Condition visible = SYNC_CHANGE.CASE_ID.isNotNull().and(SYNC_CHANGE.CASE_ID.in(visibleCases))
                .or(SYNC_CHANGE.CASE_ID.isNull().and(SYNC_CHANGE.PERSON_ID.isNull().or(SYNC_CHANGE.PERSON_ID.in(visiblePeople))));
        return tx.selectFrom(SYNC_CHANGE)
                .where(SYNC_CHANGE.SEQ.gt(after).and(SYNC_CHANGE.SEQ.le(upTo)).and(visible))
                .orderBy(SYNC_CHANGE.SEQ).limit(limit).fetch(ChangeLogRepository::change);
    }

    private static LoggedChange change(SyncChangeRecord c) {
        return new LoggedChange(c.getSeq(), c.getOpId(), c.getOp(), c.getTableName(), c.getRowId(), c.getField(),
                c.getNewValue(), c.getOfficeVersion(), c.getDeviceCode(), c.getMadeAt());
    }

    /** Raises the person's office version by one and returns the new one. */
    static int bumpPersonVersion(DSLContext tx, UUID personId) {
        tx.update(PERSON).set(PERSON.OFFICE_VERSION, org.jooq.impl.DSL.coalesce(PERSON.OFFICE_VERSION, 0).plus(1))
                .where(PERSON.ID.eq(personId)).execute();
        return personVersion(tx, personId);
    }
    /** The person's current office version (0: never changed since the office began counting). */
    static int personVersion(DSLContext tx, UUID personId) {
        Integer v = tx.select(PERSON.OFFICE_VERSION).from(PERSON).where(PERSON.ID.eq(personId)).fetchOne(PERSON.OFFICE_VERSION);
        return v == null ? 0 : v;
    }
}
