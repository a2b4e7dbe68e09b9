package org.haven.sync;

import static org.haven.db.jooq.Tables.CASE_FILE;
import static org.haven.db.jooq.Tables.SYNC_CHANGE;

import java.util.List;
import org.haven.cases.CaseAccess;
import org.haven.common.HavenException;
import org.haven.db.Database;
import org.haven.db.jooq.tables.records.SyncChangeRecord;
import org.haven.security.AuditLog;
import org.haven.security.Session;
import org.jooq.Condition;

/**
 * What a laptop pulls (docs/sync.md, "The pull protocol"): the office's changes after a change
 * number, in order, a page at a time, only those the account may see (changes of people with a case
 * it may see; tombstones, which hold a key and no value, for everyone). Audited with the count.
 */
public final class OfficeChanges {
    public static final int DEFAULT_PAGE = 1000;
    public static final int MAX_PAGE = 5000;

    /** A page: its changes, the number to ask "after" next time, whether more may follow now. */
    public record Page(List<SyncChangeRecord> changes, long next, boolean more) {}

    private final Database db;
    private final Session session;

    public OfficeChanges(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    public Page after(long after, int limit) {
        session.requireCaseData();
        if (after < 0) throw HavenException.badInput("after must be 0 or more.");
        if (limit < 1 || limit > MAX_PAGE) throw HavenException.badInput("limit must be between 1 and " + MAX_PAGE + ".");
        return db.inTransaction(tx -> {
            // Every number up to this one is committed (or rolled back): the counter's lock is held until commit.
            long upTo = ChangeLog.lastSeq(tx);
            Condition visible = SYNC_CHANGE.PERSON_ID.isNull().or(SYNC_CHANGE.PERSON_ID.in(
                    tx.select(CASE_FILE.PERSON_ID).from(CASE_FILE).where(CaseAccess.visibleTo(session.user()))));
            List<SyncChangeRecord> rows = tx.selectFrom(SYNC_CHANGE)
                    .where(SYNC_CHANGE.SEQ.gt(after).and(SYNC_CHANGE.SEQ.le(upTo)).and(visible))
                    .orderBy(SYNC_CHANGE.SEQ).limit(limit + 1).fetch();
            boolean more = rows.size() > limit;
            if (more) rows = rows.subList(0, limit);
            long next = more ? rows.getLast().getSeq() : Math.max(after, upTo);
            AuditLog.record(tx, session.user(), "SYNC_PULL", "sync_change", null, rows.size() + " change(s) after " + after);
            return new Page(List.copyOf(rows), next, more);
        });
    }
}
