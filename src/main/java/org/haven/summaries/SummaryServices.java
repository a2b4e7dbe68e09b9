package org.haven.summaries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.haven.Haven;
import org.haven.app.I18n;
import org.haven.screening.Answer;
import org.haven.screening.Consent;
import org.haven.screening.IndicatorAnswer;
import org.haven.screening.Screening;
import org.haven.screening.ScreeningRepository;

/** Makes the summary service for a logged-in Haven, with the latest screening of each case. */
public final class SummaryServices {
    private SummaryServices() {}

    public static SummaryService of(Haven haven) {
        return new SummaryService(haven.database(), haven.session(), SummaryServices::latestScreening);
    }

    /** Runs inside the summary's read transaction, after its access check. */
    static Optional<ScreeningSummary> latestScreening(org.jooq.DSLContext tx, java.util.UUID caseId) {
        return ScreeningRepository.latest(tx, caseId).map(SummaryServices::toSummary);
    }

    static ScreeningSummary toSummary(Screening s) {
        List<ScreeningSummary.Indicator> found = new ArrayList<>();
        for (IndicatorAnswer a : s.answers().values()) {
            if (a.answer() == Answer.YES) found.add(new ScreeningSummary.Indicator(I18n.label(a.indicator()), a.note()));
        }
        return new ScreeningSummary(s.interviewDate(), I18n.label(s.determination()), found, consentText(s.consent()),
                s.interviewerName());
    }

    private static String consentText(Consent c) {
        if (c == null) return null;
        String purposes = c.granted().stream().map(I18n::label).collect(Collectors.joining("; "));
        return I18n.label(c.givenBy()) + (c.givenOn() == null ? "" : ", " + c.givenOn()) + ": " + purposes;
    }
}
