package org.haven.gui.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.gui.intake.IntakeGridTesting.focusedCell;
import static org.haven.gui.intake.IntakeGridTesting.status;
import static org.haven.gui.intake.IntakeGridTesting.text;
import static org.haven.gui.intake.IntakeGridTesting.waitFor;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;
import org.haven.core.intake.IntakeHooks;
import org.haven.core.intake.IntakeService;
import org.haven.core.operations.Operation;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.base.NodeMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** A row flagged as a possible duplicate in the intake grid, resolved by the caseworker: link, someone else, cancel. */
@ExtendWith(ApplicationExtension.class)
class IntakeGridDuplicateTest {
    @TempDir static Path dir;
    static int instance;
    Haven haven;
    Operation raid;
    CaseFile existing;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        haven = TestHaven.create(dir.resolve("home" + (++instance)));
        existing = haven.cases().register(new NewCase(Person.draft("Nguyễn Thị Hương", "Nguyen Thi Huong", Sex.FEMALE,
                LocalDate.of(1997, 8, 20), null, "VN", "Vietnamese", true, DocumentStatus.LOST, null), null, null, null, null));
        raid = IntakeGridTesting.raid(haven, "OP-DUP", "Second raid");
        TestStage.show(stage, new IntakeGrid(haven, raid, IntakeHooks.duplicateCheck(haven),
                IntakeMenus.duplicateResolver(haven)), 1100, 420);
    }

    @AfterEach
    void close() {
        haven.close();
    }

    @Test
    void aFlaggedRowLinkedToTheExistingPersonBecomesTheirSecondCaseAndLeavesTheGrid(FxRobot robot) throws Exception {
        pasteNearDuplicateAndAnother(robot);
        waitFor(() -> robot.lookup("#intake-resolve-0").tryQuery().isPresent());
        assertThat(robot.lookup("#intake-resolve-1").tryQuery()).isEmpty(); // Li Na is nobody known

        robot.clickOn("#intake-resolve-0");
        waitVisible(robot, "#matchPrimary");
        robot.clickOn("#matchPrimary"); // "Link to this person", the best candidate is selected
        waitFor(() -> status(robot).contains("Registered as case"));

        var dsl = haven.database().dsl();
        assertThat(dsl.fetchCount(PERSON)).isEqualTo(1);
        assertThat(dsl.fetchCount(CASE_FILE, CASE_FILE.PERSON_ID.eq(existing.personId()))).isEqualTo(2);
        assertThat(dsl.fetchCount(CASE_FILE, CASE_FILE.PERSON_ID.eq(existing.personId()).and(CASE_FILE.OPERATION_ID.eq(raid.id()))))
                .isEqualTo(1);
        IntakeGrid grid = (IntakeGrid) stage.getScene().getRoot();
        assertThat(grid.rowsAsTyped()).extracting(r -> r.get(1)).containsExactly("Li Na");
        // the draft follows: only the row still in the grid is kept
        IntakeService service = new IntakeService(haven, c -> List.of());
        waitFor(() -> service.loadDraft(raid.id()).stream().map(r -> r.get(1)).toList().equals(List.of("Li Na")));
    }

    @Test
    void ctrlDAsksAgainAfterACancelAndSomeoneElseRegistersANewPerson(FxRobot robot) throws Exception {
        pasteNearDuplicateAndAnother(robot);
        waitFor(() -> robot.lookup("#intake-resolve-0").tryQuery().isPresent());
        robot.clickOn("#intake-0-1");
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        waitVisible(robot, "#matchSecondary");
        robot.type(KeyCode.ESCAPE); // cancel: nothing changes
        waitFor(() -> robot.lookup("#matchSecondary").tryQuery().isEmpty() && !robot.lookup("#intake-table").query().isDisabled());
        IntakeGrid grid = (IntakeGrid) stage.getScene().getRoot();
        assertThat(grid.rowsAsTyped()).hasSize(2);
        assertThat(haven.database().dsl().fetchCount(PERSON)).isEqualTo(1);

        robot.clickOn("#intake-0-1");
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        waitVisible(robot, "#matchSecondary");
        robot.clickOn("#matchSecondary"); // "This is someone else"
        waitFor(() -> status(robot).contains("Registered as case"));

        var dsl = haven.database().dsl();
        assertThat(dsl.fetchCount(PERSON)).isEqualTo(2);
        assertThat(dsl.fetchCount(CASE_FILE, CASE_FILE.PERSON_ID.eq(existing.personId()))).isEqualTo(1);
        assertThat(dsl.fetchCount(CASE_FILE, CASE_FILE.OPERATION_ID.eq(raid.id()))).isEqualTo(1);
        assertThat(grid.rowsAsTyped()).extracting(r -> r.get(1)).containsExactly("Li Na");
        // recorded as distinct: the pair is not proposed again
        Person registered = haven.cases().open(dsl.select(CASE_FILE.ID).from(CASE_FILE).where(CASE_FILE.OPERATION_ID.eq(raid.id()))
                .fetchOne(CASE_FILE.ID)).person();
        assertThat(haven.matching().findFor(registered, 10)).noneMatch(m -> m.personId().equals(existing.personId()));
    }

    @Test
    void saveNeverRegistersARowStillFlaggedAsALikelyDuplicate(FxRobot robot) throws Exception {
        pasteNearDuplicateAndAnother(robot);
        // Saved at once with Ctrl+S, whether or not the flag has shown yet.
        robot.clickOn("#intake-0-1");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitFor(() -> status(robot).contains("1 rows are likely people already in Haven and were not saved"));

        var dsl = haven.database().dsl();
        assertThat(dsl.fetchCount(PERSON)).isEqualTo(2); // the existing person and Li Na
        assertThat(dsl.fetchCount(CASE_FILE, CASE_FILE.PERSON_ID.eq(existing.personId()))).isEqualTo(1);
        IntakeGrid grid = (IntakeGrid) stage.getScene().getRoot();
        // The flagged row stays in the grid (and the draft), marked, with its way to decide.
        assertThat(grid.rowsAsTyped()).extracting(r -> r.get(1)).contains("Thi Huong Nguyen").doesNotContain("Li Na");
        waitFor(() -> robot.lookup("#intake-resolve-0").tryQuery().isPresent());
        IntakeService service = new IntakeService(haven, c -> List.of());
        waitFor(() -> service.loadDraft(raid.id()).stream().map(r -> r.get(1)).toList().equals(List.of("Thi Huong Nguyen")));

        // Saving again does not register it either: only an explicit choice does.
        robot.clickOn("#intake-save");
        waitFor(() -> status(robot).contains("Saved 0 people. 1 rows are likely"));
        assertThat(dsl.fetchCount(PERSON)).isEqualTo(2);
        robot.clickOn("#intake-resolve-0");
        waitVisible(robot, "#matchPrimary");
        robot.clickOn("#matchPrimary");
        waitFor(() -> status(robot).contains("Registered as case"));
        assertThat(dsl.fetchCount(CASE_FILE, CASE_FILE.PERSON_ID.eq(existing.personId()))).isEqualTo(2);
        assertThat(dsl.fetchCount(PERSON)).isEqualTo(2);
    }

    private void pasteNearDuplicateAndAnother(FxRobot robot) {
        waitFor(() -> focusedCell(robot) != null);
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            // the near-duplicate: the words in another order, no native name
            content.putString("\tThi Huong Nguyen\tf\t1997-08-20\tVN\tVietnamese\tyes\tlost\n李娜\tLi Na\tf\t22\tCN\tChinese\tno\tlost\n");
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        waitFor(() -> status(robot).contains("2 ready to save, 0 with errors"));
    }

    private static void waitVisible(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(query).match(NodeMatchers.isVisible()).tryQuery()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
