package org.haven.gui.shell;

import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.WrappingLabel;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.haven.core.Haven;
import org.kordamp.ikonli.javafx.FontIcon;

/** Log in: user name and password; the key derivation runs in the background (Argon2 is slow on purpose). */
public final class LoginView {
    private final Path home;
    /** The office database to log in to, or null for the data folder's own. */
    private final org.haven.core.db.OfficeConnection office;
    private final Consumer<Haven> onOpened;
    private final StackPane root = new StackPane();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label message = new WrappingLabel();
    private final Button login = new Button(I18n.t("login.button"));
    private final ProgressIndicator busy = new ProgressIndicator();

    public LoginView(Path home, Consumer<Haven> onOpened) {
        this(home, org.haven.core.db.OfficeConnection.fromEnvironment(null), onOpened);
    }

    public LoginView(Path home, org.haven.core.db.OfficeConnection office, Consumer<Haven> onOpened) {
        this.home = home;
        this.office = office;
        this.onOpened = onOpened;
        user.setId("loginUser");
        password.setId("loginPassword");
        login.setId("loginButton");
        message.setId("loginMessage");
        user.setPromptText(I18n.t("login.user"));
        password.setPromptText(I18n.t("login.password"));
        login.setDefaultButton(true);
        login.setMaxWidth(Double.MAX_VALUE);
        login.getStyleClass().add("accent");
        login.setOnAction(e -> submit());
        login.disableProperty().bind(user.textProperty().isEmpty().or(password.textProperty().isEmpty()));
        busy.setVisible(false);
        busy.setPrefSize(24, 24);
        message.getStyleClass().add("form-error");
        message.setWrapText(true);

        FontIcon logo = new FontIcon("mdi2s-shield-home");
        logo.getStyleClass().add("login-logo");
        Label title = new Label(I18n.t("app.title"));
        title.getStyleClass().add("login-title");
        Label subtitle = new WrappingLabel(I18n.t("login.subtitle"));
        subtitle.setId("loginSubtitle");
        subtitle.getStyleClass().add("text-muted");
        subtitle.setWrapText(true);
        VBox card = new VBox(10, logo, title, subtitle, new Label(I18n.t("login.user")), user,
                new Label(I18n.t("login.password")), password, login, busy, message);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().add("login-card");
        card.setId("loginCard");
        card.setMaxSize(380, VBox.USE_PREF_SIZE);
        root.getChildren().add(card);
        root.getStyleClass().add("login-page");
        user.sceneProperty().addListener((o, a, s) -> { if (s != null) user.requestFocus(); });
    }

    public Parent root() {
        return root;
    }

    private void submit() {
        String name = user.getText().strip();
        char[] pw = password.getText().toCharArray();
        setBusy(true);
        message.setText("");
        FxTasks.run(() -> {
            try {
                return Haven.login(home, office, name, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, haven -> {
            setBusy(false);
            password.clear();
            onOpened.accept(haven);
        }, error -> {
            setBusy(false);
            password.clear();
            password.requestFocus();
            message.setText(org.haven.core.security.Accounts.wentBack(error) ? I18n.t("login.damaged") : FxTasks.userMessage(error));
        });
    }

    private void setBusy(boolean on) {
        busy.setVisible(on);
        user.setDisable(on);
        password.setDisable(on);
    }
}
