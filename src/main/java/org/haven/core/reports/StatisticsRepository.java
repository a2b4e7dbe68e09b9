package org.haven.core.reports;

import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.OPERATION;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haven.core.access.CaseAccess;
import org.haven.core.security.User;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The statistics' grouped queries (ADR 14): counts per value over the cases a {@link StatsFilter}
 * selects, never a person's data. {@link StatisticsService} turns them into tables.
 */
final class StatisticsRepository {
    /** One group of people: date of birth, estimated age, first identification, and how many. */
    record AgeGroup(LocalDate birth, Integer estimated, LocalDate firstOpened, long count) {}

    /** Closed cases of one month and outcome. */
    record MonthOutcome(int year, int month, String outcome, long count) {}

    /** Closed cases of one nationality and outcome. */
    record NationalityOutcome(String nationality, String outcome, long count) {}

    /** Closed cases of one outcome, opening and closing date. */
    record ExitGroup(String outcome, LocalDate opened, LocalDate closed, long count) {}

    private StatisticsRepository() {}

    /** The cases the filter selects: visible to the user, identified in the period, of the operation. */
    static Condition cases(User user, StatsFilter f) {
        Condition c = CaseAccess.visibleTo(user);
        if (f.from() != null) c = c.and(CASE_FILE.OPENED_ON.ge(f.from().atDay(1)));
        if (f.to() != null) c = c.and(CASE_FILE.OPENED_ON.le(f.to().atEndOfMonth()));
        if (f.operationId() != null) c = c.and(CASE_FILE.OPERATION_ID.eq(f.operationId()));
        return c;
    }

    /** Distinct people per nationality (null: none), most first. */
    static Map<String, Long> peopleByNationality(DSLContext dsl, Condition cases) {
        Field<Integer> n = DSL.countDistinct(PERSON.ID);
        Map<String, Long> counts = new LinkedHashMap<>();
        dsl.select(PERSON.NATIONALITY, n).from(CASE_FILE).join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                .where(cases).groupBy(PERSON.NATIONALITY).orderBy(n.desc(), PERSON.NATIONALITY)
                .forEach(r -> counts.put(r.value1() == null ? StatisticsService.NONE : r.value1(), r.value2().longValue()));
        return counts;
    }

    static Map<String, Integer> peopleBySex(DSLContext dsl, Condition cases) {
        Field<Integer> n = DSL.countDistinct(PERSON.ID);
        return dsl.select(PERSON.SEX.coerce(String.class), n).from(CASE_FILE).join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                .where(cases).groupBy(PERSON.SEX.coerce(String.class)).fetchMap(PERSON.SEX.coerce(String.class), n);
    }

    /** People grouped by (date of birth, estimated age, first identification): counts per combination, no ids. */
    static void ageGroups(DSLContext dsl, Condition cases, java.util.function.Consumer<AgeGroup> each) {
        Field<LocalDate> first = DSL.min(CASE_FILE.OPENED_ON);
        Field<Integer> n = DSL.count();
        var perPerson = dsl.select(PERSON.BIRTH_DATE, PERSON.ESTIMATED_AGE, first.as("first_opened"))
                .from(CASE_FILE).join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                .where(cases).groupBy(PERSON.ID, PERSON.BIRTH_DATE, PERSON.ESTIMATED_AGE).asTable("pp");
        Field<LocalDate> birth = perPerson.field(PERSON.BIRTH_DATE);
        Field<Integer> estimated = perPerson.field(PERSON.ESTIMATED_AGE);
        Field<LocalDate> opened = perPerson.field("first_opened", LocalDate.class);
        for (Record r : dsl.select(birth, estimated, opened, n).from(perPerson).groupBy(birth, estimated, opened)
                .fetchSize(1000).fetchLazy()) {
            each.accept(new AgeGroup(r.get(birth), r.get(estimated), r.get(opened), r.get(n).longValue()));
        }
    }

    static Map<String, Integer> casesByStatus(DSLContext dsl, Condition cases) {
        Field<Integer> n = DSL.count();
        return dsl.select(CASE_FILE.STATUS.coerce(String.class), n).from(CASE_FILE).where(cases)
                .groupBy(CASE_FILE.STATUS.coerce(String.class)).fetchMap(CASE_FILE.STATUS.coerce(String.class), n);
    }

    /** Closed cases per month of closing and outcome; the period applies to the closing date. */
    static void closedByMonth(DSLContext dsl, User user, StatsFilter f, java.util.function.Consumer<MonthOutcome> each) {
        Condition c = cases(user, new StatsFilter(null, null, f.operationId())).and(CASE_FILE.CLOSED_ON.isNotNull());
        if (f.from() != null) c = c.and(CASE_FILE.CLOSED_ON.ge(f.from().atDay(1)));
        if (f.to() != null) c = c.and(CASE_FILE.CLOSED_ON.le(f.to().atEndOfMonth()));
        Field<Integer> year = DSL.year(CASE_FILE.CLOSED_ON);
        Field<Integer> month = DSL.month(CASE_FILE.CLOSED_ON);
        Field<Integer> n = DSL.count();
        dsl.select(year, month, CASE_FILE.OUTCOME.coerce(String.class), n).from(CASE_FILE).where(c).groupBy(year, month, CASE_FILE.OUTCOME.coerce(String.class))
                .forEach(r -> each.accept(new MonthOutcome(r.value1(), r.value2(), r.value3(), r.value4())));
    }

    /** Cases per operation code (none: {@link StatisticsService#NONE}), by code. */
    static Map<String, Long> casesByOperation(DSLContext dsl, Condition cases) {
        Field<Integer> n = DSL.count();
        Map<String, Long> counts = new LinkedHashMap<>();
        dsl.select(OPERATION.CODE, n).from(CASE_FILE).leftJoin(OPERATION).on(OPERATION.ID.eq(CASE_FILE.OPERATION_ID))
                .where(cases).groupBy(OPERATION.CODE).orderBy(OPERATION.CODE)
                .forEach(r -> counts.put(r.value1() == null ? StatisticsService.NONE : r.value1(), r.value2().longValue()));
        return counts;
    }

    /** Cases opened per month: year, month, count. */
    static void openedByMonth(DSLContext dsl, Condition cases, java.util.function.Consumer<int[]> yearMonthCount) {
        Field<Integer> year = DSL.year(CASE_FILE.OPENED_ON);
        Field<Integer> month = DSL.month(CASE_FILE.OPENED_ON);
        Field<Integer> n = DSL.count();
        dsl.select(year, month, n).from(CASE_FILE).where(cases).groupBy(year, month)
                .forEach(r -> yearMonthCount.accept(new int[] {r.value1(), r.value2(), r.value3()}));
    }

    /** Closed cases by the person's nationality (none: {@link StatisticsService#NONE}) and outcome. */
    static void nationalityByOutcome(DSLContext dsl, Condition cases, java.util.function.Consumer<NationalityOutcome> each) {
        Field<Integer> n = DSL.count();
        dsl.select(PERSON.NATIONALITY, CASE_FILE.OUTCOME.coerce(String.class), n).from(CASE_FILE).join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                .where(cases).and(CASE_FILE.OUTCOME.coerce(String.class).isNotNull()).groupBy(PERSON.NATIONALITY, CASE_FILE.OUTCOME.coerce(String.class))
                .forEach(r -> each.accept(new NationalityOutcome(r.value1() == null ? StatisticsService.NONE : r.value1(), r.value2(), r.value3())));
    }

    /** Closed cases with an outcome, grouped by (outcome, opened, closed): counts per combination, no ids. */
    static void exits(DSLContext dsl, Condition cases, java.util.function.Consumer<ExitGroup> each) {
        Field<Integer> n = DSL.count();
        dsl.select(CASE_FILE.OUTCOME.coerce(String.class), CASE_FILE.OPENED_ON, CASE_FILE.CLOSED_ON, n).from(CASE_FILE).where(cases)
                .and(CASE_FILE.OUTCOME.coerce(String.class).isNotNull()).and(CASE_FILE.CLOSED_ON.isNotNull())
                .groupBy(CASE_FILE.OUTCOME.coerce(String.class), CASE_FILE.OPENED_ON, CASE_FILE.CLOSED_ON)
                .forEach(r -> each.accept(new ExitGroup(r.value1(), r.value2(), r.value3(), r.value4())));
    }

    /** Cases with at least one event of each of the types (event type name -> cases). */
    static Map<String, Integer> casesWithEvents(DSLContext dsl, Condition cases, List<String> eventTypes) {
        Field<Integer> n = DSL.countDistinct(CASE_FILE.ID);
        return dsl.select(CASE_EVENT.EVENT_TYPE.coerce(String.class), n).from(CASE_FILE)
                .join(CASE_EVENT).on(CASE_EVENT.CASE_ID.eq(CASE_FILE.ID))
                .where(cases).and(CASE_EVENT.EVENT_TYPE.coerce(String.class).in(eventTypes))
                .groupBy(CASE_EVENT.EVENT_TYPE.coerce(String.class)).fetchMap(CASE_EVENT.EVENT_TYPE.coerce(String.class), n);
    }

    /** Cases whose person has the legal role. */
    static int casesWithLegalRole(DSLContext dsl, Condition cases, String role) {
        return dsl.fetchCount(CASE_FILE, cases.and(CASE_FILE.LEGAL_ROLE.coerce(String.class).eq(role)));
    }

    /** Every operation, by date. */
    static List<StatisticsService.OperationChoice> operations(DSLContext dsl) {
        return dsl.select(OPERATION.ID, OPERATION.CODE, OPERATION.NAME).from(OPERATION)
                .orderBy(OPERATION.OPERATION_DATE, OPERATION.CODE)
                .fetch(r -> new StatisticsService.OperationChoice(r.value1(), r.value2(), r.value3()));
    }
}
