package org.haven.core.cases;

import java.util.List;
import org.haven.core.operations.Operation;
import org.haven.core.people.Person;
import org.haven.core.timeline.CaseEvent;

/**
 * Everything the case view shows: the case, its person, its operation and its whole timeline.
 * {@code nonPunishmentFlag}: a SUSPECT whose latest screening says presumed victim (show a warning).
 */
public record CaseDetails(CaseFile caseFile, Person person, Operation operation, String assignedToName,
                          List<CaseEvent> events, boolean nonPunishmentFlag) {

    /** Without the flag (the original shape, kept for existing callers). */
    public CaseDetails(CaseFile caseFile, Person person, Operation operation, String assignedToName, List<CaseEvent> events) {
        this(caseFile, person, operation, assignedToName, events, false);
    }
}
