package org.haven.core.intake;

import org.haven.core.Haven;

/**
 * Where intake meets other features. The one place to wire duplicate detection (the matching
 * feature) into the import and the intake grid.
 */
public final class IntakeHooks {
    private IntakeHooks() {}

    /** Likely duplicates of a row, from duplicate detection: shown on the grid row and in the import report. */
    public static DuplicateHook duplicateCheck(Haven haven) {
        return new DuplicateHook() {
            @Override
            public java.util.List<PossibleDuplicate> likelyDuplicates(org.haven.core.people.Person candidate) {
                return haven.matching().findFor(candidate, 5).stream()
                        .map(m -> new PossibleDuplicate(m.caseNumber(), m.score(), m.why(), m.personId())).toList();
            }

            @Override
            public int hiddenDuplicates(org.haven.core.people.Person candidate) {
                return haven.matching().hiddenMatches(org.haven.core.matching.MatchQuery.of(candidate));
            }
        };
    }
}
