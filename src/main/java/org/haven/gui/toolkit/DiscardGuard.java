package org.haven.gui.toolkit;

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

    private static final String UNSAVED = "haven.unsavedInput";

    /** Marks a page's part that may hold typed input not saved yet (a screening in a case view). */
    public static void markUnsaved(javafx.scene.Node node, BooleanSupplier typed) {
        node.getProperties().put(UNSAVED, typed);
    }

    /** Whether any marked part under {@code root} (tabs of inner tab panes included) holds unsaved input. */
    public static boolean hasUnsaved(javafx.scene.Node root) {
        if (root == null) return false;
        if (root.getProperties().get(UNSAVED) instanceof BooleanSupplier typed && typed.getAsBoolean()) return true;
        if (root instanceof javafx.scene.control.TabPane tabs) {
            for (javafx.scene.control.Tab t : tabs.getTabs()) if (hasUnsaved(t.getContent())) return true;
        }
        if (root instanceof javafx.scene.control.ScrollPane scroll && hasUnsaved(scroll.getContent())) return true;
        if (root instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) if (hasUnsaved(child)) return true;
        }
        return false;
    }

    /** True when the user chose to discard what was typed. */
    public static boolean confirmDiscard(Window owner) {
        ButtonType discard = new ButtonType(I18n.t("form.discard.discard"), ButtonBar.ButtonData.OTHER);
        ButtonType keep = new ButtonType(I18n.t("form.discard.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = Dialogs.alert(owner, Alert.AlertType.CONFIRMATION, I18n.t("form.discard.text"), discard, keep);
        ask.setTitle(I18n.t("form.discard.title"));
        ask.setHeaderText(null);
        ask.getDialogPane().setId("discardDialog");
        Button discardButton = (Button) ask.getDialogPane().lookupButton(discard);
        discardButton.setId("discardConfirm");
        discardButton.setDefaultButton(false);
        Button keepButton = (Button) ask.getDialogPane().lookupButton(keep);
        keepButton.setId("discardKeep");
        keepButton.setDefaultButton(true);
        return ask.showAndWait().filter(b -> b == discard).isPresent();
    }
}
