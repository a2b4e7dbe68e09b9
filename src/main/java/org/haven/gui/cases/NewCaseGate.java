package org.haven.gui.cases;

import java.util.function.Consumer;
import javafx.stage.Window;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;

/**
 * What happens when the new-case form saves. By default the person is registered; duplicate
 * detection replaces it (see CaseWindow#setNewCaseGate) to show likely matches first.
 */
@FunctionalInterface
public interface NewCaseGate {
    /**
     * @param onSaved     the case was saved (new person, or a new case of an existing person)
     * @param onFailed    the save was refused; the form keeps the input
     * @param onCancelled the user closed a question without deciding; nothing was saved
     */
    void submit(Window owner, Haven haven, NewCase request, Consumer<CaseFile> onSaved, Consumer<Throwable> onFailed,
                Runnable onCancelled);

    NewCaseGate REGISTER = (owner, haven, request, onSaved, onFailed, onCancelled) ->
            FxTasks.run(() -> haven.cases().register(request), onSaved, onFailed);
}
