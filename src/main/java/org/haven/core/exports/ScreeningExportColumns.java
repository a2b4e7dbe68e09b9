package org.haven.core.exports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.haven.core.screening.Determination;
import org.haven.core.screening.Indicator;
import org.haven.core.screening.LabourExploitation;
import org.haven.core.screening.RecruitmentApp;
import org.haven.core.screening.RecruitmentMethod;
import org.haven.core.screening.ScreeningReportRepository;
import org.haven.core.screening.ScreeningRepository;
import org.jooq.DSLContext;

/**
 * The screening columns of the anonymized export, from each case's latest screening: HTCDS picklist
 * values only (never notes, dates or reasons). Multi-select cells are {@code ;}-separated value names
 * as the standard spells them; a case never screened gets empty cells, except vic_MethodsOfControl,
 * which also holds the methods of control recorded on the case (org.haven.core.cases.TraffickingDetails). Shaped like the exports
 * feature's {@code ExportColumns} (same two methods), so it plugs in with
 * {@code exporter.with(new ScreeningExportColumns())} once it declares {@code implements ExportColumns}.
 */
public final class ScreeningExportColumns implements org.haven.core.exports.ExportColumns {
    public static final List<String> HEADERS = List.of("vic_MethodsOfControl", "vic_TypeOfLabourExploitation",
            "vic_MethodOfRecruitment", "vic_RecruitmentWebsitesAndApps", "screening_determination");

    public List<String> headers() {
        return HEADERS;
    }

    /** The codebook lines: HTCDS names and every value the picklists allow. */
    @Override
    public List<org.haven.core.exports.Codebook.Entry> codebook() {
        String asRecorded = "not a quasi-identifier (an outsider does not know it); latest screening, as recorded; empty when not screened";
        List<String> control = java.util.Arrays.stream(org.haven.core.cases.MethodOfControl.values()).map(org.haven.core.cases.MethodOfControl::htcds).toList();
        return List.of(
                new org.haven.core.exports.Codebook.Entry(HEADERS.get(0), "vic_MethodsOfControl", "; -separated: " + String.join(", ", control),
                        "not a quasi-identifier (an outsider does not know it); the latest screening's indicators answered yes"
                                + " (mapped to HTCDS values) together with the methods the caseworker recorded on the case; empty when neither"),
                new org.haven.core.exports.Codebook.Entry(HEADERS.get(1), "vic_TypeOfLabourExploitation",
                        "; -separated: " + String.join(", ", java.util.Arrays.stream(LabourExploitation.values()).map(LabourExploitation::htcds).toList()), asRecorded),
                new org.haven.core.exports.Codebook.Entry(HEADERS.get(2), "vic_MethodOfRecruitment",
                        "; -separated: " + String.join(", ", java.util.Arrays.stream(RecruitmentMethod.values()).map(RecruitmentMethod::htcds).toList()), asRecorded),
                new org.haven.core.exports.Codebook.Entry(HEADERS.get(3), "vic_RecruitmentWebsitesAndApps",
                        "; -separated: " + String.join(", ", java.util.Arrays.stream(RecruitmentApp.values()).map(RecruitmentApp::htcds).toList()), asRecorded),
                new org.haven.core.exports.Codebook.Entry(HEADERS.get(4), "", "PresumedVictim, NotAVictim, Undetermined", asRecorded));
    }

    /** Four queries per batch of cases, whatever its size. */
    public Map<UUID, List<String>> valuesFor(DSLContext dsl, Collection<UUID> caseIds) {
        Map<UUID, UUID> caseOfScreening = new HashMap<>();
        Map<UUID, Determination> determinations = new HashMap<>();
        ScreeningReportRepository.latest(dsl, caseIds, r -> {
            caseOfScreening.put(r.screeningId(), r.caseId());
            determinations.put(r.caseId(), Determination.valueOf(r.determination()));
        });
        Map<UUID, Set<Indicator>> yes = new HashMap<>();
        Map<UUID, Set<LabourExploitation>> types = new HashMap<>();
        Map<UUID, Set<RecruitmentMethod>> methods = new HashMap<>();
        Map<UUID, Set<RecruitmentApp>> apps = new HashMap<>();
        if (!caseOfScreening.isEmpty()) {
            ScreeningReportRepository.yesAnswers(dsl, caseOfScreening.keySet(), (screeningId, indicator) ->
                    yes.computeIfAbsent(caseOfScreening.get(screeningId), k -> EnumSet.noneOf(Indicator.class))
                            .add(Indicator.valueOf(indicator)));
            ScreeningReportRepository.choices(dsl, caseOfScreening.keySet(), r -> {
                UUID caseId = caseOfScreening.get(r.screeningId());
                switch (r.field()) {
                    case ScreeningRepository.LABOUR_EXPLOITATION -> types.computeIfAbsent(caseId,
                            k -> EnumSet.noneOf(LabourExploitation.class)).add(LabourExploitation.valueOf(r.choice()));
                    case ScreeningRepository.RECRUITMENT_METHOD -> methods.computeIfAbsent(caseId,
                            k -> EnumSet.noneOf(RecruitmentMethod.class)).add(RecruitmentMethod.valueOf(r.choice()));
                    case ScreeningRepository.RECRUITMENT_APP -> apps.computeIfAbsent(caseId,
                            k -> EnumSet.noneOf(RecruitmentApp.class)).add(RecruitmentApp.valueOf(r.choice()));
                    default -> { }
                }
            });
        }
        // Methods of control the caseworker recorded on the case (values no indicator gives, or a case
        // never screened) join the screening's in the one HTCDS column.
        Map<UUID, org.haven.core.cases.TraffickingDetails> recorded = org.haven.core.cases.TraffickingDetailsRepository.forCases(dsl, caseIds);
        Set<UUID> rows = new LinkedHashSet<>(determinations.keySet());
        recorded.forEach((caseId, d) -> {
            if (!d.methodsOfControl().isEmpty()) rows.add(caseId);
        });
        Map<UUID, List<String>> out = new HashMap<>();
        for (UUID caseId : rows) {
            Set<String> control = new LinkedHashSet<>();
            for (Indicator i : yes.getOrDefault(caseId, Set.of())) control.addAll(i.htcdsMethodsOfControl());
            org.haven.core.cases.TraffickingDetails d = recorded.get(caseId);
            if (d != null) d.methodsOfControl().forEach(m -> control.add(m.htcds()));
            Determination determination = determinations.get(caseId);
            List<String> row = new ArrayList<>(HEADERS.size());
            row.add(String.join(";", control));
            row.add(join(types.get(caseId), LabourExploitation::htcds));
            row.add(join(methods.get(caseId), RecruitmentMethod::htcds));
            row.add(join(apps.get(caseId), RecruitmentApp::htcds));
            row.add(determination == null ? "" : determination(determination));
            out.put(caseId, row);
        }
        return out;
    }

    /** Haven's own values in the standard's CamelCase style (HTCDS has no screening-result picklist). */
    public static String determination(Determination d) {
        return switch (d) {
            case PRESUMED_VICTIM -> "PresumedVictim";
            case NOT_A_VICTIM -> "NotAVictim";
            case UNDETERMINED -> "Undetermined";
        };
    }

    private static <E extends Enum<E>> String join(Set<E> values, java.util.function.Function<E, String> htcds) {
        if (values == null) return "";
        return String.join(";", values.stream().map(htcds).toList());
    }
}
