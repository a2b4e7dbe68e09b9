package org.haven.cases;

import java.time.LocalDate;
import java.util.UUID;

/** One row of the case list: only what the list shows. */
public record CaseListItem(
        UUID caseId,
        String caseNumber,
        String nameLatin,
        String nameNative,
        String nationality,
        CaseStatus status,
        Outcome outcome,
        String operationCode,
        LocalDate openedOn) {}
