package org.haven.core.summaries;

import java.time.LocalDate;
import java.util.List;

/**
 * The latest screening of a case, as the summary prints it. Labels are plain text so this package
 * does not depend on the screening feature's enums: whoever supplies it (a {@link ScreeningSource})
 * maps its own values to labels.
 *
 * @param date          when the interview took place
 * @param determination e.g. "Presumed victim", "Not a victim", "Undetermined"
 * @param indicators    indicators answered "yes" (the ones found), with their notes
 * @param consent       consent as text (e.g. "Interview: yes; data sharing: no"), or null
 * @param interviewer   staff login, or null
 * @param interviewerId the interviewer's account, to print their full name where the audience may not see logins; or null
 * @param sharesWithLawEnforcement whether the recorded consent covers sharing with law enforcement and courts;
 *                      null when no consent is recorded
 */
public record ScreeningSummary(LocalDate date, String determination, List<Indicator> indicators, String consent,
                               String interviewer, java.util.UUID interviewerId, Boolean sharesWithLawEnforcement) {
    public ScreeningSummary {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    public ScreeningSummary(LocalDate date, String determination, List<Indicator> indicators, String consent, String interviewer) {
        this(date, determination, indicators, consent, interviewer, null, consent == null ? null : Boolean.FALSE);
    }

    /** One indicator found; the note is free text and is withheld when the audience gets no notes. */
    public record Indicator(String label, String note) {}
}
