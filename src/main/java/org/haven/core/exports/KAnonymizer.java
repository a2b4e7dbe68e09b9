package org.haven.core.exports;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.haven.core.people.Sex;

/**
 * k-anonymity over the export's quasi-identifiers (age band, sex, citizenship, province, year of
 * identification, plus the month while it is kept). Pure: no SQL, no files, no randomness.
 *
 * <p>Rows whose combination is shared by fewer than k rows are generalized one step at a time, in
 * the order of {@link Step}; a step touches only the rows that are still in too-small groups
 * (local recoding). As CTDC does, citizenship is what researchers count, so it is kept longest:
 * month, age and place are coarsened first, and only then does a rare nationality become its region. Rows still in a group smaller than k after the last step are suppressed (left out).
 * Every combination in the result is then shared by at least k rows. See docs/anonymization.md.
 */
public final class KAnonymizer {
    /** The lowest k Haven accepts for any export. */
    public static final int MIN_K = 5;

    /** One row's quasi-identifiers before generalization. Citizenship is ISO alpha-2 or null; province may be null. */
    public record Subject(AgeBand ageBand, Sex sex, String citizenship, String province, YearMonth identified) {}

    /** One row's published quasi-identifiers. {@code month} is "" when only the year is published. */
    public record Published(String ageBand, String gender, String citizenship, String province, int year, String month) {}

    /** The generalization steps, in the order they are tried. */
    public enum Step {
        MONTH_TO_YEAR("identification_month", "month of identification -> year only (empty month)"),
        AGE_TO_WIDE_BAND("age_band", "age band -> wide band (0-17, 18-29, 30-47, 48+)"),
        PROVINCE_SUPPRESSED("province", "province -> *"),
        CITIZENSHIP_TO_SUBREGION("prs_Citizenship", "citizenship -> UN M49 sub-region"),
        SUBREGION_TO_REGION("prs_Citizenship", "sub-region -> UN M49 region (continent)");

        private final String column;
        private final String description;

        Step(String column, String description) {
            this.column = column;
            this.description = description;
        }

        /** The export column this step generalizes. */
        public String column() {
            return column;
        }

        public String description() {
            return description;
        }
    }

    /**
     * The outcome: {@code rows} has one entry per input row, in the same order, null where the row
     * is suppressed; {@code generalized} counts the rows each step changed; {@code kReached} is the
     * smallest group in the result (0 when no row is left).
     */
    public record Result(List<Published> rows, Map<Step, Integer> generalized, int suppressed, int kReached) {
        public int exported() {
            return rows.size() - suppressed;
        }
    }

    private KAnonymizer() {}

    public static Result anonymize(List<Subject> subjects, int k) {
        if (k < MIN_K) throw new IllegalArgumentException("k must be at least " + MIN_K);
        int n = subjects.size();
        // Generalization level of each row per step: 0 = as recorded, 1 = this step applied.
        int[][] level = new int[Step.values().length][n];
        Map<Step, Integer> generalized = new EnumMap<>(Step.class);
        List<Published> current = render(subjects, level);
        for (Step step : Step.values()) {
            Map<Published, Integer> sizes = groupSizes(current);
            int changed = 0;
            for (int i = 0; i < n; i++) {
                if (sizes.get(current.get(i)) < k) {
                    level[step.ordinal()][i] = 1;
                    changed++;
                }
            }
            if (changed == 0) break;
            generalized.put(step, changed);
            current = render(subjects, level);
        }
        Map<Published, Integer> sizes = groupSizes(current);
        List<Published> out = new ArrayList<>(n);
        int suppressed = 0;
        int smallest = Integer.MAX_VALUE;
        for (Published p : current) {
            int size = sizes.get(p);
            if (size < k) {
                out.add(null);
                suppressed++;
            } else {
                out.add(p);
                smallest = Math.min(smallest, size);
            }
        }
        return new Result(Collections.unmodifiableList(out), Collections.unmodifiableMap(generalized), suppressed,
                smallest == Integer.MAX_VALUE ? 0 : smallest);
    }

    /** The group size of every distinct combination. */
    public static Map<Published, Integer> groupSizes(List<Published> rows) {
        Map<Published, Integer> sizes = new HashMap<>();
        for (Published p : rows) {
            if (p != null) sizes.merge(p, 1, Integer::sum);
        }
        return sizes;
    }

    private static List<Published> render(List<Subject> subjects, int[][] level) {
        List<Published> out = new ArrayList<>(subjects.size());
        for (int i = 0; i < subjects.size(); i++) {
            out.add(render(subjects.get(i), i, level));
        }
        return out;
    }

    private static Published render(Subject s, int i, int[][] level) {
        boolean yearOnly = level[Step.MONTH_TO_YEAR.ordinal()][i] == 1;
        boolean subRegion = level[Step.CITIZENSHIP_TO_SUBREGION.ordinal()][i] == 1;
        boolean wideAge = level[Step.AGE_TO_WIDE_BAND.ordinal()][i] == 1;
        boolean region = level[Step.SUBREGION_TO_REGION.ordinal()][i] == 1;
        boolean noProvince = level[Step.PROVINCE_SUPPRESSED.ordinal()][i] == 1;

        String citizenship;
        if (s.citizenship() == null || s.citizenship().isBlank()) citizenship = Regions.UNKNOWN;
        else if (region) citizenship = Regions.region(s.citizenship());
        else if (subRegion) citizenship = Regions.subRegion(s.citizenship());
        else citizenship = s.citizenship().trim().toUpperCase(java.util.Locale.ROOT);

        AgeBand band = s.ageBand() == null ? AgeBand.UNKNOWN : s.ageBand();
        String province = noProvince ? "*" : provinceOf(s.province());
        Sex sex = s.sex() == null ? Sex.UNKNOWN : s.sex();
        return new Published(wideAge ? band.wide() : band.label(), sex.htcds(), citizenship, province,
                s.identified().getYear(), yearOnly ? "" : String.format("%02d", s.identified().getMonthValue()));
    }

    private static String provinceOf(String province) {
        return province == null || province.isBlank() ? "Unknown" : province.trim();
    }
}
