package org.haven.core.sync;

import static org.haven.core.db.jooq.Tables.APP_SETTING;
import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SYNC_OUTBOX;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.haven.core.cases.SearchIndex;
import org.haven.core.changes.CaseSyncRepository;
import org.haven.core.changes.EventSyncRepository;
import org.haven.core.changes.Outbox;
import org.haven.core.changes.RowsRepository;
import org.haven.core.changes.ScreeningRowsRepository;
import org.haven.core.changes.TraffickingSyncRepository;
import org.haven.core.db.Audit;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.tools.Convert;

/** The SQL of a laptop's sync: its settings, its outbox pages, and the office's changes applied here. */
final class LaptopSyncRepository {
    private LaptopSyncRepository() {}

    static String setting(DSLContext tx, String key) {
        return tx.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING).where(APP_SETTING.SETTING_KEY.eq(key)).fetchOne(APP_SETTING.SETTING_VALUE);
    }

    static void setSetting(DSLContext tx, String key, String value) {
        if (tx.update(APP_SETTING).set(APP_SETTING.SETTING_VALUE, value).where(APP_SETTING.SETTING_KEY.eq(key)).execute() == 0) {
            tx.insertInto(APP_SETTING, APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE).values(key, value).execute();
        }
    }

    /** Changes made here and not yet answered by the office. */
    static int outboxCount(DSLContext tx) {
        return tx.fetchCount(SYNC_OUTBOX);
    }

    /** The oldest {@code limit} outbox entries, in the order they were made. */
    static List<Outbox.Entry> outboxPage(DSLContext tx, int limit) {
        List<Outbox.Entry> all = Outbox.all(tx);
        return new ArrayList<>(all.subList(0, Math.min(limit, all.size())));
    }

    /** The office has answered these entries: they leave the outbox (with their old and new values). */
    static void forget(DSLContext tx, Collection<UUID> opIds) {
        tx.deleteFrom(SYNC_OUTBOX).where(SYNC_OUTBOX.OP_ID.in(opIds)).execute();
    }

    /** One field of a case as the office now holds it (not into the outbox); false when not here. */
    static boolean applyCaseField(DSLContext tx, UUID caseId, String field, String text, int officeVersion) {
        return CaseSyncRepository.applyPulled(tx, caseId, field, text, officeVersion);
    }

    /** One field of a timeline entry as the office now holds it (not into the outbox); false when not here. */
    static boolean applyEventField(DSLContext tx, UUID eventId, String field, String text, int officeVersion) {
        return EventSyncRepository.applyPulled(tx, eventId, field, text, officeVersion);
    }

    /** A membership removed at the office or on a coordinator's laptop (not into the outbox). */
    static boolean deleteMembership(DSLContext tx, UUID memberRowId) {
        return RowsRepository.deleteRow(tx, RowsRepository.table("operation_member"), memberRowId);
    }

    /** A timeline entry deleted on another device or at the office (not into the outbox). */
    static boolean deleteEvent(DSLContext tx, UUID eventId) {
        return EventSyncRepository.deletePulled(tx, eventId);
    }

    /** One trafficking detail of a case as the office now holds it (not into the outbox); false when not here. */
    static boolean applyTraffickingField(DSLContext tx, UUID caseId, String field, String text, int officeVersion) {
        return TraffickingSyncRepository.applyPulled(tx, caseId, field, text, officeVersion);
    }

    /** Inserts what the office's new cases point at and this laptop lacks (their staff, their operation). */
    static void insertMissingReferences(DSLContext tx, String table, String json) {
        RowsRepository.insertMissingReferences(tx, table, json);
    }

    /**
     * A new row the office holds (a person, a case, an event made on another device or at the office),
     * inserted as it came, not recorded in the outbox; a person's or case's search and duplicate index
     * rebuilt. False when it is here already (this laptop made it), its table does not travel, or the
     * person or case it belongs to is not on this laptop.
     */
    static boolean applyInsert(DSLContext tx, String tableName, UUID rowId, String json) {
        if (ScreeningRowsRepository.TABLE.equals(tableName)) return ScreeningRowsRepository.applyPulled(tx, rowId, json);
        var table = RowsRepository.table(tableName);
        if (table == null || RowsRepository.exists(tx, table, rowId)) return false;
        var rows = RowsRepository.read(tx, table, json);
        if (rows.size() != 1 || !rowId.equals(RowsRepository.id(rows.getFirst()))) return false;
        var row = rows.getFirst();
        if (RowsRepository.isOperationRow(row)) return RowsRepository.applyPulledOperationRow(tx, row);
        UUID personId;
        if (table == PERSON) {
            personId = rowId;
        } else if (table == CASE_FILE) {
            personId = row.get(CASE_FILE.PERSON_ID);
            if (!RowsRepository.exists(tx, PERSON, personId)) return false;
        } else {
            UUID caseId = row.get(CASE_EVENT.CASE_ID);
            if (caseId == null || RowsRepository.personOfCase(tx, caseId) == null) return false;
            personId = null;
        }
        RowsRepository.insert(tx, row);
        if (personId != null) SearchIndex.reindex(tx, personId);
        return true;
    }

    /**
     * One field of a person as the office now holds it, with the office's version of the row; not
     * recorded in the outbox (it came from the office). False when the person is not on this laptop
     * or the field does not travel.
     */
    @SuppressWarnings("unchecked")
    static boolean applyPersonField(DSLContext tx, UUID personId, String field, String text, int officeVersion) {
        Field<?> column = PersonSyncRepository.field(field);
        if (column == null || !tx.fetchExists(PERSON, PERSON.ID.eq(personId))) return false;
        Object value = text == null ? null : Convert.convert(text, column.getType());
        tx.update(PERSON).set((Field<Object>) column, value).set(PERSON.OFFICE_VERSION, officeVersion)
                .set(PERSON.VERSION, PERSON.VERSION.plus(1)).set(PERSON.UPDATED_AT, Audit.now())
                .where(PERSON.ID.eq(personId)).execute();
        SearchIndex.reindex(tx, personId);
        return true;
    }

    /**
     * A case that left this laptop (reassigned away): its rows, its events and screenings, its search
     * prefix; the person's index rebuilt. Returns the person when no other case of theirs remains here
     * (the caller erases them wholly), else null. Not into the outbox: the office decided it.
     */
    static UUID eraseCase(DSLContext tx, UUID caseId) {
        UUID personId = RowsRepository.personOfCase(tx, caseId);
        if (personId == null) return null;
        if (tx.fetchCount(CASE_FILE, CASE_FILE.PERSON_ID.eq(personId)) <= 1) return personId;
        String number = tx.select(CASE_FILE.CASE_NUMBER).from(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).fetchOne(CASE_FILE.CASE_NUMBER);
        var screenings = org.jooq.impl.DSL.select(org.haven.core.db.jooq.Tables.SCREENING.ID).from(org.haven.core.db.jooq.Tables.SCREENING)
                .where(org.haven.core.db.jooq.Tables.SCREENING.CASE_ID.eq(caseId));
        tx.deleteFrom(org.haven.core.db.jooq.Tables.SCREENING_ANSWER).where(org.haven.core.db.jooq.Tables.SCREENING_ANSWER.SCREENING_ID.in(screenings)).execute();
        tx.deleteFrom(org.haven.core.db.jooq.Tables.SCREENING_CONSENT).where(org.haven.core.db.jooq.Tables.SCREENING_CONSENT.SCREENING_ID.in(screenings)).execute();
        tx.deleteFrom(org.haven.core.db.jooq.Tables.SCREENING_CHOICE).where(org.haven.core.db.jooq.Tables.SCREENING_CHOICE.SCREENING_ID.in(screenings)).execute();
        tx.deleteFrom(org.haven.core.db.jooq.Tables.SCREENING).where(org.haven.core.db.jooq.Tables.SCREENING.CASE_ID.eq(caseId)).execute();
        tx.deleteFrom(org.haven.core.db.jooq.Tables.CASE_HTCDS).where(org.haven.core.db.jooq.Tables.CASE_HTCDS.CASE_ID.eq(caseId)).execute();
        tx.deleteFrom(CASE_EVENT).where(CASE_EVENT.CASE_ID.eq(caseId)).execute();
        tx.deleteFrom(org.haven.core.db.jooq.Tables.PENDING_IMPORT_CASE).where(org.haven.core.db.jooq.Tables.PENDING_IMPORT_CASE.CASE_ID.eq(caseId)).execute();
        tx.deleteFrom(org.haven.core.db.jooq.Tables.SEARCH_PREFIX).where(org.haven.core.db.jooq.Tables.SEARCH_PREFIX.CASE_NUMBER.eq(number)).execute();
        tx.deleteFrom(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).execute();
        org.haven.core.cases.SearchIndex.reindex(tx, personId);
        return null;
    }
}
