package org.haven.core.timeline;

import java.time.LocalDate;
import org.haven.core.common.ValidationErrors;

/** Rules for a timeline event typed by a user. */
public final class EventValidator {
    private EventValidator() {}

    public static ValidationErrors validate(EventType type, LocalDate date, DatePrecision precision, String note,
                                            LocalDate today) {
        ValidationErrors errors = new ValidationErrors();
        if (type == null) errors.add("type", "validation.required", "required");
        else if (!type.isManual()) errors.add("type", "validation.status_changes_are_recorded_by_moving_the_case", "status changes are recorded by moving the case");
        if (date == null) errors.add("date", "validation.required", "required");
        else if (date.isAfter(today) && type != EventType.COURT_HEARING && type != EventType.FOLLOW_UP) {
            errors.add("date", "validation.cannot_be_in_the_future_only_hearings_and_follow_ups_are_planned_ahead",
                    "cannot be in the future (only hearings and follow-ups are planned ahead)");
        } else if (date.isBefore(today.minusYears(50))) {
            errors.add("date", "validation.more_than_50_years_ago", "more than 50 years ago");
        }
        if (precision == null) errors.add("precision", "validation.required", "required");
        org.haven.core.common.PlainText.checkMultiLine(errors, "note", note);
        if (note != null && note.length() > 4000) errors.add("note", "validation.at_most_4000_characters", "at most 4000 characters");
        return errors;
    }
}
