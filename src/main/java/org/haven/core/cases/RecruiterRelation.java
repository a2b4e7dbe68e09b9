package org.haven.core.cases;

/**
 * How the recruiter was related to the person (multi-select: several recruiters are common). HTCDS
 * defines no such field; the values are CTDC's (Counter Trafficking Data Collaborative) global
 * dataset columns recruiterRelationIntimatePartner, ...Friend, ...Family, ...Other and ...Unknown,
 * written by their suffix as CTDC spells it.
 */
public enum RecruiterRelation {
    INTIMATE_PARTNER("IntimatePartner"),
    FRIEND("Friend"),
    FAMILY("Family"),
    OTHER("Other"),
    UNKNOWN("Unknown");

    private final String ctdc;

    RecruiterRelation(String ctdc) {
        this.ctdc = ctdc;
    }

    /** The value name in exports (the CTDC column suffix). */
    public String ctdc() {
        return ctdc;
    }
}
