package org.haven.gui.security;

import org.haven.gui.toolkit.Dialogs;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.core.security.User;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Admin > Users: every account (login, full name, roles, disabled) and what an administrator does
 * with one: add, disable or enable, reset the password, change the roles, set the full name. Each
 * action calls the same {@link Accounts} method as `haven user ...`, which checks the administrator
 * role and writes the audit entry; the slow password work runs off the FX thread.
 */
public final class UsersPage extends BorderPane {
    private final Haven haven;
    private final TableView<User> table = new TableView<>();
    private final Label message = new Label();

    public UsersPage(Haven haven) {
        this.haven = haven;
        setId("usersPage");
        table.setId("usersTable");
        table.getColumns().add(column("users.col.login", User::username));
        table.getColumns().add(column("users.col.fullName", u -> u.displayName() == null || u.displayName().equals(u.username()) ? "" : u.displayName()));
        table.getColumns().add(column("users.col.roles", UsersPage::roles));
        table.getColumns().add(column("users.col.status", u -> I18n.t(u.active() ? "users.status.active" : "users.status.disabled")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(""));

        Button add = button("userAdd", "users.add", "mdi2a-account-plus-outline");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> addUser());
        Button disable = button("userDisable", "users.disable", "mdi2a-account-cancel-outline");
        disable.setOnAction(e -> withSelected(this::disable));
        Button enable = button("userEnable", "users.enable", "mdi2a-account-check-outline");
        enable.setOnAction(e -> withSelected(this::enable));
        Button reset = button("userReset", "users.reset", "mdi2l-lock-reset");
        reset.setOnAction(e -> withSelected(this::resetPassword));
        Button roles = button("userRoles", "users.roles", "mdi2s-shield-account-outline");
        roles.setOnAction(e -> withSelected(this::changeRoles));
        Button fullName = button("userFullName", "users.fullName", "mdi2c-card-account-details-outline");
        fullName.setOnAction(e -> withSelected(this::setFullName));
        var selected = table.getSelectionModel().selectedItemProperty();
        disable.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() == null || !selected.get().active(), selected));
        enable.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().active(), selected));
        reset.disableProperty().bind(disable.disableProperty());
        roles.disableProperty().bind(selected.isNull());
        fullName.disableProperty().bind(selected.isNull());

        HBox bar = new HBox(8, add, disable, enable, reset, roles, fullName);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("page-toolbar");
        message.setId("usersMessage");
        message.setWrapText(true);
        message.setPadding(new Insets(6, 12, 8, 12));
        setTop(bar);
        setCenter(table);
        setBottom(message);
        reload(null);
    }

    /** The table rows (tests read them). */
    public TableView<User> table() {
        return table;
    }

    private void reload(String select) {
        FxTasks.run(() -> Accounts.listUsers(haven.unlocked()), users -> {
            table.getItems().setAll(users);
            if (select != null) users.stream().filter(u -> u.username().equals(select)).findFirst()
                    .ifPresent(u -> table.getSelectionModel().select(u));
        });
    }

    /** Runs one account action off the FX thread, then says what happened and reloads the table. */
    private void act(String username, Callable<?> work, String doneKey) {
        message.setText(I18n.t("summary.ui.working"));
        FxTasks.run(work, r -> {
            message.setText(I18n.t(doneKey, username));
            reload(username);
        }, error -> {
            message.setText("");
            org.haven.gui.toolkit.ErrorDialog.show(error);
        });
    }

    private void withSelected(java.util.function.Consumer<User> action) {
        User u = table.getSelectionModel().getSelectedItem();
        if (u != null) action.accept(u);
    }

    private void addUser() {
        TextField login = new TextField();
        login.setId("newUserLogin");
        login.setPromptText(I18n.t("users.login.hint"));
        TextField full = new TextField();
        full.setId("newUserFullName");
        PasswordField pw = new PasswordField();
        pw.setId("newUserPassword");
        PasswordField again = new PasswordField();
        again.setId("newUserPasswordAgain");
        Map<Role, CheckBox> roleBoxes = roleBoxes(EnumSet.of(Role.CASEWORKER));
        GridPane g = grid();
        g.addRow(0, new Label(I18n.t("users.login")), login);
        g.addRow(1, new Label(I18n.t("users.col.fullName")), full);
        g.addRow(2, new Label(I18n.t("users.rolesLabel")), roleBox(roleBoxes));
        g.addRow(3, new Label(I18n.t("users.password")), pw);
        g.addRow(4, new Label(I18n.t("users.passwordAgain")), again);
        Label error = errorLabel();
        g.add(error, 0, 5, 2, 1);
        Dialog<ButtonType> d = dialog(I18n.t("users.add.title"), g);
        guard(d, error, () -> {
            if (!pw.getText().equals(again.getText())) return I18n.t("users.passwordMismatch");
            if (chosen(roleBoxes).isEmpty()) return I18n.t("users.noRole");
            return null;
        });
        if (!confirmed(d)) return;
        String name = login.getText().strip();
        Set<Role> roles = chosen(roleBoxes);
        char[] password = pw.getText().toCharArray();
        String fullName = full.getText();
        act(name, () -> Accounts.addUser(haven.unlocked(), name, fullName, roles, password), "users.done.added");
    }

    private void disable(User u) {
        Alert confirm = Dialogs.alert(getScene().getWindow(), Alert.AlertType.CONFIRMATION, I18n.t("users.disable.confirm", u.username()),
                new ButtonType(I18n.t("users.disable"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(I18n.t("users.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        confirm.setTitle(I18n.t("users.title"));
        confirm.setHeaderText(null);
        // Disabling is not the safe default: Enter cancels.
        ((Button) confirm.getDialogPane().lookupButton(confirm.getButtonTypes().get(0))).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(confirm.getButtonTypes().get(1))).setDefaultButton(true);
        confirm.getDialogPane().lookupButton(confirm.getButtonTypes().get(0)).setId("userDisableConfirm");
        if (confirm.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isEmpty()) return;
        act(u.username(), () -> {
            Accounts.disableUser(haven.unlocked(), u.username());
            return null;
        }, "users.done.disabled");
    }

    private void enable(User u) {
        askPassword(I18n.t("users.enable.title", u.username())).ifPresent(pw -> act(u.username(), () -> {
            Accounts.enableUser(haven.unlocked(), u.username(), pw);
            return null;
        }, "users.done.enabled"));
    }

    private void resetPassword(User u) {
        askPassword(I18n.t("users.reset.title", u.username())).ifPresent(pw -> act(u.username(), () -> {
            Accounts.resetPassword(haven.unlocked(), u.username(), pw);
            return null;
        }, "users.done.reset"));
    }

    private void changeRoles(User u) {
        Map<Role, CheckBox> boxes = roleBoxes(u.roles());
        GridPane g = grid();
        g.addRow(0, new Label(I18n.t("users.rolesLabel")), roleBox(boxes));
        Label error = errorLabel();
        g.add(error, 0, 1, 2, 1);
        Dialog<ButtonType> d = dialog(I18n.t("users.roles.title", u.username()), g);
        guard(d, error, () -> chosen(boxes).isEmpty() ? I18n.t("users.noRole") : null);
        if (!confirmed(d)) return;
        Set<Role> roles = chosen(boxes);
        act(u.username(), () -> {
            Accounts.setRoles(haven.unlocked(), u.username(), roles);
            return null;
        }, "users.done.roles");
    }

    private void setFullName(User u) {
        TextField full = new TextField(u.displayName() == null || u.displayName().equals(u.username()) ? "" : u.displayName());
        full.setId("userFullNameField");
        GridPane g = grid();
        g.addRow(0, new Label(I18n.t("users.col.fullName")), full);
        Dialog<ButtonType> d = dialog(I18n.t("users.fullName.title", u.username()), g);
        if (!confirmed(d)) return;
        String value = full.getText();
        act(u.username(), () -> {
            Accounts.setFullName(haven.unlocked(), u.username(), value);
            return null;
        }, "users.done.fullName");
    }

    /** A temporary password typed twice; the user must choose their own at the next login. */
    private java.util.Optional<char[]> askPassword(String title) {
        PasswordField pw = new PasswordField();
        pw.setId("tempPassword");
        PasswordField again = new PasswordField();
        again.setId("tempPasswordAgain");
        GridPane g = grid();
        g.addRow(0, new Label(I18n.t("users.password")), pw);
        g.addRow(1, new Label(I18n.t("users.passwordAgain")), again);
        Label hint = new Label(I18n.t("users.password.hint", Accounts.MIN_PASSWORD_LENGTH));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        g.add(hint, 0, 2, 2, 1);
        Label error = errorLabel();
        g.add(error, 0, 3, 2, 1);
        Dialog<ButtonType> d = dialog(title, g);
        guard(d, error, () -> pw.getText().equals(again.getText()) ? null : I18n.t("users.passwordMismatch"));
        return confirmed(d) ? java.util.Optional.of(pw.getText().toCharArray()) : java.util.Optional.empty();
    }

    private Dialog<ButtonType> dialog(String title, Node content) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(title);
        d.setHeaderText(title);
        d.getDialogPane().setContent(content);
        ButtonType save = new ButtonType(I18n.t("users.save"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(save, new ButtonType(I18n.t("users.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        d.getDialogPane().lookupButton(save).setId("userDialogSave");
        org.haven.gui.toolkit.Dialogs.prepare(d, getScene().getWindow());
        return d;
    }

    /** Keeps the dialog open, with the reason shown, while {@code problem} returns one. */
    private static void guard(Dialog<ButtonType> d, Label error, java.util.function.Supplier<String> problem) {
        ButtonType save = d.getDialogPane().getButtonTypes().get(0);
        d.getDialogPane().lookupButton(save).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String p = problem.get();
            if (p != null) {
                error.setText(p);
                e.consume();
            }
        });
    }

    private static boolean confirmed(Dialog<ButtonType> d) {
        return d.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
    }

    private static Map<Role, CheckBox> roleBoxes(Set<Role> selected) {
        Map<Role, CheckBox> boxes = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            CheckBox b = new CheckBox(I18n.label(r));
            b.setId("role-" + r.name());
            b.setSelected(selected.contains(r));
            boxes.put(r, b);
        }
        return boxes;
    }

    private static Node roleBox(Map<Role, CheckBox> boxes) {
        return new VBox(6, boxes.values().toArray(Node[]::new));
    }

    private static Set<Role> chosen(Map<Role, CheckBox> boxes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        boxes.forEach((r, b) -> {
            if (b.isSelected()) roles.add(r);
        });
        return roles;
    }

    private static GridPane grid() {
        GridPane g = new GridPane(10, 8);
        g.setPadding(new Insets(10));
        return g;
    }

    private static Label errorLabel() {
        Label error = new Label();
        error.setId("userDialogError");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        return error;
    }

    private static String roles(User u) {
        return String.join(", ", u.roles().stream().sorted().map(I18n::label).toList());
    }

    private static Button button(String id, String key, String icon) {
        Button b = new Button(I18n.t(key), new FontIcon(icon));
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    private static TableColumn<User, String> column(String key, java.util.function.Function<User, String> value) {
        TableColumn<User, String> col = new TableColumn<>(I18n.t(key));
        col.setId("col-" + key.substring(key.lastIndexOf('.') + 1));
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        col.setPrefWidth(180);
        return col;
    }
}
