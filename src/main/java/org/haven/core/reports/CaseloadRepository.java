package org.haven.core.reports;

import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.OPERATION;
import static org.haven.core.db.jooq.Tables.OPERATION_MEMBER;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.util.Map;
import org.haven.core.security.User;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The caseload's plain counts (ADR 14): over every row, or over the cases a condition selects. */
final class CaseloadRepository {
    private CaseloadRepository() {}

    /** People, cases, events and operations in the database (someone who sees every case). */
    static long[] totals(DSLContext dsl) {
        return new long[] {dsl.fetchCount(PERSON), dsl.fetchCount(CASE_FILE), dsl.fetchCount(CASE_EVENT), dsl.fetchCount(OPERATION)};
    }

    /**
     * People, cases, events and operations of the cases the condition selects (operations: also
     * those the user is a member of).
     */
    static long[] totals(DSLContext dsl, Condition cases, User user) {
        return new long[] {
            dsl.fetchCount(DSL.selectDistinct(CASE_FILE.PERSON_ID).from(CASE_FILE).where(cases)),
            dsl.fetchCount(CASE_FILE, cases),
            dsl.fetchCount(CASE_EVENT, CASE_EVENT.CASE_ID.in(DSL.select(CASE_FILE.ID).from(CASE_FILE).where(cases))),
            dsl.fetchCount(OPERATION, OPERATION.ID.in(DSL.select(CASE_FILE.OPERATION_ID).from(CASE_FILE).where(cases))
                    .or(OPERATION.ID.in(DSL.select(OPERATION_MEMBER.OPERATION_ID).from(OPERATION_MEMBER).where(OPERATION_MEMBER.USER_ID.eq(user.id())))))};
    }

    static Map<String, Integer> byStatus(DSLContext dsl, Condition cases) {
        return dsl.select(CASE_FILE.STATUS.coerce(String.class), DSL.count()).from(CASE_FILE).where(cases)
                .groupBy(CASE_FILE.STATUS.coerce(String.class)).fetchMap(CASE_FILE.STATUS.coerce(String.class), DSL.count());
    }

    static Map<String, Integer> byOutcome(DSLContext dsl, Condition cases) {
        return dsl.select(CASE_FILE.OUTCOME.coerce(String.class), DSL.count()).from(CASE_FILE)
                .where(CASE_FILE.OUTCOME.coerce(String.class).isNotNull()).and(cases).groupBy(CASE_FILE.OUTCOME.coerce(String.class)).fetchMap(CASE_FILE.OUTCOME.coerce(String.class), DSL.count());
    }
}
