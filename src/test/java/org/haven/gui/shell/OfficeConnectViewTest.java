package org.haven.gui.shell;

import org.haven.gui.toolkit.I18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.haven.core.db.OfficeConnection;
import org.haven.testing.TestPostgres;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first-run screen's "Connect to an office database", the whole window against a real
 * PostgreSQL whose service account has a password: connect, create the first administrator on the
 * empty database, log in and see the main window; the next start goes straight to the office's
 * login. A wrong service password says so and writes nothing (no choice file, no table).
 */
@ExtendWith(ApplicationExtension.class)
class OfficeConnectViewTest {
    static final String SERVICE_PASSWORD = "service-secret-from-it";
    @TempDir
    Path home;
    private HavenApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        System.setProperty("haven.home", home.toString());
        this.stage = stage;
        app = new HavenApp();
        app.setExit(() -> { }); // Platform.exit would end the test's toolkit
        app.start(stage);
    }

    @AfterEach
    void releaseStage() throws Exception {
        TestStage.releaseFromApp(stage, () -> {
            if (app.mainWindow() != null) app.mainWindow().close();
        });
    }

    @AfterAll
    static void clearHome() {
        System.clearProperty("haven.home");
    }

    @Test
    void connectCreateTheAdministratorLogInAndSeeTheMainWindow(FxRobot robot) throws Exception {
        OfficeConnection office = TestPostgres.newDatabaseWithServiceAccount(SERVICE_PASSWORD);
        fillIn(robot, office, SERVICE_PASSWORD);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#officeCreateBox").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(message(robot)).isEqualTo(I18n.t("office.empty"));
        robot.clickOn("#officeAdmin").write("boss");
        robot.clickOn("#officeAdminPassword").write("correct-horse-battery");
        robot.clickOn("#officeAdminRepeat").write("correct-horse-battery");
        robot.clickOn("#officeCreate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> stage.getScene().lookup("#loginButton") != null);

        // the choice is remembered, owner-only, without the service password in its text
        Path choice = home.resolve("office.properties");
        assertThat(choice).exists();
        assertThat(Files.readString(choice, StandardCharsets.UTF_8)).contains(office.user()).doesNotContain(SERVICE_PASSWORD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(choice))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("office.key")))).isEqualTo("rw-------");
        assertThat(OfficeChoice.load(home).password()).isEqualTo(SERVICE_PASSWORD.toCharArray());
        // the office database has Haven's tables; the data folder no database of its own
        assertThat(TestPostgres.tableCount(office.url())).isGreaterThan(10);
        assertThat(home.resolve("haven.mv.db")).doesNotExist();

        robot.clickOn("#loginUser").write("boss");
        robot.clickOn("#loginPassword").write("correct-horse-battery");
        robot.clickOn("#loginButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.mainWindow() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.mainWindow().root().getScene()).isSameAs(stage.getScene());
        assertThat(stage.getScene().lookup("#loginButton")).isNull();
        assertThat(app.mainWindow().haven().database().isOffice()).isTrue();
        assertThat(app.mainWindow().haven().user().username()).isEqualTo("boss");

        // the next start uses the remembered office database: its login, not the setup
        javafx.scene.Parent next = WaitForAsyncUtils.asyncFx(() -> new StartScreen(home, h -> h.close()).root()).get(30, TimeUnit.SECONDS);
        assertThat(next.lookup("#loginButton")).isNotNull();
        assertThat(next.lookup("#setupButton")).isNull();
    }

    @Test
    void aWrongServicePasswordSaysSoAndWritesNothing(FxRobot robot) throws Exception {
        OfficeConnection office = TestPostgres.newDatabaseWithServiceAccount(SERVICE_PASSWORD);
        fillIn(robot, office, "not-the-service-password");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !message(robot).isEmpty());
        assertThat(message(robot)).isEqualTo(I18n.t("office.error.refused"));
        assertThat(home.resolve("office.properties")).doesNotExist();
        assertThat(home.resolve("office.key")).doesNotExist();
        assertThat(TestPostgres.tableCount(office.url())).isZero();
        assertThat(app.mainWindow()).isNull();
        assertThat(robot.lookup("#officeCreateBox").queryAs(javafx.scene.Node.class).isVisible()).isFalse();
    }

    private void fillIn(FxRobot robot, OfficeConnection office, String password) {
        robot.clickOn("#setupOffice");
        javafx.scene.control.TextField url = robot.lookup("#officeUrl").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> url.setText(office.url()));
        robot.clickOn("#officeUser").write(office.user());
        robot.clickOn("#officePassword").write(password);
        robot.clickOn("#officeConnect");
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#officeMessage").queryAs(Label.class).getText();
    }
}
