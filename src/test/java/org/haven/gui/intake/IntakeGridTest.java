package org.haven.gui.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.gui.intake.IntakeGridTesting.focusedCell;
import static org.haven.gui.intake.IntakeGridTesting.status;
import static org.haven.gui.intake.IntakeGridTesting.text;
import static org.haven.gui.intake.IntakeGridTesting.waitFor;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;
import org.haven.core.intake.IntakeHooks;
import org.haven.core.intake.IntakeService;
import org.haven.core.operations.Operation;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The bulk intake grid driven like a caseworker after a raid: keyboard, paste, restart. */
@ExtendWith(ApplicationExtension.class)
class IntakeGridTest {
    @TempDir static Path dir;
    static int instance;
    Haven haven;
    Operation raid;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        haven = TestHaven.create(dir.resolve("home" + (++instance)));
        raid = IntakeGridTesting.raid(haven, "OP-GRID", "Raid grid");
        // The application's theme (taller rows): twenty rows do not fit, so typing on scrolls the grid.
        IntakeGridTesting.show(stage, haven, raid);
    }

    @AfterEach
    void close() {
        haven.close();
    }

    @Test
    void twentyPeopleAreRegisteredWithTheKeyboardOnly(FxRobot robot) {
        waitFor(() -> focusedCell(robot) != null);
        for (int i = 0; i < 20; i++) {
            robot.write("Trần " + (char) ('A' + i)).type(KeyCode.TAB);
            robot.write("Tran " + (char) ('A' + i)).type(KeyCode.TAB);
            robot.write(i % 2 == 0 ? "f" : "m").type(KeyCode.TAB);
            robot.write(String.valueOf(18 + i)).type(KeyCode.TAB);
            robot.write("vi").type(KeyCode.TAB);
            robot.write("vi").type(KeyCode.TAB);
            robot.write("y").type(KeyCode.TAB);
            robot.write("c").type(KeyCode.ENTER);
        }
        // The robot can run ahead of a busy FX thread: wait until every typed key has been handled.
        waitFor(() -> status(robot).contains("20 ready to save, 0 with errors"));
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);

        waitFor(() -> status(robot).contains("Saved 20 people"));
        assertThat(haven.cases().count(CaseQuery.text("", 100))).isEqualTo(20);
        CaseListItem item = haven.cases().search(CaseQuery.text("tran c", 5)).getFirst();
        Person p = haven.cases().open(item.caseId()).person();
        assertThat(p.nameNative()).isEqualTo("Trần C");
        assertThat(p.sex()).isEqualTo(Sex.FEMALE);
        assertThat(p.estimatedAge()).isEqualTo(20);
        assertThat(p.nationality()).isEqualTo("VN");
        assertThat(p.languages()).isEqualTo("Vietnamese");
        assertThat(p.interpreterNeeded()).isTrue();
        assertThat(p.documentStatus()).isEqualTo(DocumentStatus.CONFISCATED);
        assertThat(item.operationCode()).isEqualTo("OP-GRID");
        // the draft is empty: everything was saved
        assertThat(new IntakeService(haven, IntakeHooks.duplicateCheck(haven)).loadDraft(raid.id())).isEmpty();
    }

    @Test
    void pastedRowsAreSavedAndTheBadOnesKeptWithTheirErrors(FxRobot robot) {
        waitFor(() -> focusedCell(robot) != null);
        StringBuilder tsv = new StringBuilder();
        Set<Integer> bad = Set.of(7, 23, 41);
        for (int i = 0; i < 50; i++) {
            String sex = i == 7 ? "q" : "Male";
            String age = i == 23 ? "2999-01-01" : String.valueOf(20 + i % 30);
            String nationality = i == 41 ? "Atlantis" : "KH";
            tsv.append("សុខ ").append(i).append('\t').append("Sok ").append(i).append('\t').append(sex).append('\t')
                    .append(age).append('\t').append(nationality).append('\t').append("Khmer").append('\t')
                    .append("no").append('\t').append("lost").append("\r\n");
        }
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(tsv.toString());
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        waitFor(() -> status(robot).contains("47 ready to save, 3 with errors"));

        robot.clickOn("#intake-save");
        waitFor(() -> status(robot).contains("Saved 47 people. 3 rows with errors were kept"));

        assertThat(haven.cases().count(CaseQuery.text("", 100))).isEqualTo(47);
        IntakeGrid grid = (IntakeGrid) stage.getScene().getRoot();
        List<List<String>> kept = grid.rowsAsTyped();
        assertThat(kept).extracting(r -> r.get(1)).containsExactly("Sok 7", "Sok 23", "Sok 41");
        // each kept row shows its error on the right cell
        assertThat(errorTooltip(robot, "#intake-0-2")).isEqualTo("not a known value (male, female, transgender / non-conforming, unknown)");
        assertThat(errorTooltip(robot, "#intake-1-3")).isEqualTo("cannot be in the future");
        assertThat(errorTooltip(robot, "#intake-2-4")).isEqualTo("not a known country (use an ISO code or the English name)");
        for (int i : bad) assertThat(haven.cases().search(CaseQuery.text("Sok " + i, 5)))
                .noneMatch(c -> c.nameLatin().equals("Sok " + i));
        // and they are the draft, kept in the database
        waitFor(() -> new IntakeService(haven, c -> List.of()).loadDraft(raid.id()).size() == 3);
    }

    @Test
    void anUnsavedDraftIsOfferedBackAfterARestart(FxRobot robot) {
        waitFor(() -> focusedCell(robot) != null);
        robot.write("Lê Văn Tám").type(KeyCode.TAB).write("Le Van Tam").type(KeyCode.TAB).write("m");
        IntakeService service = new IntakeService(haven, c -> List.of());
        waitFor(() -> service.loadDraft(raid.id()).stream().anyMatch(r -> r.get(2).equals("Male")));

        // "crash": the window goes away without saving; Haven is opened again
        robot.interact(() -> stage.getScene().setRoot(new Label("closed")));
        haven.close();
        haven = TestHaven.login(dir.resolve("home" + instance));
        robot.interact(() -> stage.getScene().setRoot(new IntakeGrid(haven, raid)));

        waitFor(() -> robot.lookup("#intake-draft-restore").tryQuery().isPresent());
        robot.type(KeyCode.ENTER); // the restore button has the focus
        waitFor(() -> robot.lookup("#intake-0-0").tryQuery().isPresent());
        IntakeGrid grid = (IntakeGrid) stage.getScene().getRoot();
        assertThat(grid.rowsAsTyped()).containsExactly(List.of("Lê Văn Tám", "Le Van Tam", "Male", "", "", "", "", ""));
        assertThat(robot.lookup("#intake-0-3").queryAs(TextField.class).getStyleClass()).doesNotContain("intake-error");
        assertThat(robot.lookup("#intake-0-7").queryAs(TextField.class).getTooltip().getText()).isEqualTo("required");
        assertThat(haven.cases().count(CaseQuery.text("", 10))).isZero();
    }

    private static String errorTooltip(FxRobot robot, String id) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        assertThat(f.getStyleClass()).contains("intake-error");
        return f.getTooltip().getText();
    }
}
