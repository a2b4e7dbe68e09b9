package org.haven.core.intake;

/** A problem with one field of one row. The message names the rule, never the value. */
public record FieldError(IntakeField field, String message) {
    /** As shown to the user: {@code date_of_birth: cannot be in the future}. */
    @Override
    public String toString() {
        return field.header() + ": " + message;
    }
}
