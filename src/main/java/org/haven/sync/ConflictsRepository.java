package org.haven.sync;

import static org.haven.db.jooq.Tables.APP_USER;
import static org.haven.db.jooq.Tables.CASE_FILE;
import static org.haven.db.jooq.Tables.OPERATION;
import static org.haven.db.jooq.Tables.SYNC_CONFLICT;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The SQL of the office's list of open conflicts (docs/sync.md, "Conflicts at the office"). */
final class ConflictsRepository {
    private ConflictsRepository() {}

    /**
     * The open conflicts, oldest first, each named by its case number (or, for an operation's field,
     * the operation's code), with the account names of who made each value.
     */
    static List<Conflicts.Open> open(DSLContext dsl) {
        var laptopUser = APP_USER.as("laptop_user");
        var officeUser = APP_USER.as("office_user");
        return dsl.select(SYNC_CONFLICT.ID, DSL.coalesce(CASE_FILE.CASE_NUMBER, OPERATION.CODE), SYNC_CONFLICT.FIELD, SYNC_CONFLICT.LAPTOP_VALUE,
                        SYNC_CONFLICT.OFFICE_VALUE, laptopUser.USERNAME, SYNC_CONFLICT.LAPTOP_DEVICE, SYNC_CONFLICT.LAPTOP_AT,
                        officeUser.USERNAME, SYNC_CONFLICT.OFFICE_AT)
                .from(SYNC_CONFLICT)
                .leftJoin(CASE_FILE).on(CASE_FILE.ID.eq(SYNC_CONFLICT.CASE_ID))
                .leftJoin(OPERATION).on(OPERATION.ID.eq(SYNC_CONFLICT.ROW_ID).and(SYNC_CONFLICT.TABLE_NAME.eq(OperationSyncRepository.TABLE)))
                .leftJoin(laptopUser).on(laptopUser.ID.eq(SYNC_CONFLICT.LAPTOP_USER))
                .leftJoin(officeUser).on(officeUser.ID.eq(SYNC_CONFLICT.OFFICE_USER))
                .where(SYNC_CONFLICT.STATUS.eq("OPEN"))
                .orderBy(SYNC_CONFLICT.ID)
                .fetch(r -> new Conflicts.Open(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                        r.value9(), r.value10()));
    }
}
