package org.haven.gui.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.core.operations.Operation;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
import org.haven.testing.WindowTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The operation page's members section: a coordinator puts a caseworker on the operation. */
class OperationMembersUiTest extends WindowTest {
    StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        haven = TestHaven.create(dir);
        TestStage.show(stage, root, 1100, 760); // Haven's theme, as the main window shows the pages
    }

    @Test
    void aCoordinatorAddsAMemberOnTheOperationPage(FxRobot robot) throws Exception {
        Accounts.addUser(haven.unlocked(), "cw", EnumSet.of(Role.CASEWORKER), "worker-password-1".toCharArray());
        Operation raid = haven.operations().create(new Operation(null, "OP-M-01", "Compound raid", LocalDate.now().minusDays(1),
                null, null, null, null, null, 0));
        robot.interact(() -> root.getChildren().setAll(new OperationPage(haven, raid.id(), id -> { })));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#operationMembers").tryQuery().isPresent());
        assertThat(robot.lookup("#operationMembers").queryAs(Label.class).getText()).isEqualTo("admin");

        robot.clickOn("#operationMemberAdd");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        robot.interact(() -> robot.lookup(".dialog-pane .text-field").queryAs(javafx.scene.control.TextField.class).setText("cw"));
        robot.clickOn(robot.lookup(".dialog-pane .button").match(b -> ((javafx.scene.control.Button) b).isDefaultButton()).queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#operationMembers").tryQuery()
                .map(n -> ((Label) n).getText().equals("admin, cw")).orElse(false));
        assertThat(haven.operations().members(raid.id())).containsExactly("admin", "cw");
    }
}
