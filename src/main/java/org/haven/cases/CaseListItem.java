package org.haven.cases;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of the case list: only what the list shows. {@code nonPunishmentFlag}: the person is a
 * SUSPECT in legal proceedings while their latest screening says presumed victim (non-punishment
 * principle), so the list highlights them.
 */
public record CaseListItem(
        UUID caseId,
        String caseNumber,
        String nameLatin,
        String nameNative,
        String nationality,
        CaseStatus status,
        Outcome outcome,
        String operationCode,
        LocalDate openedOn,
        boolean nonPunishmentFlag) {

    /** Without the flag (the original shape, kept for existing callers). */
    public CaseListItem(UUID caseId, String caseNumber, String nameLatin, String nameNative, String nationality,
                        CaseStatus status, Outcome outcome, String operationCode, LocalDate openedOn) {
        this(caseId, caseNumber, nameLatin, nameNative, nationality, status, outcome, operationCode, openedOn, false);
    }
}
