package org.haven.gui.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.shell.MainWindow;
import org.haven.gui.toolkit.Theme;
import org.haven.core.cases.CaseListItem;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Sex;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
import org.haven.core.timeline.EventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main path of a caseworker, against a real encrypted database: register, find, open, record, move. */
@ExtendWith(ApplicationExtension.class)
class CaseUiTest {
    @TempDir
    static Path temp;

    private Haven haven;
    private MainWindow window;

    /**
     * On PostgreSQL the test server starts with the first database: before the window's set-up,
     * whose time limit a busy machine's server start could exceed.
     */
    @org.junit.jupiter.api.BeforeAll
    static void startTheDatabaseServer() {
        if (TestHaven.onPostgres()) org.haven.testing.TestPostgres.start();
    }

    @Start
    void start(Stage stage) throws Exception {
        Theme.apply();
        haven = TestHaven.create(Files.createTempDirectory(temp, "haven"));
        window = TestStage.mainWindow(stage, haven, 1200, 760);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void registerFindOpenRecordAndMoveACase(FxRobot robot) {
        until(() -> window.caseList().isLoaded());

        // New case: an invalid document number is shown inline and blocks saving; fixing it saves.
        robot.clickOn("#newCaseButton");
        robot.clickOn("#personNameLatin").write("Dara Testperson");
        robot.clickOn("#personNameNative").write("ដារ៉ា");
        robot.interact(() -> {
            robot.lookup("#personSex").<Sex>queryComboBox().setValue(Sex.FEMALE);
            robot.lookup("#personDocumentStatus").<DocumentStatus>queryComboBox().setValue(DocumentStatus.HELD);
        });
        robot.clickOn("#personDocumentNumber").write("ab");
        robot.clickOn("#personNationality").write("Cambodia");
        Label docError = robot.lookup("#error-documentNumber").queryAs(Label.class);
        until(() -> !docError.getText().isEmpty());
        assertThat(docError.getText()).isEqualTo(I18n.t("validation.5_to_20_letters_digits_or_dashes"));
        Button save = robot.lookup("#personSave").queryButton();
        assertThat(save.isDisabled()).isTrue();
        robot.doubleClickOn("#personDocumentNumber").eraseText(2).write("P1234567");
        until(() -> docError.getText().isEmpty() && !save.isDisabled());
        robot.clickOn("#personSave");
        until(() -> robot.lookup("#personSave").tryQuery().isEmpty());

        // Find it by search as you type.
        TableView<CaseListItem> table = robot.lookup("#caseTable").queryTableView();
        robot.clickOn("#caseSearch").write("testperson");
        until(() -> table.getItems().size() == 1 && table.getItems().get(0).nameLatin().equals("Dara Testperson"));
        assertThat(robot.lookup("#caseCount").queryAs(Label.class).getText()).isEqualTo(I18n.t("cases.count", 1, "1"));

        // Open it with Enter.
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        until(() -> robot.lookup("#caseNameLatin").tryQuery().isPresent());
        assertThat(robot.lookup("#caseNameLatin").queryAs(Label.class).getText()).isEqualTo("Dara Testperson");
        assertThat(robot.lookup("#caseNameNative").queryAs(Label.class).getText()).isEqualTo("ដារ៉ា");

        // Add a timeline event and see it on the timeline.
        robot.clickOn("#addEvent");
        robot.interact(() -> robot.lookup("#eventType").<EventType>queryComboBox().setValue(EventType.MEDICAL));
        robot.clickOn("#eventNote").write("Health check at the shelter");
        robot.clickOn("#eventSave");
        until(() -> robot.lookup(".timeline-note").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Health check at the shelter")));
        assertThat(robot.lookup(".timeline-type").queryAllAs(Label.class).stream().map(Label::getText))
                .contains(I18n.label(EventType.MEDICAL), I18n.label(EventType.IDENTIFICATION));

        // Edit that event's note, then delete it (after confirming).
        robot.clickOn(eventButton(robot, EventType.MEDICAL, ".timeline-edit"));
        robot.interact(() -> robot.lookup("#eventNote").queryAs(javafx.scene.control.TextArea.class).setText("Follow-up at the clinic"));
        robot.clickOn("#eventSave");
        until(() -> robot.lookup(".timeline-note").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Follow-up at the clinic")));
        robot.clickOn(eventButton(robot, EventType.MEDICAL, ".timeline-delete"));
        robot.clickOn("#eventDeleteConfirm");
        // Wait for the re-rendered timeline: no medical event left, the identification still there.
        until(() -> robot.lookup(".timeline-type").queryAllAs(Label.class).stream()
                .noneMatch(l -> l.getText().equals(I18n.label(EventType.MEDICAL)))
                && robot.lookup(".timeline-type").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals(I18n.label(EventType.IDENTIFICATION))));
        // Status changes offer no edit or delete.
        assertThat(robot.lookup(".timeline-event").queryAll().stream()
                .filter(n -> ((org.haven.core.timeline.CaseEvent) n.getUserData()).type() == EventType.IDENTIFICATION)
                .flatMap(n -> n.lookupAll(".timeline-edit").stream())).hasSize(1);

        // Only the workflow's moves are offered; moving updates the status and the offer.
        assertThat(moveIds(robot)).containsExactlyInAnyOrder("move-SCREENING", "move-ASSISTANCE", "move-CLOSED");
        robot.interact(() -> robot.lookup("#moveMenu").queryAs(MenuButton.class).getItems().stream()
                .filter(i -> i.getId().equals("move-SCREENING")).findFirst().orElseThrow().fire());
        until(() -> robot.lookup("#caseStatus").queryAs(Label.class).getText().equals(I18n.t("enum.CaseStatus.SCREENING")));
        assertThat(moveIds(robot)).containsExactlyInAnyOrder("move-ASSISTANCE", "move-LEGAL_PROCESS",
                "move-RETURN_PENDING", "move-CLOSED");
        until(() -> robot.lookup(".timeline-type").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals(I18n.label(EventType.STATUS_CHANGE))));
        assertThat(robot.lookup(".timeline-event").queryAll().stream()
                .filter(n -> ((org.haven.core.timeline.CaseEvent) n.getUserData()).type() == EventType.STATUS_CHANGE)
                .flatMap(n -> n.lookupAll(".button").stream())).isEmpty();

        // Editing the person while someone else changed it: the conflict is shown and the input kept.
        robot.clickOn("#editPerson");
        TextField aliases = robot.lookup("#personAliases").queryAs(TextField.class);
        robot.clickOn("#personAliases").write("Da");
        java.util.UUID caseId = table.getItems().get(0).caseId();
        org.haven.core.people.Person current = haven.cases().open(caseId).person();
        haven.cases().updatePerson(caseId, current.withContactAndNotes("Someone else", null, null));
        robot.clickOn("#personSave");
        Label banner = robot.lookup("#formError").queryAs(Label.class);
        until(banner::isVisible);
        assertThat(banner.getText()).containsIgnoringCase("someone else");
        assertThat(aliases.getText()).isEqualTo("Da");
        robot.clickOn("#personCancel");
        robot.clickOn("#discardConfirm"); // what was typed is thrown away only when the user says so

        // The list shows the new status too.
        robot.type(KeyCode.ESCAPE);
        until(() -> !table.getItems().isEmpty() && table.getItems().get(0).status().name().equals("SCREENING"));
    }

    /** Issue 14 item 10: the form refuses what import refuses, with the message in the user's language. */
    @Test
    void theFormRefusesControlCharactersAndInvisibleNamesButKeepsLineBreaksInNotes(FxRobot robot) {
        until(() -> window.caseList().isLoaded());
        robot.clickOn("#newCaseButton");
        TextField latin = robot.lookup("#personNameLatin").queryAs(TextField.class);
        robot.interact(() -> {
            robot.lookup("#personSex").<Sex>queryComboBox().setValue(Sex.FEMALE);
            robot.lookup("#personDocumentStatus").<DocumentStatus>queryComboBox().setValue(DocumentStatus.HELD);
            latin.setText("Li \u202eeciffo"); // pasted: JavaFX itself drops C0 controls such as ESC
        });
        Label nameError = robot.lookup("#error-nameLatin").queryAs(Label.class);
        Button save = robot.lookup("#personSave").queryButton();
        until(() -> nameError.getText().equals(I18n.t("validation.contains_control_or_hidden_formatting_characters")));
        assertThat(save.isDisabled()).isTrue();
        robot.interact(() -> latin.setText("\u200b\u200b"));
        until(() -> nameError.getText().equals(I18n.t("validation.contains_only_invisible_characters")));
        assertThat(save.isDisabled()).isTrue();
        robot.interact(() -> {
            latin.setText("Sok Dara");
            robot.lookup("#personNotes").queryAs(javafx.scene.control.TextArea.class).setText("first line\n\tsecond line");
        });
        until(() -> nameError.getText().isEmpty() && !save.isDisabled());
        robot.interact(() -> robot.lookup("#personNotes").queryAs(javafx.scene.control.TextArea.class).setText("note \u2066hidden"));
        Label notesError = robot.lookup("#error-notes").queryAs(Label.class);
        until(() -> save.isDisabled() && !notesError.getText().isEmpty());
        robot.clickOn("#personCancel");
        robot.clickOn("#discardConfirm");
    }

    @Test
    void demoDataFillsTheListWhichPagesAndSortsInTheDatabase(FxRobot robot) {
        until(() -> window.caseList().isLoaded());
        robot.interact(() -> org.haven.gui.shell.DemoDataStarter.start(window, 130));
        Label count = robot.lookup("#caseCount").queryAs(Label.class);
        Label page = robot.lookup("#pageLabel").queryAs(Label.class);
        until(() -> count.getText().equals(I18n.t("cases.count", 130, "130")));
        TableView<CaseListItem> table = robot.lookup("#caseTable").queryTableView();
        assertThat(table.getItems()).hasSize(CaseListPage.PAGE_SIZE);
        assertThat(page.getText()).isEqualTo(I18n.t("cases.page", "1", "100", "130"));

        robot.clickOn("#pageNext");
        until(() -> page.getText().equals(I18n.t("cases.page", "101", "130", "130")) && table.getItems().size() == 30);
        // "next" seeks past the last row shown (keyset): the same rows as the second page by offset
        org.haven.core.cases.CaseQuery newestFirst = new org.haven.core.cases.CaseQuery(null, null, null, null,
                org.haven.core.cases.CaseQuery.SortColumn.CASE_NUMBER, true, 0, CaseListPage.PAGE_SIZE);
        List<String> secondPage = haven.cases().search(newestFirst.page(CaseListPage.PAGE_SIZE, CaseListPage.PAGE_SIZE))
                .stream().map(CaseListItem::caseNumber).toList();
        assertThat(table.getItems()).extracting(CaseListItem::caseNumber).isEqualTo(secondPage);
        robot.clickOn("#pagePrevious");
        List<String> firstPage = haven.cases().search(newestFirst).stream().map(CaseListItem::caseNumber).toList();
        until(() -> page.getText().equals(I18n.t("cases.page", "1", "100", "130"))
                && table.getItems().stream().map(CaseListItem::caseNumber).toList().equals(firstPage));

        // Sorting by a column asks the database for the order (and starts again at the first page). The
        // headless robot's click does not reach the header's sort handler, so do what the header does.
        robot.interact(() -> {
            var nameColumn = table.getColumns().stream().filter(c -> "col-nameLatin".equals(c.getId())).findFirst().orElseThrow();
            nameColumn.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(nameColumn));
        });
        String first = haven.cases().search(new org.haven.core.cases.CaseQuery(null, null, null, null,
                org.haven.core.cases.CaseQuery.SortColumn.NAME, false, 0, 1)).get(0).nameLatin();
        try {
            until(() -> page.getText().startsWith(I18n.t("cases.page", "1", "100", "130"))
                    && table.getItems().get(0).nameLatin().equals(first));
        } catch (AssertionError e) {
            throw new AssertionError("page=" + page.getText() + " first=" + table.getItems().get(0).nameLatin()
                    + " expected=" + first + " sort=" + table.getSortOrder().stream().map(c -> c.getText() + c.getSortType()).toList(), e);
        }
    }

    private static Button eventButton(FxRobot robot, EventType type, String buttonClass) {
        return (Button) robot.lookup(".timeline-event").queryAll().stream()
                .filter(n -> ((org.haven.core.timeline.CaseEvent) n.getUserData()).type() == type)
                .findFirst().orElseThrow().lookup(buttonClass);
    }

    private static List<String> moveIds(FxRobot robot) {
        return robot.lookup("#moveMenu").queryAs(MenuButton.class).getItems().stream().map(MenuItem::getId).toList();
    }

    /** Waits (up to 60 s: the build machines are busy) until the condition, read on the FX thread, holds. */
    static void until(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The window did not reach the expected state in time", e);
        }
    }
}
