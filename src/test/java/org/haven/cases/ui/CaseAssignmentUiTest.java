package org.haven.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.haven.Haven;
import org.haven.app.I18n;
import org.haven.app.MainWindow;
import org.haven.app.Theme;
import org.haven.cases.CaseFile;
import org.haven.cases.CaseListItem;
import org.haven.cases.CaseStatus;
import org.haven.cases.Outcome;
import org.haven.security.Accounts;
import org.haven.security.Role;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A team, not one user: a coordinator gives cases to a caseworker from the list (a selection, by the
 * context menu) and from the case view; the caseworker then finds them under "My cases". The quick
 * filters "My cases / Unassigned / Open" narrow the list together with the search box.
 */
@ExtendWith(ApplicationExtension.class)
class CaseAssignmentUiTest {
    private static final char[] PW = "worker-password-1".toCharArray();
    @TempDir Path dir;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Theme.apply();
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        if (window != null) robot.interact(window::close);
    }

    private void show(FxRobot robot, Haven h) {
        robot.interact(() -> {
            if (window != null) window.close();
            window = new MainWindow(h, stage);
            Scene scene = new Scene(window.root(), 1200, 760);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
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

    private static Node row(FxRobot robot, String name) {
        return robot.lookup(".table-row-cell").match(n -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getItem() instanceof CaseListItem i && i.nameLatin().equals(name)).query();
    }

    private static void chooseAssignee(FxRobot robot, String label) {
        until(() -> robot.lookup("#assignUser").tryQuery().isPresent());
        robot.clickOn("#assignUser");
        robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                && label.equals(c.getText())).queryAs(Node.class));
        robot.clickOn("#assignOk");
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
        robot.clickOn(robot.lookup(".context-menu .menu-item").queryAs(Node.class));
        until(() -> robot.lookup("#assignUser").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.haven.security.User> who = robot.lookup("#assignUser").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(who.getItems()).extracting(AssignDialog::label).containsExactly("admin", "dara (Dara Sok)", "lena (Lena Chan)");
        chooseAssignee(robot, "dara (Dara Sok)");
        until(() -> I18n.t("cases.assign.done", 2, "dara").equals(robot.lookup("#caseListMessage").queryAs(Label.class).getText()));

        // The case view: it says who has the case, and gives it to someone else.
        robot.doubleClickOn(row(robot, "Tran Thi Lan"));
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
        assertThat(robot.lookup("#caseCount").queryAs(Label.class).getText()).isEqualTo(I18n.t("cases.count", 1, "1"));
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
