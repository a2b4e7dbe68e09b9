package org.haven.gui.toolkit;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** The standard error dialog: what went wrong and what to do next. */
public final class ErrorDialog {
    private ErrorDialog() {}

    public static void show(Throwable error) {
        Alert alert = Dialogs.alert((javafx.stage.Window) null, Alert.AlertType.ERROR, FxTasks.userMessage(error), ButtonType.OK);
        alert.setTitle(I18n.t("error.title"));
        alert.setHeaderText(I18n.t("error.header"));
        alert.show();
    }
}
