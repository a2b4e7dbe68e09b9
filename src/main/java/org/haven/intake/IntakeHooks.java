package org.haven.intake;

import org.haven.Haven;

/**
 * Where intake meets other features. The one place to wire duplicate detection (the matching
 * feature) into the import and the intake grid.
 */
public final class IntakeHooks {
    private IntakeHooks() {}

    /** Likely duplicates of a row, from duplicate detection: shown on the grid row and in the import report. */
    public static DuplicateHook duplicateCheck(Haven haven) {
        return candidate -> haven.matching().findFor(candidate, 5).stream()
                .map(m -> new DuplicateHook.PossibleDuplicate(m.caseNumber(), m.score(), m.why())).toList();
    }
}
