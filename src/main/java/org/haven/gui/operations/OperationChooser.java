package org.haven.gui.operations;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;
import org.haven.gui.toolkit.I18n;
import org.haven.core.operations.Operation;

/** Asks which operation an action is for, showing each as "code  name". */
public final class OperationChooser {
    private OperationChooser() {}

    public static Optional<Operation> choose(Window owner, List<Operation> operations, String title) {
        List<String> labels = operations.stream().map(o -> o.code() + "  " + o.name()).toList();
        ChoiceDialog<String> dialog = new ChoiceDialog<>(labels.getFirst(), labels);
        org.haven.gui.toolkit.Dialogs.prepare(dialog, owner);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(I18n.t("summary.menu.operation.prompt"));
        return dialog.showAndWait().map(labels::indexOf).filter(i -> i >= 0).map(operations::get);
    }
}
