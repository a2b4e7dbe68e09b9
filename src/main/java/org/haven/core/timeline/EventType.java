package org.haven.core.timeline;

/** The kinds of timeline events. Labels and icons live in the resource bundle and the UI. */
public enum EventType {
    IDENTIFICATION, SCREENING, SHELTER_ADMISSION, SHELTER_EXIT, MEDICAL, PSYCHOSOCIAL, LEGAL_AID,
    POLICE_STATEMENT, COURT_HEARING, EMBASSY_CONTACT, TRAVEL_DOCUMENT_ISSUED, REPATRIATION, DEPORTATION,
    FAMILY_REUNIFICATION, FOLLOW_UP, NOTE, STATUS_CHANGE;

    /** Types a user adds by hand; status changes are written by the workflow only. */
    public boolean isManual() {
        return this != STATUS_CHANGE;
    }
}
