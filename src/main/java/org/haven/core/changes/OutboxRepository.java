package org.haven.core.changes;

import static org.haven.core.db.jooq.Tables.APP_SETTING;
import static org.haven.core.db.jooq.Tables.SYNC_OUTBOX;

import java.util.List;
import org.jooq.DSLContext;

/** The SQL of the outbox (docs/adr/0018-sync-model.md): one row per change made on this device, until the office answers it. */
final class OutboxRepository {
    private OutboxRepository() {}

    static void insert(DSLContext tx, Outbox.Entry e) {
        tx.insertInto(SYNC_OUTBOX)
                .set(SYNC_OUTBOX.OP_ID, e.opId())
                .set(SYNC_OUTBOX.OP, e.op().name())
                .set(SYNC_OUTBOX.TABLE_NAME, e.table())
                .set(SYNC_OUTBOX.ROW_ID, e.rowId())
                .set(SYNC_OUTBOX.FIELD, e.field())
                .set(SYNC_OUTBOX.OLD_VALUE, e.oldValue())
                .set(SYNC_OUTBOX.NEW_VALUE, e.newValue())
                .set(SYNC_OUTBOX.BASE_VERSION, e.baseVersion())
                .set(SYNC_OUTBOX.PERSON_ID, e.personId())
                .set(SYNC_OUTBOX.DEVICE_CODE, e.deviceCode())
                .set(SYNC_OUTBOX.MADE_AT, e.madeAt())
                .set(SYNC_OUTBOX.MADE_BY, e.madeBy())
                .execute();
    }

    /** Every entry, oldest first (op ids are UUID v7, so their order is the order they were made in). */
    static List<Outbox.Entry> all(DSLContext tx) {
        return tx.selectFrom(SYNC_OUTBOX).orderBy(SYNC_OUTBOX.OP_ID).fetch(r -> new Outbox.Entry(r.getOpId(), Outbox.Op.valueOf(r.getOp()),
                r.getTableName(), r.getRowId(), r.getField(), r.getOldValue(), r.getNewValue(), r.getBaseVersion(), r.getPersonId(),
                r.getDeviceCode(), r.getMadeAt(), r.getMadeBy()));
    }

    /** A setting's stored value, or null. */
    static String setting(DSLContext tx, String key) {
        return tx.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING)
                .where(APP_SETTING.SETTING_KEY.eq(key)).fetchOne(APP_SETTING.SETTING_VALUE);
    }
}
