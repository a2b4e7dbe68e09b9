package org.haven.gui.intake;

import javafx.stage.Window;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;

/**
 * Resolves a grid row flagged as a possible duplicate: the caseworker links it to an existing
 * person (a new case for them) or confirms it is someone else. Given to {@link IntakeGrid} so the
 * grid does not depend on the matching feature's dialogs; the real one is made in {@link IntakeMenus}.
 */
@FunctionalInterface
public interface DuplicateResolver {
    /** No resolving: flagged rows are only marked (and held back by Save, which never registers them). */
    DuplicateResolver NONE = (owner, request, outcome) -> outcome.cancelled();

    /** Asks about {@code request} and reports exactly one outcome, on the FX thread. Call on the FX thread. */
    void resolve(Window owner, NewCase request, Outcome outcome);

    /** What came of it. */
    interface Outcome {
        /** The row was registered (new case of an existing person, or a new person). */
        void saved(CaseFile saved);

        /** There are no likely matches any more: nothing to decide, nothing saved. */
        void nothingToResolve();

        /** The caseworker closed the dialog without deciding: nothing saved. */
        void cancelled();

        void failed(Throwable error);
    }
}
