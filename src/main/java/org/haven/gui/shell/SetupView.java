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
import org.haven.core.security.Accounts;
import org.kordamp.ikonli.javafx.FontIcon;

/** First run: no database in the data folder yet. Creates it with its first administrator. */
public final class SetupView {
    private final Path home;
    private final Consumer<Haven> onOpened;
    private final StackPane root = new StackPane();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Label message = new WrappingLabel();
    private final ProgressIndicator busy = new ProgressIndicator();

    public SetupView(Path home, Consumer<Haven> onOpened) {
        this(home, onOpened, null);
    }

    /** With {@code onOffice}: a second choice, "Connect to an office database", which runs it. */
    public SetupView(Path home, Consumer<Haven> onOpened, Runnable onOffice) {
        this.home = home;
        this.onOpened = onOpened;
        user.setId("setupUser");
        password.setId("setupPassword");
        repeat.setId("setupRepeat");
        message.setId("setupMessage");
        Button create = new Button(I18n.t("setup.button"));
        create.setId("setupButton");
        create.setDefaultButton(true);
        create.setMaxWidth(Double.MAX_VALUE);
        create.getStyleClass().add("accent");
        create.setOnAction(e -> submit());
        busy.setVisible(false);
        busy.managedProperty().bind(busy.visibleProperty()); // no empty gap while idle: the card fits 1024 x 700
        busy.setPrefSize(24, 24);
        message.getStyleClass().add("form-error");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());

        FontIcon logo = new FontIcon("mdi2s-shield-home");
        logo.getStyleClass().add("login-logo");
        Label title = new Label(I18n.t("setup.title"));
        title.getStyleClass().add("login-title");
        Label intro = new WrappingLabel(I18n.t("setup.intro", home.toString()));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");
        VBox card = new VBox(8, logo, title, intro, new Label(I18n.t("login.user")), user,
                new Label(I18n.t("setup.password", Accounts.MIN_PASSWORD_LENGTH)), password,
                new Label(I18n.t("setup.repeat")), repeat, create, busy, message);
        if (onOffice != null) {
            Label or = new WrappingLabel(I18n.t("office.orIntro")); // two lines at 1024 x 700 and in Khmer
            or.getStyleClass().add("text-muted");
            Button office = new Button(I18n.t("office.choice"), new FontIcon("mdi2d-database"));
            office.setId("setupOffice");
            office.setMaxWidth(Double.MAX_VALUE);
            office.setOnAction(e -> onOffice.run());
            card.getChildren().addAll(new javafx.scene.control.Separator(), or, office);
        }
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().add("login-card");
        card.setMaxSize(420, VBox.USE_PREF_SIZE);
        root.getChildren().add(card);
        root.getStyleClass().add("login-page");
    }

    public Parent root() {
        return root;
    }

    private void submit() {
        String name = user.getText().strip();
        String problem = NewAccountInput.problem(name, password.getText(), repeat.getText());
        if (problem != null) {
            message.setText(problem);
            return;
        }
        char[] pw = password.getText().toCharArray();
        busy.setVisible(true);
        root.setDisable(true);
        message.setText("");
        FxTasks.run(() -> {
            try {
                return Haven.create(home, name, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, haven -> {
            busy.setVisible(false);
            root.setDisable(false);
            onOpened.accept(haven);
        }, error -> {
            busy.setVisible(false);
            root.setDisable(false);
            message.setText(FxTasks.userMessage(error));
        });
    }
}
