package org.haven.core.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.haven.core.access.CaseAccess;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Session;

/** Adding, editing and deleting events on a case's timeline. */
public final class TimelineService {
    private final Database db;
    private final Session session;

    public TimelineService(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    public List<CaseEvent> events(UUID caseId) {
        session.requireCaseData();
        return db.inTransaction(tx -> {
            CaseAccess.requireVisible(tx, session.user(), caseId);
            return EventRepository.forCase(tx, caseId);
        });
    }

    public CaseEvent add(UUID caseId, EventType type, LocalDate date, DatePrecision precision, String note) {
        session.requireCaseData();
        EventValidator.validate(type, date, precision, note, LocalDate.now()).throwIfAny();
        return db.inTransaction(tx -> {
            CaseAccess.requireVisible(tx, session.user(), caseId);
            CaseEvent saved = EventRepository.insert(tx, caseId, type, date, precision, note, session.user().id());
            AuditLog.record(tx, session.user(), "EVENT_CREATE", "case", caseId, type.name());
            return saved;
        });
    }

    public CaseEvent update(CaseEvent changed) {
        session.requireCaseData();
        EventValidator.validate(changed.type(), changed.date(), changed.precision(), changed.note(), LocalDate.now()).throwIfAny();
        return db.inTransaction(tx -> {
            CaseAccess.requireVisible(tx, session.user(), changed.caseId());
            CaseEvent before = EventRepository.find(tx, changed.id())
                    .orElseThrow(() -> HavenException.of(HavenException.Kind.CONFLICT, "error.eventDeleted"));
            if (!before.type().isManual()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.statusEventEdit");
            CaseEvent saved = EventRepository.update(tx, changed, session.user().id());
            AuditLog.record(tx, session.user(), "EVENT_UPDATE", "case", changed.caseId(), changed.type().name());
            return saved;
        });
    }

    public void delete(CaseEvent event) {
        session.requireCaseData();
        db.inTransactionRun(tx -> {
            CaseAccess.requireVisible(tx, session.user(), event.caseId());
            if (!event.type().isManual()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.statusEventDelete");
            EventRepository.delete(tx, event.id(), event.version(), session.user().id());
            AuditLog.record(tx, session.user(), "EVENT_DELETE", "case", event.caseId(), event.type().name());
        });
    }
}
