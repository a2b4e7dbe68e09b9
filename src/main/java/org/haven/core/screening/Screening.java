package org.haven.core.screening;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One screening interview of a case. Answers, notes and the override reason may hold personal
 * data: never log them. {@code id}, {@code interviewer*} and {@code createdAt} are null on a draft.
 */
public record Screening(
        UUID id,
        UUID caseId,
        LocalDate interviewDate,
        boolean interpreterUsed,
        String interviewLanguage,
        Map<Indicator, IndicatorAnswer> answers,
        Consent consent,
        Set<RecruitmentMethod> recruitmentMethods,
        Set<RecruitmentApp> recruitmentApps,
        Set<LabourExploitation> labourExploitation,
        Determination suggested,
        Determination determination,
        String overrideReason,
        UUID interviewerId,
        String interviewerName,
        OffsetDateTime createdAt) {

    public Screening {
        EnumMap<Indicator, IndicatorAnswer> all = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            IndicatorAnswer given = answers == null ? null : answers.get(i);
            all.put(i, given == null ? new IndicatorAnswer(i, Answer.UNKNOWN, null) : given);
        }
        answers = Collections.unmodifiableMap(all);
        recruitmentMethods = copy(recruitmentMethods, RecruitmentMethod.class);
        recruitmentApps = copy(recruitmentApps, RecruitmentApp.class);
        labourExploitation = copy(labourExploitation, LabourExploitation.class);
    }

    /** A draft to save: the service computes the suggestion itself and fills the rest. */
    public static Screening draft(UUID caseId, LocalDate interviewDate, boolean interpreterUsed, String interviewLanguage,
                                  Map<Indicator, IndicatorAnswer> answers, Consent consent,
                                  Set<RecruitmentMethod> recruitmentMethods, Set<RecruitmentApp> recruitmentApps,
                                  Set<LabourExploitation> labourExploitation, Determination determination,
                                  String overrideReason) {
        return new Screening(null, caseId, interviewDate, interpreterUsed, interviewLanguage, answers, consent,
                recruitmentMethods, recruitmentApps, labourExploitation, null, determination, overrideReason,
                null, null, null);
    }

    public Answer answer(Indicator indicator) {
        return answers.get(indicator).answer();
    }

    /** indicator -> answer, for {@link DeterminationRule}. */
    public Map<Indicator, Answer> answerValues() {
        EnumMap<Indicator, Answer> values = new EnumMap<>(Indicator.class);
        answers.forEach((i, a) -> values.put(i, a.answer()));
        return values;
    }

    public boolean overridden() {
        return suggested != null && determination != suggested;
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        return Collections.unmodifiableSet(values == null || values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values));
    }
}
