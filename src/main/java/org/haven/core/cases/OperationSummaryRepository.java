package org.haven.core.cases;

import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.haven.core.access.CaseAccess;
import org.haven.core.security.User;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The counts of an operation's cases, for the operation page (ADR 14). */
final class OperationSummaryRepository {
    private OperationSummaryRepository() {}

    /** The operation's cases the user may see. */
    static Condition cases(UUID operationId, User user) {
        return CASE_FILE.OPERATION_ID.eq(operationId).and(CaseAccess.visibleTo(user));
    }

    static Map<String, Integer> byStatus(DSLContext dsl, Condition cases) {
        return dsl.select(CASE_FILE.STATUS.coerce(String.class), DSL.count()).from(CASE_FILE).where(cases)
                .groupBy(CASE_FILE.STATUS.coerce(String.class)).fetchMap(CASE_FILE.STATUS.coerce(String.class), DSL.count());
    }

    /** Nationality ("" for none) -> cases, most first. */
    static Map<String, Long> byNationality(DSLContext dsl, Condition cases) {
        var nat = DSL.coalesce(PERSON.NATIONALITY, DSL.inline(""));
        Map<String, Long> byNationality = new LinkedHashMap<>();
        dsl.select(nat, DSL.count()).from(CASE_FILE).join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID)).where(cases)
                .groupBy(nat).orderBy(DSL.count().desc(), nat)
                .forEach(r -> byNationality.put(r.value1(), (long) r.value2()));
        return byNationality;
    }

    static Map<String, Integer> bySex(DSLContext dsl, Condition cases) {
        return dsl.select(PERSON.SEX.coerce(String.class), DSL.count()).from(CASE_FILE).join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                .where(cases).groupBy(PERSON.SEX.coerce(String.class)).fetchMap(PERSON.SEX.coerce(String.class), DSL.count());
    }
}
