package org.haven.gui.intake;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.core.operations.Operation;
import org.haven.testing.TestStage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the intake grid's window tests share: a raid, the grid in the test stage, and reading what the grid shows. */
final class IntakeGridTesting {
    private IntakeGridTesting() {}

    /** A raid of yesterday, to register people into. */
    static Operation raid(Haven haven, String code, String name) {
        return haven.operations().create(new Operation(null, code, name, LocalDate.now().minusDays(1), null, null, null, null, null, 0));
    }

    /** The grid of {@code raid} in the test stage, with the application's theme (its taller rows), 1100 x 600. */
    static void show(Stage stage, Haven haven, Operation raid) {
        TestStage.show(stage, new IntakeGrid(haven, raid), 1100, 600);
    }

    /** The grid's cell that has the keyboard, or null. */
    static TextField focusedCell(FxRobot robot) {
        Node owner = robot.listTargetWindows().stream().map(w -> w.getScene().getFocusOwner()).filter(n -> n != null).findFirst().orElse(null);
        return owner instanceof TextField t && t.getStyleClass().contains("intake-field") ? t : null;
    }

    /** The grid's status line. */
    static String status(FxRobot robot) {
        return robot.lookup("#intake-status").queryAs(Label.class).getText();
    }

    /** The text of the cell {@code id}. */
    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    /** Waits up to 30 s for {@code condition}, then for the FX events it set off. */
    static void waitFor(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met in time", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
