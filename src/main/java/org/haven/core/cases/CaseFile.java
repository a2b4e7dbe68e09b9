package org.haven.core.cases;

import java.time.LocalDate;
import java.util.UUID;

/** One person's path through assistance. */
public record CaseFile(
        UUID id,
        String caseNumber,
        UUID personId,
        UUID operationId,
        UUID assignedTo,
        CaseStatus status,
        Outcome outcome,
        String closingReason,
        LegalRole legalRole,
        LocalDate openedOn,
        LocalDate closedOn,
        int version) {}
