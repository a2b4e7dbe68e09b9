package org.haven.cases;

import static org.haven.db.jooq.Tables.CASE_FILE;

import java.util.UUID;
import org.haven.common.HavenException;
import org.haven.db.jooq.tables.CaseFile;
import org.haven.security.User;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Which cases a user may see: coordinators all of them; caseworkers the cases assigned to them or
 * registered by them, and every case of an operation they work on; administrators none.
 * Every service query goes through here, so a hidden button is never the only guard.
 */
public final class CaseAccess {
    private CaseAccess() {}

    public static Condition visibleTo(User user) {
        if (user.seesAllCases()) return DSL.trueCondition();
        if (!user.seesCaseData()) return DSL.falseCondition();
        CaseFile mine = CASE_FILE.as("mine");
        return CASE_FILE.ASSIGNED_TO.eq(user.id())
                .or(CASE_FILE.CREATED_BY.eq(user.id()))
                .or(CASE_FILE.OPERATION_ID.in(DSL.selectDistinct(mine.OPERATION_ID).from(mine)
                        .where(mine.ASSIGNED_TO.eq(user.id()).or(mine.CREATED_BY.eq(user.id())))
                        .and(mine.OPERATION_ID.isNotNull())));
    }

    public static void requireVisible(DSLContext tx, User user, UUID caseId) {
        if (!tx.fetchExists(CASE_FILE, CASE_FILE.ID.eq(caseId))) {
            throw HavenException.notFound("This case no longer exists.");
        }
        if (!tx.fetchExists(CASE_FILE, CASE_FILE.ID.eq(caseId).and(visibleTo(user)))) {
            throw HavenException.denied("Not allowed: this case is not assigned to you.");
        }
    }
}
