package org.haven.core.summaries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.haven.core.common.Messages;
import org.haven.core.screening.Answer;
import org.haven.core.screening.Consent;
import org.haven.core.screening.ConsentPurpose;
import org.haven.core.screening.IndicatorAnswer;
import org.haven.core.screening.Screening;
import org.haven.core.screening.ScreeningRepository;

/** What a summary prints of a case's screening: the latest one, in the summary's language. */
public final class ScreeningSummaries {
    private ScreeningSummaries() {}

    /** The latest screening of a case; runs inside the summary's read transaction, after its access check. */
    public static Optional<ScreeningSummary> latest(org.jooq.DSLContext tx, java.util.UUID caseId, Messages m) {
        return ScreeningRepository.latest(tx, caseId).map(s -> toSummary(s, m));
    }

    static ScreeningSummary toSummary(Screening s, Messages m) {
        List<ScreeningSummary.Indicator> found = new ArrayList<>();
        for (IndicatorAnswer a : s.answers().values()) {
            if (a.answer() == Answer.YES) found.add(new ScreeningSummary.Indicator(m.label(a.indicator()), a.note()));
        }
        Consent c = s.consent();
        return new ScreeningSummary(s.interviewDate(), m.label(s.determination()), found, consentText(c, m),
                s.interviewerName(), s.interviewerId(), c == null ? null : c.grants(ConsentPurpose.SHARE_LAW_ENFORCEMENT));
    }

    private static String consentText(Consent c, Messages m) {
        if (c == null) return null;
        String purposes = c.granted().stream().map(m::label).collect(Collectors.joining("; "));
        String on = c.givenOn() == null ? "" : ", " + new SummaryDates(m.locale()).day(c.givenOn());
        return m.label(c.givenBy()) + on + ": " + purposes;
    }
}
