package org.haven.gui.shell;

import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;

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
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.db.OfficeConnection;
import org.haven.core.db.OfficeConnectionException;
import org.haven.core.db.OfficeProbe;
import org.haven.core.security.Accounts;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * First run, "Connect to an office database": the server's address and the office's service account
 * (set up once by IT; caseworkers never type it). The connection is tried in the background and
 * nothing is written until it works. An empty database gets Haven's schema and its first
 * administrator (as `haven init --admin` does). On success the choice is remembered in the data
 * folder ({@link OfficeChoice}) and the normal login against the office's accounts follows.
 */
public final class OfficeConnectView {
    private final Path home;
    private final Consumer<OfficeConnection> onConnected;
    private final StackPane root = new StackPane();
    private final TextField url = new TextField();
    private final TextField serviceUser = new TextField();
    private final PasswordField servicePassword = new PasswordField();
    private final Button connect = new Button(I18n.t("office.connect"));
    private final VBox connectBox = new VBox(10);
    private final VBox createBox = new VBox(10);
    private final TextField admin = new TextField();
    private final PasswordField adminPassword = new PasswordField();
    private final PasswordField adminRepeat = new PasswordField();
    private final Label message = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private OfficeConnection tested;

    public OfficeConnectView(Path home, Runnable onBack, Consumer<OfficeConnection> onConnected) {
        this.home = home;
        this.onConnected = onConnected;
        url.setId("officeUrl");
        serviceUser.setId("officeUser");
        servicePassword.setId("officePassword");
        connect.setId("officeConnect");
        admin.setId("officeAdmin");
        adminPassword.setId("officeAdminPassword");
        adminRepeat.setId("officeAdminRepeat");
        message.setId("officeMessage");
        connect.setDefaultButton(true);
        connect.setMaxWidth(Double.MAX_VALUE);
        connect.getStyleClass().add("accent");
        connect.setOnAction(e -> testConnection());
        Button back = new Button(I18n.t("office.back"));
        back.setId("officeBack");
        back.setOnAction(e -> onBack.run());
        busy.setVisible(false);
        busy.setPrefSize(24, 24);
        message.getStyleClass().add("form-error");
        message.setWrapText(true);

        Label title = new Label(I18n.t("office.title"));
        title.getStyleClass().add("login-title");
        Label intro = new Label(I18n.t("office.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");
        Label hint = new Label(I18n.t("office.serviceHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        Label urlLabel = new Label(I18n.t("office.url"));
        urlLabel.setLabelFor(url);
        Label userLabel = new Label(I18n.t("office.serviceUser"));
        userLabel.setLabelFor(serviceUser);
        Label passwordLabel = new Label(I18n.t("office.servicePassword"));
        passwordLabel.setLabelFor(servicePassword);

        Button create = new Button(I18n.t("office.create"));
        create.setId("officeCreate");
        create.setMaxWidth(Double.MAX_VALUE);
        create.getStyleClass().add("accent");
        create.setOnAction(e -> createFirstAdministrator());
        Label createIntro = new Label(I18n.t("office.emptyIntro"));
        createIntro.setWrapText(true);
        Button backToConnect = new Button(I18n.t("office.back"));
        backToConnect.setOnAction(e -> showCreate(false));
        HBox createButtons = new HBox(10, backToConnect, create);
        HBox.setHgrow(create, javafx.scene.layout.Priority.ALWAYS);
        createBox.setId("officeCreateBox");
        createBox.getChildren().addAll(createIntro, new Label(I18n.t("login.user")), admin,
                new Label(I18n.t("setup.password", Accounts.MIN_PASSWORD_LENGTH)), adminPassword,
                new Label(I18n.t("setup.repeat")), adminRepeat, createButtons);
        createBox.setVisible(false);
        createBox.setManaged(false);
        HBox connectButtons = new HBox(10, back, connect);
        HBox.setHgrow(connect, javafx.scene.layout.Priority.ALWAYS);
        connectBox.getChildren().addAll(intro, urlLabel, url, userLabel, serviceUser, passwordLabel, servicePassword,
                hint, connectButtons);

        FontIcon logo = new FontIcon("mdi2d-database");
        logo.getStyleClass().add("login-logo");
        VBox card = new VBox(10, logo, title, connectBox, createBox, busy, message);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().add("login-card");
        card.setMaxSize(480, VBox.USE_PREF_SIZE);
        root.getChildren().add(card);
        root.getStyleClass().add("login-page");
    }

    public Parent root() {
        return root;
    }

    private void testConnection() {
        OfficeConnection office;
        try {
            office = new OfficeConnection(url.getText().strip(), serviceUser.getText().strip(), servicePassword.getText().toCharArray());
        } catch (HavenException e) {
            message.setText(I18n.t(url.getText().isBlank() || !url.getText().strip().toLowerCase(java.util.Locale.ROOT)
                    .startsWith("jdbc:postgresql://") ? "office.badUrl" : "office.noServiceUser"));
            return;
        }
        setBusy(true);
        showCreate(false);
        FxTasks.run(() -> OfficeProbe.probe(office), state -> {
            setBusy(false);
            switch (state) {
                case READY -> remember(office);
                case EMPTY -> {
                    tested = office;
                    message.setText(I18n.t("office.empty"));
                    showCreate(true);
                }
                case NOT_HAVEN -> message.setText(I18n.t("office.notHaven"));
            }
        }, error -> {
            setBusy(false);
            message.setText(describe(error));
        });
    }

    private void createFirstAdministrator() {
        String name = admin.getText().strip();
        String problem = NewAccountInput.problem(name, adminPassword.getText(), adminRepeat.getText());
        if (problem != null) {
            message.setText(problem);
            return;
        }
        OfficeConnection office = tested;
        char[] pw = adminPassword.getText().toCharArray();
        setBusy(true);
        FxTasks.run(() -> {
            try (Haven created = Haven.create(home, office, name, pw)) {
                return office; // the schema and the administrator are there; the normal login follows
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, this::remember, error -> {
            setBusy(false);
            message.setText(describe(error));
        });
    }

    /** Stores the working choice (off the FX thread), then hands over to the login. */
    private void remember(OfficeConnection office) {
        setBusy(true);
        FxTasks.run(() -> {
            OfficeChoice.save(home, office);
            return office;
        }, saved -> {
            setBusy(false);
            onConnected.accept(saved);
        }, error -> {
            setBusy(false);
            message.setText(FxTasks.userMessage(error));
        });
    }

    /** The user's language for each way connecting fails; other errors as everywhere in the window. */
    static String describe(Throwable error) {
        if (error instanceof OfficeConnectionException e) {
            return switch (e.problem()) {
                case NO_TLS -> I18n.t("office.error.noTls");
                case UNTRUSTED_CERTIFICATE -> I18n.t("office.error.certificate");
                case ACCOUNT_REFUSED -> I18n.t("office.error.refused");
                case NO_SUCH_DATABASE -> I18n.t("office.error.noDatabase");
                case UNREACHABLE -> I18n.t("office.error.unreachable");
                case OTHER -> I18n.t("office.error.other");
            };
        }
        return FxTasks.userMessage(error);
    }

    /** The empty database's second step replaces the connection form (the window stays short). */
    private void showCreate(boolean on) {
        createBox.setVisible(on);
        createBox.setManaged(on);
        connectBox.setVisible(!on);
        connectBox.setManaged(!on);
        if (!on) message.setText("");
        if (on) admin.requestFocus();
    }

    private void setBusy(boolean on) {
        busy.setVisible(on);
        if (on) message.setText("");
        url.setDisable(on);
        serviceUser.setDisable(on);
        servicePassword.setDisable(on);
        connect.setDisable(on);
        createBox.setDisable(on);
    }
}
