package org.haven.gui.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.testing.FxWait.until;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.shell.MainWindow;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A coordinator at the office opens Cases > Sync conflicts in the main window (on a real PostgreSQL),
 * sees both values of the conflict and who made them, keeps the laptop's after a confirmation that
 * names it, and the list empties; the person now holds the laptop's value.
 */
@ExtendWith(ApplicationExtension.class)
class ConflictsPageUiTest {
    @TempDir static Path dir;
    static int instance;
    Haven office;
    MainWindow window;

    @Start
    void start(Stage stage) {
        office = OfficeConflict.officeWithOneConflict(dir.resolve("office" + (++instance)));
        window = TestStage.mainWindow(stage, office, 1024, 700);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
        office.close();
    }

    @Test
    void aCoordinatorKeepsTheLaptopsValueAndTheConflictLeavesTheList(FxRobot robot) {
        MenuItem item = window.menus().cases().getItems().stream().filter(i -> "conflicts-menu".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
        until(() -> robot.lookup("#conflictsTable").tryQuery().isPresent() && table(robot).getItems().size() == 1);
        List<String> cells = robot.lookup("#conflictsTable .table-row-cell .table-cell").queryAllAs(javafx.scene.control.Labeled.class)
                .stream().map(javafx.scene.control.Labeled::getText).toList();
        assertThat(cells).contains(I18n.t("person.documentNumber"), "B-222", "A-111");
        assertThat(cells).anyMatch(t -> t != null && t.startsWith("boss") && t.contains("K7P")); // who, on which laptop
        assertThat(robot.lookup("#keepLaptop").query().isDisabled()).as("nothing chosen yet").isTrue();

        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#keepLaptop");
        until(() -> robot.lookup("#conflictConfirm").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText()).contains("B-222");
        robot.clickOn("#conflictConfirm");
        until(() -> table(robot).getItems().isEmpty());
        until(() -> robot.lookup("#conflictsMessage").queryAs(Label.class).getText().endsWith(I18n.t("conflicts.none")));
        assertThat(OfficeConflict.documentNumber(office)).isEqualTo("B-222");
    }

    @SuppressWarnings("unchecked")
    private static TableView<Object> table(FxRobot robot) {
        return robot.lookup("#conflictsTable").queryAs(TableView.class);
    }
}
