package org.haven.core.screening;

/** The outcome of a screening: suggested by {@link DeterminationRule}, confirmed or overridden by the caseworker. */
public enum Determination {
    PRESUMED_VICTIM, NOT_A_VICTIM, UNDETERMINED
}
