package org.haven.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The login screen: a wrong password says so and lets the user try again; the right one opens Haven. */
@ExtendWith(ApplicationExtension.class)
class LoginViewTest {
    @TempDir
    static Path home;

    private final AtomicReference<Haven> opened = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        TestHaven.create(home).close();
        TestStage.show(stage, new LoginView(home, TestHaven.officeFor(home), opened::set).root(), 800, 600);
    }

    @AfterEach
    void close() {
        if (opened.get() != null) opened.get().close();
    }

    @Test
    void wrongThenRightPassword(FxRobot robot) throws Exception {
        robot.clickOn("#loginUser").write(TestHaven.ADMIN);
        robot.clickOn("#loginPassword").write("not-the-password");
        robot.clickOn("#loginButton");
        Label message = robot.lookup("#loginMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !message.getText().isEmpty()).get());
        assertThat(message.getText()).contains("Wrong user name or password");
        assertThat(opened.get()).isNull();

        robot.clickOn("#loginPassword").write(new String(TestHaven.PASSWORD));
        robot.clickOn("#loginButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> opened.get() != null);
        assertThat(opened.get().user().username()).isEqualTo(TestHaven.ADMIN);
    }
}
