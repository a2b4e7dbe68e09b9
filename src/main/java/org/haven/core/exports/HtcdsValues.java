package org.haven.core.exports;

import org.haven.core.cases.Outcome;

/** Haven values as the export writes them (see docs/htcds-mapping.md). */
public final class HtcdsValues {
    private HtcdsValues() {}

    /**
     * A closed case's outcome. HTCDS has no outcome picklist, so these are Haven's own values in the
     * standard's CamelCase style; repatriation and deportation are always separate values.
     */
    public static String outcome(Outcome outcome) {
        if (outcome == null) return "";
        return switch (outcome) {
            case REPATRIATED -> "Repatriated";
            case DEPORTED -> "Deported";
            case PROSECUTED_DETAINED -> "ProsecutedDetained";
            case LOCALLY_INTEGRATED -> "LocallyIntegrated";
            case LOST_CONTACT -> "LostContact";
            case NOT_A_VICTIM -> "NotAVictim";
            case REFERRED -> "Referred";
        };
    }
}
