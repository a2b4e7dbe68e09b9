package org.haven.gui.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.testing.FxWait.until;

import java.time.LocalDate;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.shell.MainWindow;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.NewCase;
import org.haven.core.operations.Operation;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.testing.MainWindowTest;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18: the operation page showed 0-1 rows of its people at 1200x760 and 1024x700 and could not
 * scroll. Opened from the Operations menu in the main window, it now shows several rows of people,
 * and the page scrolls to them when the counts above take the room.
 */
class OperationPageLayoutTest extends MainWindowTest {
    private Haven haven;

    @Start
    void start(Stage stage) throws Exception {
        keepStage(stage);
        haven = newHaven();
    }

    @Test
    void theOperationPageShowsSeveralPeopleAndScrollsAt1024x700() throws Exception {
        check(1024, 700, Locale.ENGLISH);
    }

    @Test
    void andAt1200x760InKhmer() throws Exception {
        check(1200, 760, Locale.of("km"));
    }

    private void check(int width, int height, Locale language) throws Exception {
        FxRobot robot = new FxRobot();
        Operation raid = haven.operations().create(new Operation(null, "OP-L-01", "Compound raid", LocalDate.now().minusDays(1),
                "Preah Sihanouk", "Building C", "Police, IOM", 30, null, 0));
        // Many nationalities and statuses: the counts above the table are as tall as they get.
        String[] nationalities = {"VN", "ID", "CN", "MM", "TH", "LA", "KH", "PH", "MY", "IN"};
        CaseStatus[] path = {CaseStatus.SCREENING, CaseStatus.ASSISTANCE, CaseStatus.LEGAL_PROCESS};
        for (int i = 0; i < 30; i++) {
            CaseFile c = register(raid, "Person Number" + i, i % 2 == 0 ? Sex.FEMALE : Sex.MALE, nationalities[i % nationalities.length]);
            for (int step = 0; step < i % 4; step++) c = haven.cases().move(c.id(), c.version(), path[step], null, null, null);
        }
        robot.interact(() -> {
            I18n.setLocale(language);
            window = new MainWindow(haven, stage);
            Scene scene = TestStage.show(stage, window.root(), width, height);
        });
        // Operations > Operations, then open the raid as a user does (select it, Enter).
        robot.interact(() -> window.menus().operations().getItems().stream()
                .filter(i -> "operations-menu".equals(i.getId())).findFirst().orElseThrow().fire());
        TableView<?> operations = robot.lookup("#operationsTable").queryTableView();
        until(() -> operations.getItems().size() == 1);
        robot.interact(() -> {
            operations.getSelectionModel().select(0);
            operations.requestFocus();
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        TableView<?> people = robot.lookup("#operationCases").queryTableView();
        until(() -> people.getItems().size() == 30);
        robot.sleep(300); // one more layout pass for the counts

        // Scrolled to the end (the wheel over the page, not over the table), the table is in view with several rows.
        Node page = robot.lookup("#operationScroll").tryQuery().orElse(robot.lookup(n -> n instanceof OperationPage).query());
        if (page instanceof ScrollPane scroll) robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        robot.sleep(200);
        Bounds viewport = page.localToScene(page.getLayoutBounds());
        Bounds table = people.localToScene(people.getLayoutBounds());
        assertThat(table.getMinY()).as("the table's top is on the screen").isGreaterThanOrEqualTo(viewport.getMinY() - 1);
        assertThat(table.getMaxY()).as("the table's bottom is on the screen").isLessThanOrEqualTo(viewport.getMaxY() + 1);
        long rowsInView = WaitForAsyncUtils.asyncFx(() -> people.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && !r.isEmpty() && r.isVisible())
                .filter(n -> inside(n, viewport) && inside(n, table)).count()).get();
        assertThat(rowsInView).as("people rows in view").isGreaterThanOrEqualTo(6);
        // And the paging under the table is reachable too.
        Node next = robot.lookup("#casesNext").query();
        assertThat(inside(next, viewport)).as("the paging under the table is in view").isTrue();
    }

    private static boolean inside(Node n, Bounds area) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        return b.getMinY() >= area.getMinY() - 1 && b.getMaxY() <= area.getMaxY() + 1;
    }

    private CaseFile register(Operation op, String name, Sex sex, String nationality) {
        Person p = Person.draft(null, name, sex, null, 30, nationality, null, false, DocumentStatus.NONE, null);
        return haven.cases().register(new NewCase(p, op.id(), null, null, null));
    }
}
