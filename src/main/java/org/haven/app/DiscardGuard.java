package org.haven.app;

import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.stage.Window;

/**
 * Esc, Cancel or the window's close button on a form the user has typed into: ask before the input
 * is thrown away. "Keep editing" is the default (Enter and Esc keep the form), discarding takes a
 * deliberate click.
 */
public final class DiscardGuard {
    private DiscardGuard() {}

    /**
     * @param typed    whether anything was typed or changed (nothing typed: close without asking)
     * @param isSaved  whether the dialog's result is a successful save (never asked then)
     */
    public static <R> void install(Dialog<R> dialog, BooleanSupplier typed, Predicate<R> isSaved) {
        dialog.addEventHandler(DialogEvent.DIALOG_CLOSE_REQUEST, e -> {
            if (isSaved.test(dialog.getResult()) || !typed.getAsBoolean()) return;
            if (!confirmDiscard(dialog.getDialogPane().getScene().getWindow())) e.consume();
        });
    }

    /** True when the user chose to discard what was typed. */
    public static boolean confirmDiscard(Window owner) {
        ButtonType discard = new ButtonType(I18n.t("form.discard.discard"), ButtonBar.ButtonData.OTHER);
        ButtonType keep = new ButtonType(I18n.t("form.discard.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, I18n.t("form.discard.text"), discard, keep);
        if (owner != null) ask.initOwner(owner);
        ask.setTitle(I18n.t("form.discard.title"));
        ask.setHeaderText(null);
        ask.getDialogPane().setId("discardDialog");
        Button discardButton = (Button) ask.getDialogPane().lookupButton(discard);
        discardButton.setId("discardConfirm");
        discardButton.setDefaultButton(false);
        Button keepButton = (Button) ask.getDialogPane().lookupButton(keep);
        keepButton.setId("discardKeep");
        keepButton.setDefaultButton(true);
        Theme.style(ask.getDialogPane().getScene());
        return ask.showAndWait().filter(b -> b == discard).isPresent();
    }
}
