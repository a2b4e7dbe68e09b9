package org.haven.core.sync;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.core.security.Session;
import org.jooq.DSLContext;

/**
 * Sync conflicts at the office (docs/sync.md, "The conflict rule"): the open ones, and a
 * coordinator's choice of the laptop's or the office's value. The choice is itself a new change
 * (next change number, office version raised), so every device pulls the chosen value. Coordinators only.
 */
public final class Conflicts {
    public enum Keep { LAPTOP, OFFICE }

    /** An open conflict as listed: who is the account name, when the time each value was made. */
    public record Open(UUID id, String caseNumber, String field, String laptopValue, String officeValue, String laptopUser,
                       String laptopDevice, OffsetDateTime laptopAt, String officeUser, OffsetDateTime officeAt) {}

    private final Database db;
    private final Session session;

    public Conflicts(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /** The open conflicts, oldest first. */
    public List<Open> open() {
        session.require(Role.COORDINATOR);
        return ConflictsRepository.open(db.dsl());
    }

    /** Resolves one open conflict by keeping one of its values; returns the change number of the resolution. */
    public long resolve(UUID conflictId, Keep keep) {
        session.require(Role.COORDINATOR);
        if (!db.isOffice()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.sync.conflictsOnOffice");
        return db.inTransaction(tx -> {
            ConflictsRepository.Resolved r = ConflictsRepository.resolve(tx, conflictId, keep == Keep.LAPTOP, session.user().id());
            AuditLog.record(tx, session.user(), "SYNC_RESOLVED", r.caseId() != null ? "case" : r.table(), r.caseId() != null ? r.caseId() : r.rowId(),
                    "conflict " + conflictId + " field " + r.field() + " kept " + keep.name().toLowerCase() + " change " + r.seq());
            return r.seq();
        });
    }

    /** Whether the case has an open conflict (its flag). */
    public static boolean flagged(DSLContext tx, UUID caseId) {
        return ConflictsRepository.flagged(tx, caseId);
    }

}
