package org.haven.core.cases;

/**
 * How a case ended. Repatriation (return with the person's consent and support) and deportation
 * (forced removal by the state) are separate values and must never be merged in any report.
 */
public enum Outcome {
    REPATRIATED, DEPORTED, PROSECUTED_DETAINED, LOCALLY_INTEGRATED, LOST_CONTACT, NOT_A_VICTIM, REFERRED;

    /** Outcomes that are a return to the home country, which only follows a pending return. */
    public boolean isReturn() {
        return this == REPATRIATED || this == DEPORTED;
    }
}
