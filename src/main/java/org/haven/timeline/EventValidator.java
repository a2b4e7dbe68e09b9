package org.haven.timeline;

import java.time.LocalDate;
import org.haven.common.ValidationErrors;

/** Rules for a timeline event typed by a user. */
public final class EventValidator {
    private EventValidator() {}

    public static ValidationErrors validate(EventType type, LocalDate date, DatePrecision precision, String note,
                                            LocalDate today) {
        ValidationErrors errors = new ValidationErrors();
        if (type == null) errors.add("type", "required");
        else if (!type.isManual()) errors.add("type", "status changes are recorded by moving the case");
        if (date == null) errors.add("date", "required");
        else if (date.isAfter(today) && type != EventType.COURT_HEARING && type != EventType.FOLLOW_UP) {
            errors.add("date", "cannot be in the future (only hearings and follow-ups are planned ahead)");
        } else if (date.isBefore(today.minusYears(50))) {
            errors.add("date", "more than 50 years ago");
        }
        if (precision == null) errors.add("precision", "required");
        org.haven.common.PlainText.checkMultiLine(errors, "note", note);
        if (note != null && note.length() > 4000) errors.add("note", "at most 4000 characters");
        return errors;
    }
}
