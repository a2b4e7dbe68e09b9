package org.haven.core.intake;

import java.util.List;
import java.util.UUID;
import org.haven.core.people.Person;

/**
 * The hook intake calls for every valid row, before saving: people already in Haven who are
 * likely the same person. Duplicate detection lives in the matching feature; it plugs in here
 * (see {@link IntakeHooks#duplicateCheck}). A likely duplicate is never saved as a new person
 * without an explicit choice: it is shown on the grid row (and held back by Save), held back by
 * the import unless the user chose to link, register as new or skip it.
 */
@FunctionalInterface
public interface DuplicateHook {
    List<PossibleDuplicate> likelyDuplicates(Person candidate);

    /**
     * How many likely duplicates exist only in cases the user may not see: the user learns that one
     * exists (and asks a coordinator), never whose. None unless the hook says otherwise.
     */
    default int hiddenDuplicates(Person candidate) {
        return 0;
    }

    /** An existing case that may be the same person: its number, a 0-100 score and why, and the person (to link to). */
    record PossibleDuplicate(String caseNumber, int score, String reason, UUID personId) {
        public PossibleDuplicate(String caseNumber, int score, String reason) {
            this(caseNumber, score, reason, null);
        }
    }
}
