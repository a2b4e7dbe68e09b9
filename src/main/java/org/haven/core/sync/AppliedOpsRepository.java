package org.haven.core.sync;

import static org.haven.core.db.jooq.Tables.SYNC_APPLIED_OP;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/** The office's memory of every pushed operation id and its answer (a retry is answered as the first time). */
final class AppliedOpsRepository {
    private AppliedOpsRepository() {}

    /** Of these operation ids, those the office answered before, as "duplicate" with what it answered then. */
    static List<OfficePush.Result> answered(DSLContext dsl, List<UUID> opIds) {
        return dsl.selectFrom(SYNC_APPLIED_OP).where(SYNC_APPLIED_OP.OP_ID.in(opIds)).fetch(r -> new OfficePush.Result(r.getOpId(),
                OfficePush.Status.DUPLICATE, OfficePush.Status.valueOf(r.getStatus()), r.getSeq(), r.getConflictRef(), null));
    }

    static void remember(DSLContext tx, UUID opId, OfficePush.Status status, Long seq, UUID conflictId, String device, UUID pushedBy,
                         OffsetDateTime at) {
        tx.insertInto(SYNC_APPLIED_OP)
                .set(SYNC_APPLIED_OP.OP_ID, opId).set(SYNC_APPLIED_OP.STATUS, status.name()).set(SYNC_APPLIED_OP.SEQ, seq)
                .set(SYNC_APPLIED_OP.CONFLICT_REF, conflictId).set(SYNC_APPLIED_OP.DEVICE_CODE, device)
                .set(SYNC_APPLIED_OP.PUSHED_BY, pushedBy).set(SYNC_APPLIED_OP.PUSHED_AT, at)
                .execute();
    }
}
