package org.haven.core.exports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.haven.core.cases.RecruiterRelation;
import org.haven.core.cases.TraffickingDetails;
import org.haven.core.cases.TraffickingDetailsRepository;
import org.jooq.DSLContext;

/**
 * The caseworker-recorded trafficking details of the anonymized export: the country of exploitation
 * (CTDC CountryOfExploitation) and the recruiter's relation (CTDC recruiterRelation*). Methods of
 * control recorded on the case go into the screening's vic_MethodsOfControl column instead (one
 * column for the one HTCDS field).
 *
 * <p>Neither is one of the k-anonymity quasi-identifiers (adding a column to the grouping would cost
 * citizenship precision on every row). But people around a survivor may know where they were
 * exploited, so a country of exploitation is published only when at least k exported rows share it:
 * a rarer one is widened to its UN M49 sub-region, then region, then "Other", and suppressed ("*")
 * when even that is rarer than k. See docs/anonymization.md.
 */
public final class TraffickingExportColumns implements ExportColumns {
    public static final List<String> HEADERS = List.of("country_of_exploitation", "recruiter_relation");
    public static final String SUPPRESSED = "*";
    private static final int BATCH = 1000;

    /** The published value of each recorded country code, set by {@link #prepare}. */
    private Map<String, String> published = Map.of();

    @Override
    public List<String> headers() {
        return HEADERS;
    }

    @Override
    public void prepare(DSLContext dsl, List<UUID> exportedCaseIds, int k) {
        Map<String, Integer> counts = new HashMap<>();
        for (int start = 0; start < exportedCaseIds.size(); start += BATCH) {
            List<UUID> batch = exportedCaseIds.subList(start, Math.min(exportedCaseIds.size(), start + BATCH));
            for (TraffickingDetails d : TraffickingDetailsRepository.forCases(dsl, batch).values()) {
                if (d.countryOfExploitation() != null) counts.merge(d.countryOfExploitation(), 1, Integer::sum);
            }
        }
        published = generalize(counts, k);
    }

    /**
     * Country code -> the value published for it: the code where at least k rows share it, else the
     * first of sub-region, region, "Other" that at least k of the rows still to place share, else "*".
     */
    static Map<String, String> generalize(Map<String, Integer> counts, int k) {
        Map<String, String> out = new TreeMap<>();
        Map<String, Integer> rare = new TreeMap<>();
        counts.forEach((code, n) -> {
            if (n >= k) out.put(code, code);
            else rare.put(code, n);
        });
        for (Function<String, String> widen : List.<Function<String, String>>of(Regions::subRegion, Regions::region, code -> Regions.OTHER)) {
            Map<String, Integer> byGroup = new HashMap<>();
            rare.forEach((code, n) -> byGroup.merge(widen.apply(code), n, Integer::sum));
            rare.entrySet().removeIf(e -> {
                String group = widen.apply(e.getKey());
                if (byGroup.get(group) < k) return false;
                out.put(e.getKey(), group);
                return true;
            });
        }
        rare.keySet().forEach(code -> out.put(code, SUPPRESSED));
        return out;
    }

    @Override
    public Map<UUID, List<String>> valuesFor(DSLContext dsl, Collection<UUID> caseIds) {
        Map<UUID, List<String>> out = new HashMap<>();
        TraffickingDetailsRepository.forCases(dsl, caseIds).forEach((caseId, d) -> {
            List<String> row = new ArrayList<>(HEADERS.size());
            row.add(d.countryOfExploitation() == null ? "" : published.getOrDefault(d.countryOfExploitation(), SUPPRESSED));
            row.add(String.join(";", d.recruiterRelations().stream().map(RecruiterRelation::ctdc).toList()));
            out.put(caseId, row);
        });
        return out;
    }

    @Override
    public List<Codebook.Entry> codebook() {
        return List.of(
                new Codebook.Entry(HEADERS.get(0), "CountryOfExploitation (CTDC); HTCDS hte_Country of an hte_Type = Exploitation event",
                        "ISO 3166 alpha-2 (KH, MM, LA, ...); generalized: UN M49 sub-region or region, Other, *; empty when not recorded",
                        "not a quasi-identifier, but each published value is shared by at least k rows: a rarer country is widened"
                                + " to its sub-region, then region, then Other, else * (suppressed)"),
                new Codebook.Entry(HEADERS.get(1), "recruiterRelation* (CTDC: recruiterRelationIntimatePartner, ...Friend, ...Family, ...Other, ...Unknown); no HTCDS field",
                        "; -separated: " + String.join(", ", java.util.Arrays.stream(RecruiterRelation.values()).map(RecruiterRelation::ctdc).toList())
                                + "; empty when not recorded",
                        "not a quasi-identifier (an outsider does not know it); as recorded by the caseworker"));
    }
}
