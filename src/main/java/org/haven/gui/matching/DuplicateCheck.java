package org.haven.gui.matching;

import java.util.function.Consumer;
import javafx.stage.Window;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;

/**
 * Registering with a duplicate check, for the new-case form, the intake grid and imports: looks
 * for likely matches in the background (also in cases the user may not see); with none, registers
 * at once; otherwise shows {@link DuplicateResolverDialog} and then links to the chosen person (a
 * new case for them) or registers a new person recorded as "someone else" than every candidate
 * shown. "Decide later" (the default) saves nothing. Call on the FX thread.
 */
public final class DuplicateCheck {
    /** How many candidates the dialog shows at most. */
    public static final int SHOWN = 10;

    private DuplicateCheck() {}

    /**
     * @param onSaved     runs on the FX thread with the saved case (new person, or new case of an existing person)
     * @param onCancelled runs on the FX thread when the user closed the dialog without deciding (nothing saved)
     */
    public static void register(Window owner, Haven haven, NewCase request, Consumer<CaseFile> onSaved,
                                Runnable onCancelled) {
        DuplicateResolution.ask(owner, haven, request.person(), false,
                () -> FxTasks.run(() -> haven.cases().register(request), onSaved),
                (decision, found) -> {
                    if (decision.choice() == DuplicateResolverDialog.Choice.LINK
                            || decision.choice() == DuplicateResolverDialog.Choice.NEW) {
                        DuplicateResolution.carryOut(haven, request, decision, found, onSaved, org.haven.gui.toolkit.ErrorDialog::show);
                    } else if (onCancelled != null) {
                        onCancelled.run();
                    }
                }, org.haven.gui.toolkit.ErrorDialog::show);
    }
}
