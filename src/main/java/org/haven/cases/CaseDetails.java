package org.haven.cases;

import java.util.List;
import org.haven.operations.Operation;
import org.haven.people.Person;
import org.haven.timeline.CaseEvent;

/** Everything the case view shows: the case, its person, its operation and its whole timeline. */
public record CaseDetails(CaseFile caseFile, Person person, Operation operation, String assignedToName,
                          List<CaseEvent> events) {}
