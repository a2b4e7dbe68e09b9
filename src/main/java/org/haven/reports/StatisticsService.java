package org.haven.reports;

import static org.haven.db.jooq.Tables.CASE_EVENT;
import static org.haven.db.jooq.Tables.CASE_FILE;
import static org.haven.db.jooq.Tables.OPERATION;
import static org.haven.db.jooq.Tables.PERSON;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.haven.cases.CaseAccess;
import org.haven.cases.CaseStatus;
import org.haven.cases.Outcome;
import org.haven.db.Database;
import org.haven.exports.AgeBand;
import org.haven.people.Sex;
import org.haven.security.Session;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Aggregate statistics of the caseload for the statistics view and its exports: counts only, from
 * grouped SQL queries, never a person's data. "People" tables count distinct people among the
 * filtered cases; "cases" tables count cases. Every query goes through {@link CaseAccess}.
 */
public final class StatisticsService {
    public static final String PEOPLE_BY_NATIONALITY = "people_by_nationality";
    public static final String PEOPLE_BY_SEX = "people_by_sex";
    public static final String PEOPLE_BY_AGE_BAND = "people_by_age_band";
    public static final String CASES_BY_STATUS = "cases_by_status";
    public static final String OUTCOMES_BY_MONTH = "outcomes_by_month_closed";
    public static final String CASES_BY_OPERATION = "cases_by_operation";
    public static final String IDENTIFICATIONS_BY_MONTH = "identifications_by_month";
    public static final String NATIONALITY_BY_OUTCOME = "nationality_by_outcome";
    public static final String TIME_TO_EXIT = "time_to_exit_by_outcome";
    public static final String LEGAL_PROCEEDINGS = "legal_proceedings";
    public static final String SERVICES_DELIVERED = "services_delivered";
    /** Tables whose rows overlap (a case counts in several rows): no total line, it would mean nothing. */
    public static final java.util.Set<String> OVERLAPPING_ROWS = java.util.Set.of(LEGAL_PROCEEDINGS, SERVICES_DELIVERED);
    /** The time-to-exit table's columns: its case count, then days (measures, not counts). */
    public static final List<String> TIME_TO_EXIT_COLUMNS = List.of("cases", "q1_days", "median_days", "q3_days");
    /** Legal proceedings rows: cases that are complainants, then cases with at least one event of the type. */
    public static final String COMPLAINANT = "COMPLAINANT";
    static final List<org.haven.timeline.EventType> LEGAL_EVENTS = List.of(org.haven.timeline.EventType.POLICE_STATEMENT,
            org.haven.timeline.EventType.LEGAL_AID, org.haven.timeline.EventType.COURT_HEARING);
    static final List<org.haven.timeline.EventType> SERVICES = List.of(org.haven.timeline.EventType.SHELTER_ADMISSION,
            org.haven.timeline.EventType.MEDICAL, org.haven.timeline.EventType.PSYCHOSOCIAL, org.haven.timeline.EventType.LEGAL_AID,
            org.haven.timeline.EventType.EMBASSY_CONTACT, org.haven.timeline.EventType.TRAVEL_DOCUMENT_ISSUED,
            org.haven.timeline.EventType.REPATRIATION, org.haven.timeline.EventType.FAMILY_REUNIFICATION,
            org.haven.timeline.EventType.FOLLOW_UP);
    /** Row key for cases without a value (no nationality, no operation). */
    public static final String NONE = "none";

    private final Database db;
    private final Session session;
    private final List<StatsTableSource> extra = new ArrayList<>();

    public StatisticsService(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /** Adds a table from another feature (e.g. screening indicators). */
    public StatisticsService with(StatsTableSource source) {
        extra.add(source);
        return this;
    }

    /** Every table, in display order. */
    public List<CountTable> all(StatsFilter filter) {
        session.requireCaseData();
        DSLContext dsl = db.dsl();
        List<CountTable> out = new ArrayList<>();
        out.add(peopleByNationality(dsl, filter));
        out.add(peopleBySex(dsl, filter));
        out.add(peopleByAgeBand(dsl, filter));
        out.add(casesByStatus(dsl, filter));
        out.add(outcomesByMonth(dsl, filter));
        out.add(casesByOperation(dsl, filter));
        out.add(identificationsByMonth(dsl, filter));
        out.add(nationalityByOutcome(dsl, filter));
        out.add(timeToExit(dsl, filter));
        out.add(casesWithEvents(dsl, filter, LEGAL_PROCEEDINGS, LEGAL_EVENTS, true));
        out.add(casesWithEvents(dsl, filter, SERVICES_DELIVERED, SERVICES, false));
        for (StatsTableSource s : extra) out.add(s.table(dsl, cases(filter)));
        return out;
    }

    public CountTable table(String id, StatsFilter filter) {
        return all(filter).stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + id));
    }

    /** The cases the filter selects: visible to the user, identified in the period, of the operation. */
    Condition cases(StatsFilter f) {
        Condition c = CaseAccess.visibleTo(session.user());
        if (f.from() != null) c = c.and(CASE_FILE.OPENED_ON.ge(f.from().atDay(1)));
        if (f.to() != null) c = c.and(CASE_FILE.OPENED_ON.le(f.to().atEndOfMonth()));
        if (f.operationId() != null) c = c.and(CASE_FILE.OPERATION_ID.eq(f.operationId()));
        return c;
    }

    private CountTable peopleByNationality(DSLContext dsl, StatsFilter f) {
        Field<Integer> n = DSL.countDistinct(PERSON.ID);
        Map<String, Long> counts = new LinkedHashMap<>();
        dsl.select(PERSON.NATIONALITY, n).from(CASE_FILE).join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                .where(cases(f)).groupBy(PERSON.NATIONALITY).orderBy(n.desc(), PERSON.NATIONALITY)
                .forEach(r -> counts.put(r.value1() == null ? NONE : r.value1(), r.value2().longValue()));
        return oneColumn(PEOPLE_BY_NATIONALITY, counts);
    }

    private CountTable peopleBySex(DSLContext dsl, StatsFilter f) {
        Field<Integer> n = DSL.countDistinct(PERSON.ID);
        Map<String, Integer> found = dsl.select(PERSON.SEX, n).from(CASE_FILE).join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                .where(cases(f)).groupBy(PERSON.SEX).fetchMap(PERSON.SEX, n);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Sex s : Sex.values()) counts.put(s.name(), (long) found.getOrDefault(s.name(), 0));
        return oneColumn(PEOPLE_BY_SEX, counts);
    }

    /** Age at the person's first identification in the filter, in the export's age bands. */
    private CountTable peopleByAgeBand(DSLContext dsl, StatsFilter f) {
        Field<LocalDate> first = DSL.min(CASE_FILE.OPENED_ON);
        Field<Integer> n = DSL.count();
        // Grouped by (date of birth, estimated age, first identification): counts per combination, no ids.
        var perPerson = dsl.select(PERSON.BIRTH_DATE, PERSON.ESTIMATED_AGE, first.as("first_opened"))
                .from(CASE_FILE).join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                .where(cases(f)).groupBy(PERSON.ID, PERSON.BIRTH_DATE, PERSON.ESTIMATED_AGE).asTable("pp");
        Field<LocalDate> birth = perPerson.field(PERSON.BIRTH_DATE);
        Field<Integer> estimated = perPerson.field(PERSON.ESTIMATED_AGE);
        Field<LocalDate> opened = perPerson.field("first_opened", LocalDate.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (AgeBand b : AgeBand.values()) counts.put(b.label(), 0L);
        for (Record r : dsl.select(birth, estimated, opened, n).from(perPerson).groupBy(birth, estimated, opened)
                .fetchSize(1000).fetchLazy()) {
            LocalDate b = r.get(birth);
            Integer age = b != null ? (b.isAfter(r.get(opened)) ? null : Period.between(b, r.get(opened)).getYears()) : r.get(estimated);
            counts.merge(AgeBand.of(age).label(), r.get(n).longValue(), Long::sum);
        }
        return oneColumn(PEOPLE_BY_AGE_BAND, counts);
    }

    private CountTable casesByStatus(DSLContext dsl, StatsFilter f) {
        Field<Integer> n = DSL.count();
        Map<String, Integer> found = dsl.select(CASE_FILE.STATUS, n).from(CASE_FILE).where(cases(f))
                .groupBy(CASE_FILE.STATUS).fetchMap(CASE_FILE.STATUS, n);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (CaseStatus s : CaseStatus.values()) counts.put(s.name(), (long) found.getOrDefault(s.name(), 0));
        return oneColumn(CASES_BY_STATUS, counts);
    }

    /**
     * Closed cases per month of closing and outcome. Here the period applies to the closing date
     * (what happened in those months); the operation filter and access apply as everywhere.
     * Every outcome is its own column: repatriated, deported and prosecuted are never merged.
     */
    private CountTable outcomesByMonth(DSLContext dsl, StatsFilter f) {
        Condition c = cases(new StatsFilter(null, null, f.operationId())).and(CASE_FILE.CLOSED_ON.isNotNull());
        if (f.from() != null) c = c.and(CASE_FILE.CLOSED_ON.ge(f.from().atDay(1)));
        if (f.to() != null) c = c.and(CASE_FILE.CLOSED_ON.le(f.to().atEndOfMonth()));
        Field<Integer> year = DSL.year(CASE_FILE.CLOSED_ON);
        Field<Integer> month = DSL.month(CASE_FILE.CLOSED_ON);
        Field<Integer> n = DSL.count();
        TreeMap<YearMonth, long[]> byMonth = new TreeMap<>();
        Outcome[] outcomes = Outcome.values();
        dsl.select(year, month, CASE_FILE.OUTCOME, n).from(CASE_FILE).where(c).groupBy(year, month, CASE_FILE.OUTCOME)
                .forEach(r -> byMonth.computeIfAbsent(YearMonth.of(r.value1(), r.value2()), m -> new long[outcomes.length])
                        [Outcome.valueOf(r.value3()).ordinal()] += r.value4());
        // Months with no closing inside the span still appear, so a chart's time axis has no gaps.
        if (!byMonth.isEmpty()) {
            for (YearMonth m = byMonth.firstKey(); m.isBefore(byMonth.lastKey()); m = m.plusMonths(1)) {
                byMonth.computeIfAbsent(m, x -> new long[outcomes.length]);
            }
        }
        List<String> rows = new ArrayList<>();
        long[][] counts = new long[byMonth.size()][];
        int i = 0;
        for (Map.Entry<YearMonth, long[]> e : byMonth.entrySet()) {
            rows.add(e.getKey().toString());
            counts[i++] = e.getValue();
        }
        List<String> columns = new ArrayList<>();
        for (Outcome o : outcomes) columns.add(o.name());
        return new CountTable(OUTCOMES_BY_MONTH, List.copyOf(rows), List.copyOf(columns), counts);
    }

    private CountTable casesByOperation(DSLContext dsl, StatsFilter f) {
        Field<Integer> n = DSL.count();
        Map<String, Long> counts = new LinkedHashMap<>();
        dsl.select(OPERATION.CODE, n).from(CASE_FILE).leftJoin(OPERATION).on(OPERATION.ID.eq(CASE_FILE.OPERATION_ID))
                .where(cases(f)).groupBy(OPERATION.CODE).orderBy(OPERATION.CODE)
                .forEach(r -> counts.put(r.value1() == null ? NONE : r.value1(), r.value2().longValue()));
        return oneColumn(CASES_BY_OPERATION, counts);
    }

    /** Cases identified (opened) per month, every month of the span included, oldest first. */
    private CountTable identificationsByMonth(DSLContext dsl, StatsFilter f) {
        Field<Integer> year = DSL.year(CASE_FILE.OPENED_ON);
        Field<Integer> month = DSL.month(CASE_FILE.OPENED_ON);
        Field<Integer> n = DSL.count();
        TreeMap<YearMonth, Long> byMonth = new TreeMap<>();
        dsl.select(year, month, n).from(CASE_FILE).where(cases(f)).groupBy(year, month)
                .forEach(r -> byMonth.put(YearMonth.of(r.value1(), r.value2()), r.value3().longValue()));
        if (!byMonth.isEmpty()) {
            for (YearMonth m = byMonth.firstKey(); m.isBefore(byMonth.lastKey()); m = m.plusMonths(1)) byMonth.putIfAbsent(m, 0L);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        byMonth.forEach((m, c) -> counts.put(m.toString(), c));
        return oneColumn(IDENTIFICATIONS_BY_MONTH, counts);
    }

    /** Closed cases identified in the period, by the person's nationality (most cases first) and outcome. */
    private CountTable nationalityByOutcome(DSLContext dsl, StatsFilter f) {
        Field<Integer> n = DSL.count();
        Outcome[] outcomes = Outcome.values();
        Map<String, long[]> byNationality = new LinkedHashMap<>();
        dsl.select(PERSON.NATIONALITY, CASE_FILE.OUTCOME, n).from(CASE_FILE).join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                .where(cases(f)).and(CASE_FILE.OUTCOME.isNotNull()).groupBy(PERSON.NATIONALITY, CASE_FILE.OUTCOME)
                .forEach(r -> byNationality.computeIfAbsent(r.value1() == null ? NONE : r.value1(), x -> new long[outcomes.length])
                        [Outcome.valueOf(r.value2()).ordinal()] += r.value3());
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(byNationality.entrySet());
        entries.sort(java.util.Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -java.util.Arrays.stream(e.getValue()).sum())
                .thenComparing(Map.Entry::getKey));
        List<String> rows = new ArrayList<>();
        long[][] counts = new long[entries.size()][];
        for (int i = 0; i < entries.size(); i++) {
            rows.add(entries.get(i).getKey());
            counts[i] = entries.get(i).getValue();
        }
        List<String> columns = new ArrayList<>();
        for (Outcome o : outcomes) columns.add(o.name());
        return new CountTable(NATIONALITY_BY_OUTCOME, List.copyOf(rows), List.copyOf(columns), counts);
    }

    /**
     * Days from identification (opening) to exit (closing) of the closed cases identified in the
     * period, per outcome: the number of cases, then the first quartile, median and third quartile.
     */
    private CountTable timeToExit(DSLContext dsl, StatsFilter f) {
        Field<Integer> n = DSL.count();
        Outcome[] outcomes = Outcome.values();
        Map<Outcome, List<long[]>> daysAndCounts = new java.util.EnumMap<>(Outcome.class);
        // Grouped by (outcome, opened, closed): counts per combination, no ids.
        dsl.select(CASE_FILE.OUTCOME, CASE_FILE.OPENED_ON, CASE_FILE.CLOSED_ON, n).from(CASE_FILE).where(cases(f))
                .and(CASE_FILE.OUTCOME.isNotNull()).and(CASE_FILE.CLOSED_ON.isNotNull())
                .groupBy(CASE_FILE.OUTCOME, CASE_FILE.OPENED_ON, CASE_FILE.CLOSED_ON)
                .forEach(r -> daysAndCounts.computeIfAbsent(Outcome.valueOf(r.value1()), x -> new ArrayList<>())
                        .add(new long[] {java.time.temporal.ChronoUnit.DAYS.between(r.value2(), r.value3()), r.value4()}));
        List<String> rows = new ArrayList<>();
        long[][] counts = new long[outcomes.length][];
        for (Outcome o : outcomes) {
            rows.add(o.name());
            counts[o.ordinal()] = Quartiles.of(daysAndCounts.getOrDefault(o, List.of()));
        }
        return new CountTable(TIME_TO_EXIT, List.copyOf(rows), TIME_TO_EXIT_COLUMNS, counts);
    }

    /**
     * Cases with at least one event of each type (a case counts once per type, in several rows);
     * with {@code complainants}, first the cases where the person is a complainant.
     */
    private CountTable casesWithEvents(DSLContext dsl, StatsFilter f, String id, List<org.haven.timeline.EventType> types,
                                       boolean complainants) {
        Field<Integer> n = DSL.countDistinct(CASE_FILE.ID);
        Map<String, Integer> found = dsl.select(CASE_EVENT.EVENT_TYPE, n).from(CASE_FILE)
                .join(CASE_EVENT).on(CASE_EVENT.CASE_ID.eq(CASE_FILE.ID))
                .where(cases(f)).and(CASE_EVENT.EVENT_TYPE.in(types.stream().map(Enum::name).toList()))
                .groupBy(CASE_EVENT.EVENT_TYPE).fetchMap(CASE_EVENT.EVENT_TYPE, n);
        Map<String, Long> counts = new LinkedHashMap<>();
        if (complainants) {
            counts.put(COMPLAINANT, (long) dsl.fetchCount(CASE_FILE, cases(f).and(CASE_FILE.LEGAL_ROLE.eq(COMPLAINANT))));
        }
        for (var t : types) counts.put(t.name(), (long) found.getOrDefault(t.name(), 0));
        return oneColumn(id, counts);
    }

    private static CountTable oneColumn(String id, Map<String, Long> counts) {
        long[][] values = new long[counts.size()][1];
        int i = 0;
        for (long v : counts.values()) values[i++][0] = v;
        return new CountTable(id, List.copyOf(counts.keySet()), List.of(CountTable.COUNT), values);
    }

    /** An operation as the view's filter offers it. */
    public record OperationChoice(UUID id, String code, String name) {}

    /** For the view's operation filter: every operation, by date. */
    public List<OperationChoice> operations() {
        session.requireCaseData();
        return db.dsl().select(OPERATION.ID, OPERATION.CODE, OPERATION.NAME).from(OPERATION)
                .orderBy(OPERATION.OPERATION_DATE, OPERATION.CODE)
                .fetch(r -> new OperationChoice(r.value1(), r.value2(), r.value3()));
    }
}
