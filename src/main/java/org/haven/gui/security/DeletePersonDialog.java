package org.haven.gui.security;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.deletion.PersonDeletion;

/**
 * Confirms the permanent deletion of a person: the user types the case number before the
 * button is enabled; the deletion runs off the FX thread and {@code onDeleted} runs after it.
 */
public final class DeletePersonDialog {
    private DeletePersonDialog() {}

    public static void show(Window owner, PersonDeletion deletion, java.util.UUID caseId, String caseNumber, Runnable onDeleted) {
        Dialog<ButtonType> dialog = new Dialog<>();
        org.haven.gui.toolkit.Dialogs.prepare(dialog, owner);
        dialog.setTitle(I18n.t("deletion.title"));
        dialog.setHeaderText(I18n.t("deletion.title"));
        Label message = new org.haven.gui.toolkit.WrappingLabel(I18n.t("deletion.message"));
        message.setWrapText(true);
        message.setMaxWidth(460);
        TextField typed = new TextField();
        typed.setId("deletion-confirm-number");
        Label error = new org.haven.gui.toolkit.WrappingLabel();
        error.setWrapText(true);
        VBox box = new VBox(10, message, new Label(I18n.t("deletion.confirmPrompt", caseNumber)), typed, error);
        box.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(box);
        ButtonType delete = new ButtonType(I18n.t("deletion.confirm"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, delete);
        var deleteButton = dialog.getDialogPane().lookupButton(delete);
        deleteButton.getStyleClass().add("danger");
        deleteButton.disableProperty().bind(typed.textProperty().isNotEqualTo(caseNumber));
        deleteButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            deleteButton.disableProperty().unbind();
            deleteButton.setDisable(true);
            FxTasks.run(() -> deletion.deletePersonOfCase(caseId), n -> {
                dialog.setResult(delete);
                dialog.close();
                onDeleted.run();
            }, failure -> error.setText(FxTasks.userMessage(failure)));
        });
        dialog.show();
    }
}
