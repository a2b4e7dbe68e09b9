package org.haven.core.sync;

import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SYNC_CONFLICT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.haven.core.access.CaseAccess;
import org.haven.core.cases.SearchIndex;
import org.haven.core.changes.ChangeLog;
import org.haven.core.changes.Outbox;
import org.haven.core.db.Audit;
import org.haven.core.db.jooq.tables.records.PersonRecord;
import org.haven.core.db.jooq.tables.records.SyncChangeRecord;
import org.haven.core.security.User;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/** The SQL of a person's fields at the office (docs/sync.md, "The conflict rule"): the row, its conflicts, a new value. */
final class PersonSyncRepository {
    /** Fields of a person that travel (the outbox's names); bookkeeping columns do not. */
    private static final Set<String> NOT_SYNCED = Set.of("id", "version", "office_version", "created_at", "created_by", "updated_at", "updated_by");

    private PersonSyncRepository() {}





    /** A person's field by its outbox name, or null when it does not travel. */
    static Field<?> field(String name) {
        if (name == null || NOT_SYNCED.contains(name)) return null;
        for (Field<?> f : PERSON.fields()) {
            if (f.getName().toLowerCase(Locale.ROOT).equals(name)) return f;
        }
        return null;
    }

    /** The person locked for the change, or null when the office does not have them. */
    static Record lock(DSLContext tx, UUID personId) {
        return tx.selectFrom(PERSON).where(PERSON.ID.eq(personId)).forUpdate().fetchOne();
    }

    /** The first case of the person this account may see (by case number), or null. */
    static UUID visibleCase(DSLContext tx, UUID personId, User user) {
        if (!user.seesCaseData()) return null;
        return tx.select(CASE_FILE.ID).from(CASE_FILE).where(CASE_FILE.PERSON_ID.eq(personId).and(CaseAccess.visibleTo(user)))
                .orderBy(CASE_FILE.CASE_NUMBER).limit(1).fetchOne(CASE_FILE.ID);
    }

    private static LocalDate openedOn(DSLContext tx, UUID caseId) {
        return tx.select(CASE_FILE.OPENED_ON).from(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).fetchSingle(CASE_FILE.OPENED_ON);
    }

    /**
     * Whether the person with this value breaks a rule of the form (PersonValidator) that they do not
     * break now: a laptop's value passes the same checks as the office's own edits.
     */
    @SuppressWarnings("unchecked")
    static boolean breaksRules(DSLContext tx, Record row, Field<?> column, Object value, UUID caseId) {
        PersonRecord now = row.into(PERSON);
        PersonRecord then = now.copy();
        then.setId(now.getId());
        then.set((Field<Object>) column, value);
        java.time.LocalDate openedOn = openedOn(tx, caseId);
        java.time.LocalDate today = java.time.LocalDate.now();
        var before = org.haven.core.people.PersonValidator.validate(org.haven.core.people.PersonRepository.toPerson(now), openedOn, today).asMap().keySet();
        var after = org.haven.core.people.PersonValidator.validate(org.haven.core.people.PersonRepository.toPerson(then), openedOn, today).asMap().keySet();
        return !before.containsAll(after);
    }

    /** An open conflict of a person's field, shown and flagged on {@code caseId}. */
    static void conflict(DSLContext tx, UUID conflictId, UUID personId, UUID caseId, String field, String laptopValue, String officeValue,
                         UUID laptopUser, String device, OffsetDateTime laptopAt, SyncChangeRecord theirs, UUID opId) {
        tx.insertInto(SYNC_CONFLICT)
                .set(SYNC_CONFLICT.ID, conflictId).set(SYNC_CONFLICT.PERSON_ID, personId).set(SYNC_CONFLICT.CASE_ID, caseId)
                .set(SYNC_CONFLICT.TABLE_NAME, "person").set(SYNC_CONFLICT.FIELD, field)
                .set(SYNC_CONFLICT.LAPTOP_VALUE, laptopValue).set(SYNC_CONFLICT.OFFICE_VALUE, officeValue)
                .set(SYNC_CONFLICT.LAPTOP_USER, laptopUser).set(SYNC_CONFLICT.LAPTOP_DEVICE, device)
                .set(SYNC_CONFLICT.LAPTOP_AT, laptopAt)
                .set(SYNC_CONFLICT.OFFICE_USER, theirs.getMadeBy()).set(SYNC_CONFLICT.OFFICE_AT, theirs.getMadeAt())
                .set(SYNC_CONFLICT.OP_ID, opId).set(SYNC_CONFLICT.STATUS, "OPEN")
                .execute();
        tx.update(CASE_FILE).set(CASE_FILE.SYNC_CONFLICT, true).where(CASE_FILE.ID.eq(caseId)).execute();
    }

    /**
     * Writes one field of a person at the office as a new change: the value, the local lock version
     * (an open form sees someone saved), the office version, the change log and the search index.
     */
    @SuppressWarnings("unchecked")
    static long applyField(DSLContext tx, UUID personId, Field<?> column, Object value, String text, UUID opId, String device,
                           UUID userId, OffsetDateTime madeAt) {
        tx.update(PERSON).set((Field<Object>) column, value).set(PERSON.VERSION, PERSON.VERSION.plus(1))
                .set(PERSON.UPDATED_AT, Audit.now()).set(PERSON.UPDATED_BY, userId)
                .where(PERSON.ID.eq(personId)).execute();
        int version = ChangeLog.bumpPersonVersion(tx, personId);
        long seq = ChangeLog.append(tx, opId, Outbox.Op.SET, "person", personId, column.getName().toLowerCase(Locale.ROOT), text,
                version, personId, device, userId, madeAt);
        SearchIndex.reindex(tx, personId);
        return seq;
    }
}
