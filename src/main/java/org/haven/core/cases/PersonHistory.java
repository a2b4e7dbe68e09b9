package org.haven.core.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's other cases, seen from one case: those the user may see in full (number, dates,
 * status, outcome), oldest first, and how many more exist in cases the user may not see (never which).
 * A person found again after an earlier case ended in a return home (deported or repatriated) may
 * have been re-trafficked: {@link #returnBefore()} names that case so the case view can say so.
 */
public record PersonHistory(LocalDate openedOn, List<OtherCase> visible, int hidden) {
    public record OtherCase(UUID id, String caseNumber, LocalDate openedOn, LocalDate closedOn, CaseStatus status,
                            Outcome outcome) {}

    public static final PersonHistory NONE = new PersonHistory(null, List.of(), 0);

    public boolean isEmpty() {
        return visible.isEmpty() && hidden == 0;
    }

    /** The latest earlier case closed with a return home (deportation or repatriation) on or before this case opened. */
    public Optional<OtherCase> returnBefore() {
        return visible.stream()
                .filter(c -> c.outcome() != null && c.outcome().isReturn() && c.closedOn() != null
                        && !c.closedOn().isAfter(openedOn))
                .reduce((a, b) -> b);
    }
}
