package org.haven.gui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.core.security.Accounts;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ChangePasswordDialogTest {
    @TempDir static Path dir;
    static Haven haven;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        haven = TestHaven.create(dir);
        stage.setScene(new Scene(new StackPane(new Label("main")), 400, 300));
        stage.sizeToScene(); // the one test stage may still have an earlier test's size
        stage.show();
    }

    @AfterAll
    static void close() {
        if (haven != null) haven.close();
    }

    @Test
    void refusesDifferingPasswordsThenChangesIt(FxRobot robot) throws Exception {
        robot.interact(() -> ChangePasswordDialog.show(stage, haven.unlocked(), true));
        robot.clickOn("#password-current").write(new String(TestHaven.PASSWORD));
        robot.clickOn("#password-new").write("a-brand-new-pass");
        robot.clickOn("#password-repeat").write("a-brand-new-typo");
        robot.clickOn("Change password");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#password-error").queryAs(Label.class).getText()).isEqualTo("The two new passwords differ.");

        robot.doubleClickOn("#password-repeat").eraseText(20).write("a-brand-new-pass");
        robot.clickOn("Change password");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#password-current").tryQuery().isEmpty());
        assertThat(Accounts.verifyPassword(haven.unlocked(), "a-brand-new-pass".toCharArray())).isTrue();
    }
}
