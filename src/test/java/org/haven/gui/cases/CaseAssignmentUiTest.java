package org.haven.gui.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.Outcome;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.testing.MainWindowTest;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A team, not one user: a coordinator gives cases to a caseworker from the list (a selection, by the
 * context menu) and from the case view; the caseworker then finds them under "My cases". The quick
 * filters "My cases / Unassigned / Open" narrow the list together with the search box.
 */
class CaseAssignmentUiTest extends MainWindowTest {
    private static final char[] PW = "worker-password-1".toCharArray();
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        keepStage(stage);
    }

    private void show(FxRobot robot, Haven h) {
        robot.interact(() -> {
            if (window != null) window.close();
            window = TestStage.mainWindow(stage, h, 1200, 760);
        });
        until(() -> window.caseList().isLoaded());
    }

    @SuppressWarnings("unchecked")
    private static TableView<CaseListItem> table(FxRobot robot) {
        return robot.lookup("#caseTable").queryAs(TableView.class);
    }

    private static List<String> names(FxRobot robot) {
        return table(robot).getItems().stream().map(CaseListItem::nameLatin).sorted().toList();
    }

    /**
     * The row showing that person, once the table has laid it out. After a reload the table holds the
     * new items at once but its rows get them only at the next layout: until then a row still shows
     * an item of the old page, and the same row may show another item (or none) a moment later. So
     * the row must hold the very item the table holds now (the same instance, not an equal one).
     */
    private static Node row(FxRobot robot, String name) {
        until(() -> rowNow(robot, name) != null);
        return rowNow(robot, name);
    }

    private static Node rowNow(FxRobot robot, String name) {
        CaseListItem current = table(robot).getItems().stream().filter(i -> i.nameLatin().equals(name)).findFirst().orElse(null);
        if (current == null) return null;
        return robot.lookup(".table-row-cell").match(n -> n instanceof javafx.scene.control.TableRow<?> r
                && r.isVisible() && r.getItem() == current).tryQuery().orElse(null);
    }

    /**
     * Opens a case from the list as a double-click does. The robot's first click is real (it selects
     * the row); the second reaches the row as the click JavaFX makes of a double-click (click count 2).
     * Two robot clicks only count as a double-click when both land within the platform's multi-click
     * time, which a loaded test machine exceeds: the row then saw two single clicks and nothing opened.
     */
    private static void doubleClick(FxRobot robot, Node row) {
        robot.clickOn(row);
        robot.interact(() -> {
            javafx.geometry.Point2D centre = row.localToScene(row.getBoundsInLocal().getWidth() / 2, row.getBoundsInLocal().getHeight() / 2);
            javafx.geometry.Point2D screen = row.localToScreen(row.getBoundsInLocal().getWidth() / 2, row.getBoundsInLocal().getHeight() / 2);
            javafx.event.Event.fireEvent(row, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                    centre.getX(), centre.getY(), screen.getX(), screen.getY(), javafx.scene.input.MouseButton.PRIMARY, 2,
                    false, false, false, false, true, false, false, false, false, true, null));
        });
    }

    private static void chooseAssignee(FxRobot robot, String label) {
        until(() -> robot.lookup("#assignUser").tryQuery().isPresent());
        robot.clickOn("#assignUser");
        // The combo box's list opens in a pop-up of its own: wait until its cells are there.
        until(() -> assigneeCell(robot, label) != null);
        robot.clickOn(assigneeCell(robot, label));
        until(() -> !robot.lookup("#assignOk").queryButton().isDisabled());
        robot.clickOn("#assignOk");
    }

    private static Node assigneeCell(FxRobot robot, String label) {
        return robot.lookup(".list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                && n.isVisible() && label.equals(c.getText())).tryQuery().orElse(null);
    }

    @Test
    void aCoordinatorAssignsASelectionAndACaseAndTheCaseworkerFindsThemUnderMyCases(FxRobot robot) {
        Haven admin = TestHaven.create(dir);
        Accounts.addUser(admin.unlocked(), "dara", "Dara Sok", EnumSet.of(Role.CASEWORKER), PW);
        Accounts.addUser(admin.unlocked(), "lena", "Lena Chan", EnumSet.of(Role.CASEWORKER), PW);
        Accounts.addUser(admin.unlocked(), "it", EnumSet.of(Role.ADMIN), PW); // sees no case data: not offered
        CaseFile first = admin.cases().register(TestHaven.newCase(TestHaven.person("Tran Thi Lan", null)));
        admin.cases().register(TestHaven.newCase(TestHaven.person("Le Van Binh", null)));
        admin.cases().register(TestHaven.newCase(TestHaven.person("Pham Thi Mai", null)));
        show(robot, admin);

        // Select two rows (click, Ctrl+click), right-click, Assign..., choose Dara by name.
        robot.clickOn(row(robot, "Tran Thi Lan"));
        // Ctrl+click is the table's own multi-select; the headless robot does not hold the modifier
        // over a click, so the second row joins the selection as Ctrl+click does.
        robot.interact(() -> table(robot).getSelectionModel().select(table(robot).getItems().stream()
                .filter(i -> i.nameLatin().equals("Le Van Binh")).findFirst().orElseThrow()));
        assertThat(window.caseList().selectedCaseIds()).hasSize(2);
        robot.rightClickOn(row(robot, "Le Van Binh"));
        until(() -> robot.lookup(".context-menu .menu-item").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".context-menu .menu-item").queryAs(Node.class));
        until(() -> robot.lookup("#assignUser").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.haven.core.security.User> who = robot.lookup("#assignUser").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(who.getItems()).extracting(AssignDialog::label).containsExactly("admin", "dara (Dara Sok)", "lena (Lena Chan)");
        chooseAssignee(robot, "dara (Dara Sok)");
        until(() -> I18n.t("cases.assign.done", 2, "dara").equals(robot.lookup("#caseListMessage").queryAs(Label.class).getText()));
        until(() -> window.caseList().isLoaded()); // the list reloads after the assignment: its rows are replaced

        // The case view: it says who has the case, and gives it to someone else.
        doubleClick(robot, row(robot, "Tran Thi Lan"));
        until(() -> robot.lookup("#factAssigned").tryQuery().map(n -> ((Label) n).getText().equals("dara")).orElse(false));
        robot.clickOn("#assignCase");
        chooseAssignee(robot, "lena (Lena Chan)");
        until(() -> robot.lookup("#factAssigned").tryQuery().map(n -> ((Label) n).getText().equals("lena")).orElse(false));
        assertThat(admin.cases().open(first.id()).assignedToName()).isEqualTo("lena");
        robot.interact(window::close);
        window = null;

        // Dara logs in: "My cases" shows the one case still hers.
        show(robot, TestHaven.login(dir, "dara", PW));
        robot.clickOn("#quickMine");
        until(() -> names(robot).equals(List.of("Le Van Binh")));
        assertThat(robot.lookup("#assignButton").tryQuery()).as("a caseworker cannot assign").isEmpty();
    }

    @Test
    void quickFiltersCombineWithTheSearchBox(FxRobot robot) {
        Haven admin = TestHaven.create(dir);
        CaseFile mine = admin.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Hoa", null)));
        admin.cases().assignCases(List.of(mine.id()), TestHaven.ADMIN);
        admin.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Van Nam", null)));
        CaseFile closed = admin.cases().register(TestHaven.newCase(TestHaven.person("Tran Van Duc", null)));
        admin.cases().move(closed.id(), closed.version(), CaseStatus.CLOSED, Outcome.LOST_CONTACT, "Moved away", LocalDate.now());
        show(robot, admin);
        until(() -> names(robot).size() == 3);

        robot.clickOn("#quickMine");
        until(() -> names(robot).equals(List.of("Nguyen Thi Hoa")));
        robot.clickOn("#quickUnassigned"); // replaces "My cases"
        until(() -> names(robot).equals(List.of("Nguyen Van Nam", "Tran Van Duc")));
        robot.clickOn("#quickOpen");
        until(() -> names(robot).equals(List.of("Nguyen Van Nam")));
        robot.clickOn("#quickUnassigned"); // clicked again: off
        until(() -> names(robot).equals(List.of("Nguyen Thi Hoa", "Nguyen Van Nam")));
        robot.clickOn("#caseSearch").write("hoa");
        until(() -> names(robot).equals(List.of("Nguyen Thi Hoa")));
        // the count comes with the page's total, a moment after the rows
        until(() -> robot.lookup("#caseCount").queryAs(Label.class).getText().equals(I18n.t("cases.count", 1, "1")));
        robot.clickOn("#quickOpen");
        robot.clickOn("#quickMine");
        until(() -> names(robot).equals(List.of("Nguyen Thi Hoa")));
    }

    private static void until(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met in time", e);
        }
    }
}
