package org.haven.intake;

import java.util.List;
import org.haven.Haven;

/**
 * Where intake meets other features. The one place to wire duplicate detection (the matching
 * feature) into the import and the intake grid.
 */
public final class IntakeHooks {
    private IntakeHooks() {}

    /**
     * NOT WIRED YET: matching lives in another branch. At merge, return the matching feature's
     * check here, e.g.
     * <pre>{@code
     * return candidate -> haven.matching().findFor(candidate, 5).stream()
     *         .map(m -> new DuplicateHook.PossibleDuplicate(m.caseNumber(), m.score(), m.why())).toList();
     * }</pre>
     * Until then no duplicate is ever reported.
     */
    public static DuplicateHook duplicateCheck(Haven haven) {
        return candidate -> List.of();
    }
}
