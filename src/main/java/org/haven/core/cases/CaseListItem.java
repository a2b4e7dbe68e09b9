package org.haven.core.cases;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of the case list: only what the list shows. {@code nonPunishmentFlag}: the person is a
 * SUSPECT in legal proceedings while their latest screening says presumed victim (non-punishment
 * principle), so the list highlights them. {@code position}: the row's place in the order it was
 * listed in (its sort key and case number), from which the next or previous page seeks; null for a
 * row not read from the case list.
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
        boolean nonPunishmentFlag,
        CaseQuery.Position position) {

    /** Without a position (the shape before keyset paging). */
    public CaseListItem(UUID caseId, String caseNumber, String nameLatin, String nameNative, String nationality,
                        CaseStatus status, Outcome outcome, String operationCode, LocalDate openedOn, boolean nonPunishmentFlag) {
        this(caseId, caseNumber, nameLatin, nameNative, nationality, status, outcome, operationCode, openedOn, nonPunishmentFlag, null);
    }

    /** Without the flag (the original shape, kept for existing callers). */
    public CaseListItem(UUID caseId, String caseNumber, String nameLatin, String nameNative, String nationality,
                        CaseStatus status, Outcome outcome, String operationCode, LocalDate openedOn) {
        this(caseId, caseNumber, nameLatin, nameNative, nationality, status, outcome, operationCode, openedOn, false);
    }
}
