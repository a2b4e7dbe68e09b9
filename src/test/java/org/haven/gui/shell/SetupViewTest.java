package org.haven.gui.shell;

import org.haven.gui.toolkit.I18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.core.security.Accounts;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** First run: two different passwords are refused with a message; matching ones create the database. */
@ExtendWith(ApplicationExtension.class)
class SetupViewTest {
    @TempDir
    static Path home;

    private final AtomicReference<Haven> opened = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        TestStage.show(stage, new SetupView(home, opened::set).root(), 800, 600);
    }

    @AfterEach
    void close() {
        if (opened.get() != null) opened.get().close();
    }

    @Test
    void createsTheFirstAdministrator(FxRobot robot) throws Exception {
        robot.clickOn("#setupUser").write("maria");
        robot.clickOn("#setupPassword").write("long-enough-password");
        robot.clickOn("#setupRepeat").write("long-enough-passw0rd");
        robot.clickOn("#setupButton");
        assertThat(robot.lookup("#setupMessage").queryAs(Label.class).getText()).isEqualTo(I18n.t("setup.mismatch"));
        assertThat(Accounts.isInitialized(home)).isFalse();

        robot.doubleClickOn("#setupRepeat").eraseText(20).write("long-enough-password");
        robot.clickOn("#setupButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> opened.get() != null);
        assertThat(opened.get().user().username()).isEqualTo("maria");
        assertThat(Accounts.isInitialized(home)).isTrue();
    }
}
