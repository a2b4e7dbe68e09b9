package org.haven.core.reports;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.haven.core.access.CaseAccess;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.Outcome;
import org.haven.core.db.Database;
import org.haven.core.exports.AgeBand;
import org.haven.core.people.Sex;
import org.haven.core.security.Session;
import org.jooq.Condition;
import org.jooq.DSLContext;

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
    static final List<org.haven.core.timeline.EventType> LEGAL_EVENTS = List.of(org.haven.core.timeline.EventType.POLICE_STATEMENT,
            org.haven.core.timeline.EventType.LEGAL_AID, org.haven.core.timeline.EventType.COURT_HEARING);
    static final List<org.haven.core.timeline.EventType> SERVICES = List.of(org.haven.core.timeline.EventType.SHELTER_ADMISSION,
            org.haven.core.timeline.EventType.MEDICAL, org.haven.core.timeline.EventType.PSYCHOSOCIAL, org.haven.core.timeline.EventType.LEGAL_AID,
            org.haven.core.timeline.EventType.EMBASSY_CONTACT, org.haven.core.timeline.EventType.TRAVEL_DOCUMENT_ISSUED,
            org.haven.core.timeline.EventType.REPATRIATION, org.haven.core.timeline.EventType.FAMILY_REUNIFICATION,
            org.haven.core.timeline.EventType.FOLLOW_UP);
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
        return StatisticsRepository.cases(session.user(), f);
    }

    private CountTable peopleByNationality(DSLContext dsl, StatsFilter f) {
        return oneColumn(PEOPLE_BY_NATIONALITY, StatisticsRepository.peopleByNationality(dsl, cases(f)));
    }

    private CountTable peopleBySex(DSLContext dsl, StatsFilter f) {
        Map<String, Integer> found = StatisticsRepository.peopleBySex(dsl, cases(f));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Sex s : Sex.values()) counts.put(s.name(), (long) found.getOrDefault(s.name(), 0));
        return oneColumn(PEOPLE_BY_SEX, counts);
    }

    /** Age at the person's first identification in the filter, in the export's age bands. */
    private CountTable peopleByAgeBand(DSLContext dsl, StatsFilter f) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (AgeBand b : AgeBand.values()) counts.put(b.label(), 0L);
        StatisticsRepository.ageGroups(dsl, cases(f), g -> {
            LocalDate b = g.birth();
            Integer age = b != null ? (b.isAfter(g.firstOpened()) ? null : Period.between(b, g.firstOpened()).getYears()) : g.estimated();
            counts.merge(AgeBand.of(age).label(), g.count(), Long::sum);
        });
        return oneColumn(PEOPLE_BY_AGE_BAND, counts);
    }

    private CountTable casesByStatus(DSLContext dsl, StatsFilter f) {
        Map<String, Integer> found = StatisticsRepository.casesByStatus(dsl, cases(f));
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
        TreeMap<YearMonth, long[]> byMonth = new TreeMap<>();
        Outcome[] outcomes = Outcome.values();
        StatisticsRepository.closedByMonth(dsl, session.user(), f,
                r -> byMonth.computeIfAbsent(YearMonth.of(r.year(), r.month()), m -> new long[outcomes.length])
                        [Outcome.valueOf(r.outcome()).ordinal()] += r.count());
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
        return oneColumn(CASES_BY_OPERATION, StatisticsRepository.casesByOperation(dsl, cases(f)));
    }

    /** Cases identified (opened) per month, every month of the span included, oldest first. */
    private CountTable identificationsByMonth(DSLContext dsl, StatsFilter f) {
        TreeMap<YearMonth, Long> byMonth = new TreeMap<>();
        StatisticsRepository.openedByMonth(dsl, cases(f), r -> byMonth.put(YearMonth.of(r[0], r[1]), (long) r[2]));
        if (!byMonth.isEmpty()) {
            for (YearMonth m = byMonth.firstKey(); m.isBefore(byMonth.lastKey()); m = m.plusMonths(1)) byMonth.putIfAbsent(m, 0L);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        byMonth.forEach((m, c) -> counts.put(m.toString(), c));
        return oneColumn(IDENTIFICATIONS_BY_MONTH, counts);
    }

    /** Closed cases identified in the period, by the person's nationality (most cases first) and outcome. */
    private CountTable nationalityByOutcome(DSLContext dsl, StatsFilter f) {
        Outcome[] outcomes = Outcome.values();
        Map<String, long[]> byNationality = new LinkedHashMap<>();
        StatisticsRepository.nationalityByOutcome(dsl, cases(f),
                r -> byNationality.computeIfAbsent(r.nationality(), x -> new long[outcomes.length])
                        [Outcome.valueOf(r.outcome()).ordinal()] += r.count());
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
        Outcome[] outcomes = Outcome.values();
        Map<Outcome, List<long[]>> daysAndCounts = new java.util.EnumMap<>(Outcome.class);
        StatisticsRepository.exits(dsl, cases(f), r -> daysAndCounts.computeIfAbsent(Outcome.valueOf(r.outcome()), x -> new ArrayList<>())
                .add(new long[] {java.time.temporal.ChronoUnit.DAYS.between(r.opened(), r.closed()), r.count()}));
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
    private CountTable casesWithEvents(DSLContext dsl, StatsFilter f, String id, List<org.haven.core.timeline.EventType> types,
                                       boolean complainants) {
        Map<String, Integer> found = StatisticsRepository.casesWithEvents(dsl, cases(f), types.stream().map(Enum::name).toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        if (complainants) {
            counts.put(COMPLAINANT, (long) StatisticsRepository.casesWithLegalRole(dsl, cases(f), COMPLAINANT));
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
        return StatisticsRepository.operations(db.dsl());
    }
}
