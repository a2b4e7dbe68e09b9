package org.haven.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.haven.core.Haven;
import org.haven.testing.TestHaven;
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
 * The whole application window: log in, log out (the database closes cleanly and the login screen
 * returns, after a confirmation when pages are open), log in again, and close the window (asked
 * likewise).
 */
@ExtendWith(ApplicationExtension.class)
class LogoutTest {
    @TempDir
    static Path home;

    private final java.util.concurrent.atomic.AtomicBoolean exited = new java.util.concurrent.atomic.AtomicBoolean();
    private HavenApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        TestHaven.create(home).close();
        System.setProperty("haven.home", home.toString());
        this.stage = stage;
        app = new HavenApp();
        app.setExit(() -> exited.set(true)); // Platform.exit would end the test's toolkit
        app.start(stage);
    }

    @AfterEach
    void releaseStage() throws Exception {
        TestStage.releaseFromApp(stage, () -> {});
    }

    @AfterAll
    static void clearHome() {
        System.clearProperty("haven.home");
    }

    @Test
    void logOutClosesTheDatabaseAndReturnsToLogin(FxRobot robot) throws Exception {
        Haven first = logIn(robot);

        // A page is open: log out asks first; Cancel keeps the session.
        robot.interact(() -> app.mainWindow().showPage("notes", new Label("typing...")));
        Platform.runLater(() -> logoutItem().fire());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.mainWindow()).isNotNull();
        assertThat(first.database().isClosed()).isFalse();

        Platform.runLater(() -> logoutItem().fire());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stage.getScene().lookup("#loginButton") != null);
        assertThat(app.mainWindow()).isNull();
        assertThat(first.database().isClosed()).isTrue();

        // The next user can log in on the same window; closing the window closes that database too.
        Haven second = logIn(robot);
        assertThat(second).isNotSameAs(first);
        assertThat(second.cases().count(org.haven.core.cases.CaseQuery.text("", 10))).isZero();
        // Closing the window with a page open asks too; Cancel keeps everything open.
        robot.interact(() -> app.mainWindow().showPage("notes", new Label("typing...")));
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(exited.get()).isFalse();
        assertThat(second.database().isClosed()).isFalse();

        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, exited::get);
        assertThat(second.database().isClosed()).isTrue();
    }

    private Haven logIn(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stage.getScene().lookup("#loginButton") != null);
        robot.clickOn("#loginUser").write(TestHaven.ADMIN);
        robot.clickOn("#loginPassword").write(new String(TestHaven.PASSWORD));
        robot.clickOn("#loginButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.mainWindow() != null);
        return app.mainWindow().haven();
    }

    private MenuItem logoutItem() {
        return app.mainWindow().menus().cases().getItems().stream()
                .filter(i -> "logout-menu".equals(i.getId())).findFirst().orElseThrow();
    }
}
