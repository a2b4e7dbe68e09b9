package org.haven.gui.toolkit;

import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/**
 * Every dialog and alert of the window goes through here: JavaFX labels its standard buttons and
 * alert titles from its own resources ("OK", "Cancel", "Yes", "Confirmation"), which know no Khmer,
 * Vietnamese or Indonesian, so they are relabelled from Haven's bundles; the dialog gets Haven's
 * stylesheet, wraps its message with {@link WrappingLabel} (Khmer wraps right) and opens centred on
 * its owner (JavaFX centres an owned dialog on its owner; an unowned one lands wherever).
 */
public final class Dialogs {
    private static final Map<ButtonType, String> BUTTON_KEYS = Map.of(
            ButtonType.OK, "dialog.ok", ButtonType.CANCEL, "dialog.cancel", ButtonType.YES, "dialog.yes",
            ButtonType.NO, "dialog.no", ButtonType.CLOSE, "dialog.close", ButtonType.APPLY, "dialog.apply",
            ButtonType.FINISH, "dialog.finish", ButtonType.NEXT, "dialog.next", ButtonType.PREVIOUS, "dialog.previous");

    private Dialogs() {}

    /** An alert in the window's language with its message wrapped, owned by {@code owner} (may be null: the focused window). */
    public static Alert alert(Node owner, Alert.AlertType type, String message, ButtonType... buttons) {
        Alert alert = new Alert(type, message, buttons); // the text stays readable as content text; a wrapping label shows it
        alert.setHeaderText(null);
        setMessage(alert, message);
        prepare(alert, owner);
        return alert;
    }

    /** As {@link #alert(Node, Alert.AlertType, String, ButtonType...)}, owned by a window (null: the focused window). */
    public static Alert alert(Window owner, Alert.AlertType type, String message, ButtonType... buttons) {
        Alert alert = new Alert(type, message, buttons); // the text stays readable as content text; a wrapping label shows it
        alert.setHeaderText(null);
        setMessage(alert, message);
        prepare(alert, owner);
        return alert;
    }

    /** Shows an information with an OK button over {@code owner}, without waiting for it to be closed. */
    public static void inform(Window owner, String message) {
        alert(owner, Alert.AlertType.INFORMATION, message, ButtonType.OK).show();
    }

    /** Replaces the dialog's message by a label that wraps every script right. */
    public static void setMessage(Dialog<?> dialog, String message) {
        WrappingLabel text = new WrappingLabel(message);
        text.getStyleClass().add("dialog-message");
        text.setId("dialogMessage");
        text.setPrefWidth(420);
        dialog.getDialogPane().setContent(text);
    }

    /** Localizes the dialog's buttons and title, styles it and makes it owned by the window of {@code owner}. */
    public static <T> Dialog<T> prepare(Dialog<T> dialog, Node owner) {
        Window window = owner != null && owner.getScene() != null ? owner.getScene().getWindow() : focusedWindow();
        return prepare(dialog, window);
    }

    /** As {@link #prepare(Dialog, Node)}, for a window. */
    public static <T> Dialog<T> prepare(Dialog<T> dialog, Window owner) {
        if (owner == null) owner = focusedWindow();
        if (owner != null && dialog.getOwner() == null && !dialog.isShowing()) {
            dialog.initOwner(owner);
        }
        if (dialog instanceof Alert alert) localizeTitle(alert);
        DialogPane pane = dialog.getDialogPane();
        String message = pane.getContentText();
        if (pane.getContent() == null && message != null && !message.isBlank()) setMessage(dialog, message);
        if (pane.getScene() != null) Theme.style(pane.getScene());
        relabel(pane);
        if (!pane.getProperties().containsKey(Dialogs.class)) {
            pane.getProperties().put(Dialogs.class, Boolean.TRUE);
            pane.getButtonTypes().addListener((ListChangeListener<ButtonType>) c -> relabel(pane));
        }
        return dialog;
    }

    /** The text of a standard button in the window's language. */
    public static String buttonText(ButtonType type) {
        String key = BUTTON_KEYS.get(type);
        return key == null ? type.getText() : I18n.t(key);
    }

    private static void relabel(DialogPane pane) {
        for (ButtonType type : pane.getButtonTypes()) {
            String key = BUTTON_KEYS.get(type);
            if (key != null && pane.lookupButton(type) instanceof Button button) button.setText(I18n.t(key));
        }
    }

    private static void localizeTitle(Alert alert) {
        String key = switch (alert.getAlertType()) {
            case CONFIRMATION -> "dialog.title.confirmation";
            case ERROR -> "dialog.title.error";
            case WARNING -> "dialog.title.warning";
            case INFORMATION -> "dialog.title.information";
            case NONE -> null;
        };
        if (key == null) return;
        // JavaFX's default title and header are the English (or JVM-locale) type name: replace them, keep ours.
        String jfxDefault = new Alert(alert.getAlertType()).getTitle();
        if (alert.getTitle() == null || alert.getTitle().equals(jfxDefault)) alert.setTitle(I18n.t(key));
        if (jfxDefault != null && jfxDefault.equals(alert.getHeaderText())) alert.setHeaderText(null);
    }

    private static Window focusedWindow() {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst()
                .orElse(Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null));
    }
}
