package org.haven.intake;

import java.util.List;
import org.haven.people.Person;

/**
 * The hook intake calls for every valid row, before saving: people already in Haven who are
 * likely the same person. Duplicate detection lives in the matching feature; it plugs in here
 * (see {@link IntakeHooks#duplicateCheck}). A possible duplicate does not block saving: it is
 * shown on the grid row and listed in the import report, for the caseworker to check.
 */
@FunctionalInterface
public interface DuplicateHook {
    List<PossibleDuplicate> likelyDuplicates(Person candidate);

    /** An existing case that may be the same person: its number, a 0-100 score and why. */
    record PossibleDuplicate(String caseNumber, int score, String reason) {}
}
