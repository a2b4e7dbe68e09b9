package org.haven.core.cases;

/** Where a case stands. HTCDS cas_Status is derived: CLOSED -> Closed (or ClosedReferred), the rest -> Active. */
public enum CaseStatus {
    IDENTIFIED, SCREENING, ASSISTANCE, LEGAL_PROCESS, RETURN_PENDING, CLOSED;

    public String htcds(Outcome outcome) {
        if (this != CLOSED) return "Active";
        return outcome == Outcome.REFERRED ? "ClosedReferred" : "Closed";
    }
}
