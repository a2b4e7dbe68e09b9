package org.haven.gui.cases;

import java.util.List;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.haven.gui.toolkit.Dialogs;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.security.Role;
import org.haven.core.security.User;

/**
 * Gives one case or a selection to a caseworker or coordinator (coordinators only, as the service
 * checks): the list's button and context menu, the Cases menu and the case view open it. The
 * assignee is picked from the active accounts that work on cases, shown by login and full name.
 */
public final class AssignDialog {
    private AssignDialog() {}

    /** True when this user may assign cases: the items that open this dialog show only then. */
    public static boolean mayAssign(User user) {
        return user.has(Role.COORDINATOR);
    }

    /** Asks whom to give the cases to, assigns them off the FX thread, then reloads the list and open cases. */
    public static void show(CaseWindow window, List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            info(window, I18n.t("cases.assign.selectFirst"));
            return;
        }
        FxTasks.run(() -> window.haven().cases().assignableUsers(), users -> {
            if (users.isEmpty()) {
                info(window, I18n.t("cases.assign.nobody"));
                return;
            }
            ask(window, caseIds, users);
        });
    }

    /** "login (Full Name)", or the login alone when no full name was set. */
    static String label(User u) {
        if (u == null) return "";
        String full = u.displayName();
        return full == null || full.isBlank() || full.equals(u.username()) ? u.username() : u.username() + " (" + full + ")";
    }

    private static void ask(CaseWindow window, List<UUID> caseIds, List<User> users) {
        Dialog<ButtonType> dialog = new Dialog<>();
        Dialogs.prepare(dialog, window.stage());
        dialog.setTitle(I18n.t("cases.assign.title", caseIds.size()));
        dialog.setHeaderText(I18n.t("cases.assign.title", caseIds.size()));
        ComboBox<User> who = new ComboBox<>(FXCollections.observableArrayList(users));
        who.setId("assignUser");
        who.setPromptText(I18n.t("cases.assign.prompt"));
        who.setMaxWidth(Double.MAX_VALUE);
        FormParts.setLabels(who, AssignDialog::label);
        VBox box = new VBox(6, new Label(I18n.t("cases.assign.to")), who);
        box.setPadding(new Insets(10));
        box.setPrefWidth(380);
        dialog.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType(I18n.t("cases.assign.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(I18n.t("cases.assign.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        var okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId("assignOk");
        okButton.disableProperty().bind(who.valueProperty().isNull());
        dialog.setOnShown(e -> who.requestFocus());
        dialog.showAndWait().filter(b -> b == ok).ifPresent(b -> {
            User chosen = who.getValue();
            FxTasks.run(() -> window.haven().cases().assignCases(caseIds, chosen.username()), changed -> {
                window.casesChanged();
                window.caseList().say(I18n.t("cases.assign.done", changed, chosen.username()));
            });
        });
    }

    private static void info(CaseWindow window, String text) {
        Dialogs.alert(window.root(), Alert.AlertType.INFORMATION, text, ButtonType.OK).show();
    }
}
