package org.haven.gui.security;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.security.Accounts;

/**
 * Lets the signed-in user choose a new password (menu "Change password", and at login when an
 * administrator reset it). The check and re-wrap run off the FX thread.
 */
public final class ChangePasswordDialog {
    private ChangePasswordDialog() {}

    /** Shows the dialog; {@code mustChange} adds the explanation after an administrator's reset. */
    public static void show(Window owner, Accounts.Unlocked unlocked, boolean mustChange) {
        Dialog<ButtonType> dialog = new Dialog<>();
        org.haven.gui.toolkit.Dialogs.prepare(dialog, owner);
        dialog.setTitle(I18n.t("password.title"));
        dialog.setHeaderText(mustChange ? I18n.t("password.mustChange") : I18n.t("password.title"));
        PasswordField current = new PasswordField();
        PasswordField next = new PasswordField();
        PasswordField repeat = new PasswordField();
        current.setId("password-current");
        next.setId("password-new");
        repeat.setId("password-repeat");
        Label error = new org.haven.gui.toolkit.WrappingLabel();
        error.setId("password-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        GridPane grid = new GridPane(10, 8);
        grid.addRow(0, new Label(I18n.t("password.current")), current);
        grid.addRow(1, new Label(I18n.t("password.new")), next);
        grid.addRow(2, new Label(I18n.t("password.repeat")), repeat);
        grid.add(error, 0, 3, 2, 1);
        grid.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(I18n.t("password.title"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        var saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // closes only after the background check succeeded
            if (!next.getText().equals(repeat.getText())) {
                error.setText(I18n.t("password.mismatch"));
                return;
            }
            if (next.getText().length() < Accounts.MIN_PASSWORD_LENGTH) {
                error.setText(I18n.t("password.tooShort", Accounts.MIN_PASSWORD_LENGTH));
                return;
            }
            char[] old = current.getText().toCharArray();
            char[] fresh = next.getText().toCharArray();
            saveButton.setDisable(true);
            FxTasks.run(() -> {
                try {
                    Accounts.changePassword(unlocked, old, fresh);
                    return true;
                } finally {
                    java.util.Arrays.fill(old, '\0');
                    java.util.Arrays.fill(fresh, '\0');
                }
            }, ok -> {
                dialog.setResult(save);
                dialog.close();
            }, failure -> {
                saveButton.setDisable(false);
                error.setText(FxTasks.userMessage(failure));
            });
        });
        dialog.show();
    }
}
