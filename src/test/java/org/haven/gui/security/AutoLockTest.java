package org.haven.gui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AutoLockTest {
    private AutoLock lock;
    private TextField field;
    private VBox content;
    private final AtomicInteger saves = new AtomicInteger();

    @Start
    void start(Stage stage) {
        field = new TextField();
        field.setId("name");
        content = new VBox(new Label("Case HVN-1"), field);
        Scene scene = new Scene(content, 600, 400);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), saves::incrementAndGet);
        stage.setScene(scene);
        stage.sizeToScene(); // the one test stage may still have an earlier test's size
        stage.show();
        // Long at first, so the window does not lock before the test has typed; each test shortens it.
        lock = AutoLock.install(scene, Duration.minutes(5), pw -> "right-password".equals(new String(pw)));
    }

    @Test
    void locksWhenIdleHidesTheContentAndUnlocksOnlyWithTheRightPassword(FxRobot robot) throws Exception {
        // Type first (the robot may be slower than 300 ms on a busy machine), then go idle.
        robot.clickOn("#name").write("Nguyen Thi Lan");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).as("typed before locking").isEqualTo("Nguyen Thi Lan");
        robot.interact(() -> lock.setIdleTime(Duration.millis(300)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lock.isLocked());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(content.isVisible()).as("content hidden, not just covered").isFalse();
        assertThat(robot.lookup("#autolock-overlay").queryAs(VBox.class).isVisible()).isTrue();
        assertThat(robot.lookup("Case HVN-1").tryQuery()).as("no content text is shown").satisfiesAnyOf(
                n -> assertThat(n).isEmpty(), n -> assertThat(n.get().isVisible() && n.get().getParent().isVisible()).isFalse());

        robot.interact(() -> {
            try {
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(content.getScene().snapshot(null), null),
                        "png", java.nio.file.Path.of("target", "autolock-locked.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        // Application shortcuts do not act on the hidden content.
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(saves.get()).isZero();

        robot.clickOn("#autolock-password").write("wrong-password").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#autolock-error").queryAs(Label.class).getText().startsWith("Wrong"));
        assertThat(lock.isLocked()).isTrue();
        assertThat(content.isVisible()).isFalse();

        robot.interact(() -> lock.setIdleTime(Duration.minutes(5)));
        robot.clickOn("#autolock-password").write("right-password").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !lock.isLocked());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(content.isVisible()).isTrue();
        assertThat(field.getText()).isEqualTo("Nguyen Thi Lan");
        assertThat(robot.lookup("#autolock-overlay").queryAs(VBox.class).isVisible()).isFalse();
    }

    @Test
    void locksOnDemandWithTheShortcut(FxRobot robot) throws Exception {
        robot.clickOn("#name");
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lock.isLocked());
        assertThat(content.isVisible()).isFalse();
    }

    @Test
    void afterLogOutNothingLocksAnyMore(FxRobot robot) throws Exception {
        robot.interact(() -> {
            lock.dispose();
            lock.setIdleTime(Duration.millis(100));
        });
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lock.isLocked()).isFalse();
        assertThat(content.isVisible()).isTrue();
    }
}
