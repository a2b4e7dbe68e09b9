package org.haven.gui.shell;

import org.haven.gui.toolkit.Dialogs;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;

import org.haven.core.common.Languages;
import java.util.Locale;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.layout.VBox;

/**
 * Help > Language: the choice is saved at once and used from the next start (the open window keeps
 * its language, so nothing typed is lost).
 */
final class LanguageDialog {
    private LanguageDialog() {}

    static void show(MainWindow window) {
        ComboBox<Locale> picker = StartScreen.picker();
        Dialog<Locale> dialog = new Dialog<>();
        Dialogs.prepare(dialog, window.stage());
        dialog.setTitle(I18n.t("language.menu"));
        dialog.setHeaderText(I18n.t("language.restart"));
        dialog.getDialogPane().setContent(new VBox(8, picker));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? picker.getValue() : null);
        dialog.showAndWait().ifPresent(chosen -> FxTasks.run(() -> {
            Languages.save(window.haven().database().home(), chosen);
            return chosen;
        }, saved -> {
            Alert done = Dialogs.alert(window.stage(), Alert.AlertType.INFORMATION, I18n.t("language.saved", Languages.nativeName(saved)), ButtonType.OK);
            done.setHeaderText(null);
            done.show();
        }));
    }
}
