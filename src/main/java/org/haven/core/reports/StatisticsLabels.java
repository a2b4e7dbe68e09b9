package org.haven.core.reports;

import java.util.Locale;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.Outcome;
import org.haven.core.common.Messages;
import org.haven.core.people.Sex;
import org.haven.core.screening.ScreeningStats;

/**
 * What a statistics table's row or column key reads as, in one language: the Statistics page shows
 * it in the window's language, {@code haven report} prints the PDF with it (no JavaFX here).
 */
public final class StatisticsLabels {
    /** The small-cell threshold when none is chosen: counts under 5 are hidden. */
    public static final int DEFAULT_K = 5;

    private StatisticsLabels() {}

    /**
     * A row or column label as the PDF prints it: {@code tableId} is a table's id, or its id with
     * ".column" for a column key.
     */
    public static String pdf(Messages m, String tableId, String key) {
        if (tableId.equals(StatisticsService.OUTCOMES_BY_MONTH + ".column")
                || tableId.equals(StatisticsService.NATIONALITY_BY_OUTCOME + ".column")) return m.label(Outcome.valueOf(key));
        if (tableId.equals(StatisticsService.TIME_TO_EXIT + ".column")) return m.t("stats.column." + key);
        return row(m, tableId, key);
    }

    /** A row's label, as the chart on the page and the PDF show it. */
    public static String row(Messages m, String tableId, String row) {
        if (row.equals(StatisticsService.NONE)) {
            return m.t(tableId.equals(StatisticsService.CASES_BY_OPERATION) ? "stats.noOperation" : "stats.unknown");
        }
        return switch (tableId) {
            case StatisticsService.PEOPLE_BY_NATIONALITY, StatisticsService.NATIONALITY_BY_OUTCOME ->
                    Locale.of("", row).getDisplayCountry(m.locale());
            case StatisticsService.TIME_TO_EXIT -> m.label(Outcome.valueOf(row));
            case StatisticsService.LEGAL_PROCEEDINGS, StatisticsService.SERVICES_DELIVERED ->
                    row.equals(StatisticsService.COMPLAINANT) ? m.t("stats.complainants")
                            : m.label(org.haven.core.timeline.EventType.valueOf(row));
            case ScreeningStats.LABOUR_EXPLOITATION -> m.label(org.haven.core.screening.LabourExploitation.valueOf(row));
            case StatisticsService.PEOPLE_BY_SEX -> m.label(Sex.valueOf(row));
            case StatisticsService.CASES_BY_STATUS -> m.label(CaseStatus.valueOf(row));
            case StatisticsService.PEOPLE_BY_AGE_BAND -> row.equals("Unknown") ? m.t("stats.unknown") : row;
            case ScreeningStats.DETERMINATIONS -> row.equals("NOT_SCREENED") ? m.t("stats.notScreened")
                    : m.label(org.haven.core.screening.Determination.valueOf(row));
            case ScreeningStats.INDICATORS -> m.label(org.haven.core.screening.Indicator.valueOf(row));
            default -> row;
        };
    }
}
