package org.haven.core.exports;

import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.OPERATION;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.haven.core.access.CaseAccess;
import org.haven.core.security.User;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record9;
import org.jooq.impl.DSL;

/** The anonymized export's reads (ADR 14): which cases, and only the fields the export needs. */
final class ExportRepository {
    /** One case as read: never an identifying field. */
    record CaseRow(UUID caseId, LocalDate birthDate, Integer estimatedAge, String sex, String nationality, String province,
                   LocalDate openedOn, String status, String outcome) {}

    private ExportRepository() {}

    /** The operation's id, or null when no operation has the code. */
    static UUID operationId(DSLContext dsl, String code) {
        return dsl.select(OPERATION.ID).from(OPERATION).where(OPERATION.CODE.eq(code)).fetchOne(OPERATION.ID);
    }

    /** The cases the user sees, of the operations (null: all), opened in the months (null: open-ended). */
    static Condition cases(User user, Set<UUID> operationIds, YearMonth from, YearMonth to) {
        Condition where = CaseAccess.visibleTo(user).and(operationIds == null ? DSL.trueCondition() : CASE_FILE.OPERATION_ID.in(operationIds));
        if (from != null) where = where.and(CASE_FILE.OPENED_ON.ge(from.atDay(1)));
        if (to != null) where = where.and(CASE_FILE.OPENED_ON.le(to.atEndOfMonth()));
        return where;
    }

    /** Streams the cases (one query, fetched lazily in chunks of {@code batch}). */
    static void read(DSLContext dsl, Condition where, int batch, Consumer<CaseRow> each) {
        try (Cursor<Record9<UUID, LocalDate, Integer, String, String, String, LocalDate, String, String>> cursor = dsl
                .select(CASE_FILE.ID, PERSON.BIRTH_DATE, PERSON.ESTIMATED_AGE, PERSON.SEX.coerce(String.class), PERSON.NATIONALITY,
                        OPERATION.PROVINCE, CASE_FILE.OPENED_ON, CASE_FILE.STATUS.coerce(String.class), CASE_FILE.OUTCOME.coerce(String.class))
                .from(CASE_FILE)
                .join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                .leftJoin(OPERATION).on(OPERATION.ID.eq(CASE_FILE.OPERATION_ID))
                .where(where)
                .fetchSize(batch)
                .fetchLazy()) {
            for (var r : cursor) {
                each.accept(new CaseRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9()));
            }
        }
    }
}
