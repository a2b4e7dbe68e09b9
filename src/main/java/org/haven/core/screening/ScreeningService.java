package org.haven.core.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.haven.core.access.CaseAccess;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Session;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventRepository;
import org.haven.core.timeline.EventType;

/**
 * Screening interviews: save one (with its SCREENING event on the timeline and an audit row, in one
 * transaction), read the latest or all of a case, count determinations.
 */
public final class ScreeningService {
    private final Database db;
    private final Session session;

    public ScreeningService(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /**
     * Saves a new interview as the case's latest screening. The suggestion is computed here from
     * the answers (never trusted from the caller); a different determination needs a reason.
     */
    public Screening save(Screening draft) {
        session.requireCaseData();
        Determination suggested = DeterminationRule.suggest(draft.answerValues());
        ScreeningValidator.validate(draft, suggested, LocalDate.now()).throwIfAny();
        return db.inTransaction(tx -> {
            CaseAccess.requireVisible(tx, session.user(), draft.caseId());
            // A closed case is a record of what was: its screening is read-only (reopen the case to change it).
            if (org.haven.core.cases.CaseRepository.find(tx, draft.caseId()).map(c -> c.status() == org.haven.core.cases.CaseStatus.CLOSED).orElse(false)) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.screening.caseClosed");
            }
            UUID id = ScreeningRepository.insertLatest(tx, draft, suggested, session.user().id());
            String note = "Determination: " + draft.determination().name()
                    + (draft.determination() == suggested ? "" : " (suggested " + suggested.name() + ", overridden)");
            EventRepository.insert(tx, draft.caseId(), EventType.SCREENING, draft.interviewDate(), DatePrecision.DAY, note,
                    session.user().id());
            // Ids and the determination only: answers and notes are personal data.
            AuditLog.record(tx, session.user(), "SCREENING_SAVE", "case", draft.caseId(),
                    draft.determination().name() + (draft.determination() == suggested ? "" : ":override"));
            return ScreeningRepository.find(tx, id).orElseThrow();
        });
    }

    /** The case's latest screening, if it was ever screened; the view is audited. */
    public Optional<Screening> latest(UUID caseId) {
        session.requireCaseData();
        return db.inTransaction(tx -> {
            CaseAccess.requireVisible(tx, session.user(), caseId);
            Optional<Screening> s = ScreeningRepository.latest(tx, caseId);
            if (s.isPresent()) AuditLog.record(tx, session.user(), "SCREENING_VIEW", "case", caseId, null);
            return s;
        });
    }

    /** Every screening of the case, newest first. */
    public List<Screening> history(UUID caseId) {
        session.requireCaseData();
        return db.inTransaction(tx -> {
            CaseAccess.requireVisible(tx, session.user(), caseId);
            List<Screening> all = ScreeningRepository.history(tx, caseId);
            if (!all.isEmpty()) AuditLog.record(tx, session.user(), "SCREENING_VIEW", "case", caseId, null);
            return all;
        });
    }

    /** Latest determinations over the cases the user sees; {@code operationId} null means all cases. */
    public ScreeningCounts counts(UUID operationId) {
        session.requireCaseData();
        return ScreeningRepository.counts(db.dsl(), session.user(), operationId);
    }
}
