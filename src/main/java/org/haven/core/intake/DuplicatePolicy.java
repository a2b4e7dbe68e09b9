package org.haven.core.intake;

/**
 * What an import does with a row that is likely a person already in Haven. A flagged row is never
 * saved as a new person without an explicit choice: holding back is the default.
 */
public enum DuplicatePolicy {
    /** Nothing is imported while any row is a likely duplicate (with skip-invalid: those rows are left out). */
    HOLD_BACK,
    /** Each such row becomes a new case of the existing person (its best match the user may see). */
    LINK,
    /** Such rows are imported as new people; the choice is audited. */
    ALLOW
}
