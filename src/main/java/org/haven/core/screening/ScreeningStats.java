package org.haven.core.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Aggregate screening tables for the statistics page, over the cases a condition on CASE_FILE
 * selects (the statistics feature passes period, operation and access already combined). Counts
 * only, from each case's latest screening. Row keys are enum names, so labels come from the bundle
 * ({@code enum.<Type>.<NAME>}).
 */
public final class ScreeningStats {
    public static final String DETERMINATIONS = "screening_determination";
    public static final String INDICATORS = "screening_indicators_yes";
    public static final String LABOUR_EXPLOITATION = "screening_labour_exploitation";
    public static final String RECRUITMENT_METHODS = "screening_recruitment_methods";
    public static final String RECRUITMENT_APPS = "screening_recruitment_apps";

    /** One counted table: a row key and its count, in a stable order (zeros included). */
    public record Table(String id, List<String> rows, long[] counts) {}

    private ScreeningStats() {}

    public static List<Table> all(DSLContext dsl, Condition cases) {
        return List.of(determinations(dsl, cases), indicators(dsl, cases),
                choices(dsl, cases, LABOUR_EXPLOITATION, ScreeningRepository.LABOUR_EXPLOITATION, LabourExploitation.values()),
                choices(dsl, cases, RECRUITMENT_METHODS, ScreeningRepository.RECRUITMENT_METHOD, RecruitmentMethod.values()),
                choices(dsl, cases, RECRUITMENT_APPS, ScreeningRepository.RECRUITMENT_APP, RecruitmentApp.values()));
    }

    /** Type of exploitation (HTCDS vic_TypeOfLabourExploitation) from each case's latest screening. */
    public static Table labourExploitation(DSLContext dsl, Condition cases) {
        return choices(dsl, cases, LABOUR_EXPLOITATION, ScreeningRepository.LABOUR_EXPLOITATION, LabourExploitation.values());
    }

    /** NOT_SCREENED, then each latest determination. */
    public static Table determinations(DSLContext dsl, Condition cases) {
        Map<String, Integer> by = ScreeningReportRepository.determinations(dsl, cases);
        long notScreened = ScreeningReportRepository.notScreened(dsl, cases);
        List<String> rows = new ArrayList<>();
        rows.add("NOT_SCREENED");
        for (Determination d : Determination.values()) rows.add(d.name());
        long[] counts = new long[rows.size()];
        counts[0] = notScreened;
        for (int i = 1; i < rows.size(); i++) counts[i] = by.getOrDefault(rows.get(i), 0);
        return new Table(DETERMINATIONS, rows, counts);
    }

    /** How many latest screenings answered YES to each indicator. */
    public static Table indicators(DSLContext dsl, Condition cases) {
        Map<String, Integer> by = ScreeningReportRepository.indicatorsYes(dsl, cases);
        return table(INDICATORS, Indicator.values(), by);
    }

    private static <E extends Enum<E>> Table choices(DSLContext dsl, Condition cases, String id, String field, E[] values) {
        Map<String, Integer> by = ScreeningReportRepository.choiceCounts(dsl, cases, field);
        return table(id, values, by);
    }

    private static <E extends Enum<E>> Table table(String id, E[] values, Map<String, Integer> by) {
        List<String> rows = new ArrayList<>();
        long[] counts = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            rows.add(values[i].name());
            counts[i] = by.getOrDefault(values[i].name(), 0);
        }
        return new Table(id, rows, counts);
    }
}
