package org.haven.core.screening;

import java.time.LocalDate;
import org.haven.core.common.ValidationErrors;

/** Checks a screening draft before it is saved; field names match the form's fields. */
public final class ScreeningValidator {
    public static final int MAX_NOTE = 2000;
    public static final int MAX_REASON = 1000;
    public static final int MAX_LANGUAGE = 50;

    private ScreeningValidator() {}

    /** {@code suggested} is what {@link DeterminationRule} says for the draft's answers. */
    public static ValidationErrors validate(Screening s, Determination suggested, LocalDate today) {
        ValidationErrors errors = new ValidationErrors();
        if (s.caseId() == null) errors.add("case", "screening.error.required", "required");
        if (s.interviewDate() == null) errors.add("interviewDate", "screening.error.required", "required");
        else if (s.interviewDate().isAfter(today)) errors.add("interviewDate", "screening.error.future", "cannot be in the future");
        if (s.interviewLanguage() != null && s.interviewLanguage().strip().length() > MAX_LANGUAGE) {
            errors.add("interviewLanguage", "screening.error.tooLong", "at most " + MAX_LANGUAGE + " characters");
        }
        org.haven.core.common.PlainText.checkLine(errors, "interviewLanguage", s.interviewLanguage());
        org.haven.core.common.PlainText.checkMultiLine(errors, "overrideReason", s.overrideReason());
        Consent consent = s.consent();
        if (consent == null || consent.givenBy() == null) errors.add("consentGivenBy", "screening.error.required", "required");
        if (consent == null || consent.givenOn() == null) errors.add("consentGivenOn", "screening.error.required", "required");
        else if (consent.givenOn().isAfter(today)) errors.add("consentGivenOn", "screening.error.future", "cannot be in the future");
        boolean interviewAllowed = consent != null && consent.grants(ConsentPurpose.INTERVIEW);
        for (IndicatorAnswer a : s.answers().values()) {
            org.haven.core.common.PlainText.checkMultiLine(errors, "note." + a.indicator().name(), a.note());
            if (a.note() != null && a.note().strip().length() > MAX_NOTE) {
                errors.add("note." + a.indicator().name(), "screening.error.tooLong", "at most " + MAX_NOTE + " characters");
            }
            // Without consent to the interview nothing the person said may be recorded.
            if (!interviewAllowed && (a.answer() != Answer.UNKNOWN || (a.note() != null && !a.note().isBlank()))) {
                errors.add("answers", "no answers can be recorded without consent to the interview");
            }
        }
        if (s.determination() == null) errors.add("determination", "screening.error.required", "required");
        else if (s.determination() != suggested && (s.overrideReason() == null || s.overrideReason().isBlank())) {
            errors.add("overrideReason", "screening.error.reason", "required when the determination differs from the suggested one");
        }
        if (s.overrideReason() != null && s.overrideReason().strip().length() > MAX_REASON) {
            errors.add("overrideReason", "screening.error.tooLong", "at most " + MAX_REASON + " characters");
        }
        return errors;
    }
}
