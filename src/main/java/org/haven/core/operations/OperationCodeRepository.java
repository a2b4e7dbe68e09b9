package org.haven.core.operations;

import static org.haven.core.db.jooq.Tables.OPERATION;

import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** The operation service's checks of operation codes (ADR 14). */
final class OperationCodeRepository {
    private OperationCodeRepository() {}

    /** Whether another operation (not {@code exceptId}, which may be null) has this code, in any letter case. */
    static boolean codeTaken(DSLContext tx, String code, UUID exceptId) {
        Condition c = OPERATION.CODE.equalIgnoreCase(code);
        return tx.fetchExists(OPERATION, exceptId == null ? c : c.and(OPERATION.ID.ne(exceptId)));
    }

    static int countWithCodePrefix(DSLContext dsl, String prefix) {
        return dsl.fetchCount(OPERATION, OPERATION.CODE.startsWith(prefix));
    }

    static boolean codeExists(DSLContext dsl, String code) {
        return dsl.fetchExists(OPERATION, OPERATION.CODE.eq(code));
    }
}
