package org.haven.core.operations;

import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.OPERATION_MEMBER;

import java.util.List;
import java.util.UUID;
import org.haven.core.db.Audit;
import org.haven.core.db.Ids;
import org.jooq.DSLContext;

/** Operation membership rows (V10) inside the caller's transaction (ADR 14); {@link OperationMembers} holds the rules. */
final class MemberRepository {
    private MemberRepository() {}

    static boolean exists(DSLContext tx, UUID operationId, UUID userId) {
        return tx.fetchExists(OPERATION_MEMBER, OPERATION_MEMBER.OPERATION_ID.eq(operationId).and(OPERATION_MEMBER.USER_ID.eq(userId)));
    }

    /** Inserts the membership row; returns its id. */
    static UUID insert(DSLContext tx, UUID operationId, UUID userId, UUID by) {
        var now = Audit.now();
        UUID id = Ids.newId();
        tx.insertInto(OPERATION_MEMBER)
                .set(OPERATION_MEMBER.ID, id)
                .set(OPERATION_MEMBER.OPERATION_ID, operationId)
                .set(OPERATION_MEMBER.USER_ID, userId)
                .set(OPERATION_MEMBER.CREATED_AT, now)
                .set(OPERATION_MEMBER.CREATED_BY, by)
                .set(OPERATION_MEMBER.UPDATED_AT, now)
                .set(OPERATION_MEMBER.UPDATED_BY, by)
                .execute();
        return id;
    }

    static boolean delete(DSLContext tx, UUID operationId, UUID userId) {
        return tx.deleteFrom(OPERATION_MEMBER)
                .where(OPERATION_MEMBER.OPERATION_ID.eq(operationId).and(OPERATION_MEMBER.USER_ID.eq(userId))).execute() > 0;
    }

    static List<String> usernames(DSLContext tx, UUID operationId) {
        return tx.select(APP_USER.USERNAME).from(OPERATION_MEMBER).join(APP_USER).on(APP_USER.ID.eq(OPERATION_MEMBER.USER_ID))
                .where(OPERATION_MEMBER.OPERATION_ID.eq(operationId)).orderBy(APP_USER.USERNAME).fetch(APP_USER.USERNAME);
    }

    static List<UUID> operationsOf(DSLContext tx, UUID userId) {
        return tx.select(OPERATION_MEMBER.OPERATION_ID).from(OPERATION_MEMBER).where(OPERATION_MEMBER.USER_ID.eq(userId))
                .fetch(OPERATION_MEMBER.OPERATION_ID);
    }

    /** The account's id, or null when no account has that user name. */
    static UUID userId(DSLContext tx, String username) {
        return tx.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOne(APP_USER.ID);
    }
}
