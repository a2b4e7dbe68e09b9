package org.haven.core.timeline;

import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.CASE_EVENT;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.haven.core.common.HavenException;
import org.haven.core.db.Audit;
import org.haven.core.db.Ids;
import org.haven.core.db.jooq.tables.records.CaseEventRecord;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Timeline rows <-> {@link CaseEvent} records, inside the caller's transaction. */
public final class EventRepository {
    private EventRepository() {}

    public static CaseEvent insert(DSLContext tx, UUID caseId, EventType type, java.time.LocalDate date,
                                   DatePrecision precision, String note, UUID userId) {
        CaseEventRecord row = tx.newRecord(CASE_EVENT);
        row.setId(Ids.newId());
        row.setCaseId(caseId);
        row.setEventType(type);
        row.setEventDate(precision.normalize(date));
        row.setDatePrecision(precision);
        row.setNote(note == null || note.isBlank() ? null : note.strip());
        row.setRecordedBy(userId);
        Audit.insertNew(row, userId);
        UUID personId = tx.select(org.haven.core.db.jooq.Tables.CASE_FILE.PERSON_ID).from(org.haven.core.db.jooq.Tables.CASE_FILE)
                .where(org.haven.core.db.jooq.Tables.CASE_FILE.ID.eq(caseId)).fetchOne(org.haven.core.db.jooq.Tables.CASE_FILE.PERSON_ID);
        org.haven.core.changes.Outbox.recordInsert(tx, userId, row, personId, caseId);
        return new CaseEvent(row.getId(), caseId, type, row.getEventDate(), precision, row.getNote(), userId, null, 0);
    }

    public static CaseEvent update(DSLContext tx, CaseEvent e, UUID userId) {
        var before = org.haven.core.changes.EventSyncRepository.row(tx, e.id());
        int n = tx.update(CASE_EVENT)
                .set(CASE_EVENT.EVENT_TYPE, e.type())
                .set(CASE_EVENT.EVENT_DATE, e.precision().normalize(e.date()))
                .set(CASE_EVENT.DATE_PRECISION, e.precision())
                .set(CASE_EVENT.NOTE, e.note() == null || e.note().isBlank() ? null : e.note().strip())
                .set(CASE_EVENT.VERSION, e.version() + 1)
                .set(CASE_EVENT.UPDATED_AT, Audit.now())
                .set(CASE_EVENT.UPDATED_BY, userId)
                .where(CASE_EVENT.ID.eq(e.id())).and(CASE_EVENT.VERSION.eq(e.version()))
                .execute();
        if (n == 0) {
            throw HavenException.of(HavenException.Kind.CONFLICT, "error.eventChanged");
        }
        // the edit travels to the office field by field (docs/sync.md)
        org.haven.core.changes.EventSyncRepository.recordEdit(tx, userId, before, org.haven.core.changes.EventSyncRepository.row(tx, e.id()));
        return find(tx, e.id()).orElseThrow();
    }

    public static void delete(DSLContext tx, UUID eventId, int version, UUID userId) {
        var before = org.haven.core.changes.EventSyncRepository.row(tx, eventId);
        int n = tx.deleteFrom(CASE_EVENT).where(CASE_EVENT.ID.eq(eventId)).and(CASE_EVENT.VERSION.eq(version)).execute();
        if (n == 0) {
            throw HavenException.of(HavenException.Kind.CONFLICT, "error.eventChanged");
        }
        org.haven.core.changes.EventSyncRepository.recordDeletion(tx, userId, before); // a tombstone for the other devices
    }

    public static Optional<CaseEvent> find(DSLContext tx, UUID id) {
        return tx.select(CASE_EVENT.asterisk(), APP_USER.USERNAME).from(CASE_EVENT)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(CASE_EVENT.RECORDED_BY))
                .where(CASE_EVENT.ID.eq(id)).fetchOptional().map(EventRepository::toEvent);
    }

    /** The whole timeline of a case, oldest first. */
    public static List<CaseEvent> forCase(DSLContext tx, UUID caseId) {
        return tx.select(CASE_EVENT.asterisk(), APP_USER.USERNAME).from(CASE_EVENT)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(CASE_EVENT.RECORDED_BY))
                .where(CASE_EVENT.CASE_ID.eq(caseId))
                .orderBy(CASE_EVENT.EVENT_DATE, CASE_EVENT.CREATED_AT, CASE_EVENT.ID)
                .fetch(EventRepository::toEvent);
    }

    private static CaseEvent toEvent(Record r) {
        return new CaseEvent(r.get(CASE_EVENT.ID), r.get(CASE_EVENT.CASE_ID), r.get(CASE_EVENT.EVENT_TYPE),
                r.get(CASE_EVENT.EVENT_DATE), r.get(CASE_EVENT.DATE_PRECISION), r.get(CASE_EVENT.NOTE),
                r.get(CASE_EVENT.RECORDED_BY), r.get(APP_USER.USERNAME), r.get(CASE_EVENT.VERSION));
    }
}
