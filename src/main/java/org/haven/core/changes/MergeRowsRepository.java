package org.haven.core.changes;

import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SYNC_CHANGE;
import static org.haven.core.db.jooq.Tables.SYNC_CONFLICT;
import static org.haven.core.db.jooq.Tables.SYNC_OUTBOX;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.TableRecord;

/**
 * The journal's part of a merge that travels (docs/sync.md, "Merges"): the change tables' rows about
 * the merged-away record follow the kept one, and at the office the merge becomes a change.
 */
public final class MergeRowsRepository {
    private MergeRowsRepository() {}

    /** The sync tables' rows about {@code from} now belong to {@code to} (a later deletion of {@code to} erases them). */
    public static void movePersonRows(DSLContext tx, UUID from, UUID to) {
        tx.update(SYNC_OUTBOX).set(SYNC_OUTBOX.PERSON_ID, to).where(SYNC_OUTBOX.PERSON_ID.eq(from)).execute();
        tx.update(SYNC_CHANGE).set(SYNC_CHANGE.PERSON_ID, to).where(SYNC_CHANGE.PERSON_ID.eq(from)).execute();
        tx.update(SYNC_CONFLICT).set(SYNC_CONFLICT.PERSON_ID, to).where(SYNC_CONFLICT.PERSON_ID.eq(from)).execute();
    }
    /** At the office: the merge as a change, with the kept person's row as its value; returns its number. */
    public static long logAtOffice(DSLContext tx, UUID opId, UUID otherId, UUID keepId, String device, UUID userId, OffsetDateTime at) {
        TableRecord<?> keep = RowsRepository.find(tx, PERSON, keepId);
        return ChangeLog.append(tx, opId, Outbox.Op.MERGE, "person", otherId, null, RowsRepository.json(tx, keep), 0, keepId, null,
                device, userId, at);
    }
}
