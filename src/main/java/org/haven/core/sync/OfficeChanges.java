package org.haven.core.sync;

import java.util.List;
import org.haven.core.changes.LoggedChange;
import org.haven.core.changes.ChangeLog;
import org.haven.core.changes.ChangeLogRepository;
import org.haven.core.changes.RowsRepository;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Session;

/**
 * What a laptop pulls (docs/sync.md, "The pull protocol"): the office's changes after a change
 * number, in order, a page at a time, only those the account may see (changes of people with a case
 * it may see; tombstones, which hold a key and no value, for everyone). Audited with the count.
 */
public final class OfficeChanges {
    public static final int DEFAULT_PAGE = 1000;
    public static final int MAX_PAGE = 5000;

    /** A page: its changes, the number to ask "after" next time, whether more may follow now. */
    public record Page(List<LoggedChange> changes, long next, boolean more, List<String> references) {
        public Page(List<LoggedChange> changes, long next, boolean more) {
            this(changes, next, more, List.of());
        }
    }

    private final Database db;
    private final Session session;

    public OfficeChanges(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /** Of these case ids, those the office has and the account may not see (reassigned away, or out of its operations). */
    public List<java.util.UUID> hidden(List<java.util.UUID> caseIds) {
        session.requireCaseData();
        return db.inTransaction(tx -> {
            List<java.util.UUID> out = new java.util.ArrayList<>();
            for (int i = 0; i < caseIds.size(); i += 1000) {
                out.addAll(RowsRepository.notVisible(tx, caseIds.subList(i, Math.min(caseIds.size(), i + 1000)), session.user()));
            }
            return out;
        });
    }

    public Page after(long after, int limit) {
        session.requireCaseData();
        if (after < 0) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.sync.after");
        if (limit < 1 || limit > MAX_PAGE) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.sync.limit", String.valueOf(MAX_PAGE));
        return db.inTransaction(tx -> {
            // Every number up to this one is committed (or rolled back): the counter's lock is held until commit.
            long upTo = ChangeLog.lastSeq(tx);
            List<LoggedChange> rows = ChangeLogRepository.visiblePage(tx, session.user(), after, upTo, limit + 1);
            boolean more = rows.size() > limit;
            if (more) rows = rows.subList(0, limit);
            long next = more ? rows.getLast().seq() : Math.max(after, upTo);
            AuditLog.record(tx, session.user(), "SYNC_PULL", "sync_change", null, rows.size() + " change(s) after " + after);
            return new Page(List.copyOf(rows), next, more, RowsRepository.referencedBy(tx, rows));
        });
    }
}
