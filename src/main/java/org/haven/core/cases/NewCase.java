package org.haven.core.cases;

import java.time.LocalDate;
import java.util.UUID;
import org.haven.core.people.Person;

/** What registering a person needs: the person, when they were identified, and where (optional). */
public record NewCase(Person person, UUID operationId, LocalDate identifiedOn, UUID assignedTo, String note) {}
