package org.haven.core.access;

import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.OPERATION_MEMBER;

import java.util.Collection;
import java.util.UUID;
import org.haven.core.security.User;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The SQL of {@link CaseAccess} (ADR 14): which case_file rows a user sees, and checks against them. */
final class CaseAccessRepository {
    private CaseAccessRepository() {}

    /** Cases assigned to the user, registered by them, or of an operation they are a member of. */
    static Condition ownOrMember(User user) {
        return CASE_FILE.ASSIGNED_TO.eq(user.id())
                .or(CASE_FILE.CREATED_BY.eq(user.id()))
                .or(CASE_FILE.OPERATION_ID.in(DSL.select(OPERATION_MEMBER.OPERATION_ID).from(OPERATION_MEMBER)
                        .where(OPERATION_MEMBER.USER_ID.eq(user.id()))));
    }

    /** How many of these cases (distinct, at most about 1,000) satisfy the condition. */
    static int count(DSLContext tx, Collection<UUID> caseIds, Condition visible) {
        return tx.fetchCount(CASE_FILE, CASE_FILE.ID.in(caseIds).and(visible));
    }

    static boolean exists(DSLContext tx, UUID caseId) {
        return tx.fetchExists(CASE_FILE, CASE_FILE.ID.eq(caseId));
    }

    static boolean exists(DSLContext tx, UUID caseId, Condition visible) {
        return tx.fetchExists(CASE_FILE, CASE_FILE.ID.eq(caseId).and(visible));
    }
}
