package org.haven.core.timeline;

import java.time.LocalDate;
import java.util.UUID;

/** One event on a case's timeline. The note is free text and may hold personal data. */
public record CaseEvent(UUID id, UUID caseId, EventType type, LocalDate date, DatePrecision precision,
                        String note, UUID recordedBy, String recordedByName, int version) {
}
