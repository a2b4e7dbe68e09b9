package org.haven.core.exports;

import java.util.ArrayList;
import java.util.List;

/**
 * The codebook written beside an anonymized export ({@code FILE.codebook.csv}): for every column its
 * HTCDS/CTDC name, the values it can hold and how it may have been generalized, so a researcher can
 * read the file without asking. One entry per column, in the file's column order.
 */
public record Codebook(List<Entry> entries) {
    public static final List<String> HEADERS = List.of("column", "htcds_name", "values", "generalization");

    /** One column. {@code htcdsName} is empty where neither HTCDS nor CTDC defines the field. */
    public record Entry(String column, String htcdsName, String values, String generalization) {
        public List<String> cells() {
            return List.of(column, htcdsName, values, generalization);
        }
    }

    /** The base columns of {@link AnonymizedExporter#BASE_HEADERS}, then each extra feature's columns. */
    public static Codebook of(int k, List<ExportColumns> extras) {
        List<Entry> out = new ArrayList<>(base(k));
        for (ExportColumns c : extras) out.addAll(c.codebook());
        return new Codebook(List.copyOf(out));
    }

    private static List<Entry> base(int k) {
        String qi = "quasi-identifier (k = " + k + "): ";
        return List.of(
                new Entry("row_id", "", "24 hex digits", "random for this file only; cannot be joined with another export"),
                new Entry("identification_year", "yearOfRegistration (CTDC)", "YYYY",
                        qi + "the year of identification (registration) is always published"),
                new Entry("identification_month", "", "01..12 or empty",
                        qi + "emptied (year only) for rows in groups smaller than k (step 1)"),
                new Entry("age_band", "ageBroad (CTDC); prs_Birthdate is never exported",
                        "0-8, 9-17, 18-20, 21-23, 24-26, 27-29, 30-38, 39-47, 48+, Unknown",
                        qi + "widened to 0-17, 18-29, 30-47, 48+ for rows in groups smaller than k (step 2)"),
                new Entry("prs_Gender", "prs_Gender", "Male, Female, Transgender/NonConforming, Unknown", qi + "never generalized"),
                new Entry("prs_Citizenship", "prs_Citizenship", "ISO 3166 alpha-2 (VN, CN, ...), Unknown",
                        qi + "kept longest (CTDC practice); only where still rare after steps 1-3: UN M49 sub-region (step 4), then region (step 5)"),
                new Entry("province", "", "province of the operation, Unknown, *",
                        qi + "* for rows in groups smaller than k (step 3)"),
                new Entry("cas_Status", "cas_Status", "Active, Closed, ClosedReferred", "not a quasi-identifier; as recorded"),
                new Entry("outcome", "", "Repatriated, Deported, ProsecutedDetained, LocallyIntegrated, LostContact, NotAVictim, Referred, empty while open",
                        "not a quasi-identifier; as recorded"),
                new Entry("majority_status", "majorityStatus (CTDC)", "Minor, Adult, Unknown",
                        "derived from the published age band at identification, so it adds nothing to the k-anonymity grouping"));
    }

    /** Minor / Adult / Unknown from a published age band (fine or wide). */
    public static String majorityStatus(String ageBand) {
        return switch (ageBand) {
            case "0-8", "9-17", "0-17" -> "Minor";
            case "Unknown", "" -> "Unknown";
            default -> "Adult";
        };
    }
}
