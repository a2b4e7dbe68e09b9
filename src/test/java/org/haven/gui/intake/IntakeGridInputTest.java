package org.haven.gui.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.gui.intake.IntakeGridTesting.focusedCell;
import static org.haven.gui.intake.IntakeGridTesting.status;
import static org.haven.gui.intake.IntakeGridTesting.text;

import java.nio.file.Path;
import java.time.LocalDate;
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
import org.haven.gui.toolkit.I18n;
import org.haven.core.operations.Operation;
import org.haven.core.people.Countries;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a caseworker types or pastes into the intake grid stays what they meant, and they see what it became. */
@ExtendWith(ApplicationExtension.class)
class IntakeGridInputTest {
    @TempDir static Path dir;
    static int instance;
    Haven haven;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        haven = TestHaven.create(dir.resolve("home" + (++instance)));
        Operation raid = IntakeGridTesting.raid(haven, "OP-INPUT", "Raid input");
        IntakeGridTesting.show(stage, haven, raid);
    }

    @AfterEach
    void close() {
        haven.close();
    }

    @Test
    void malayStaysMalayAndAChildIsFlaggedOnTheRow(FxRobot robot) {
        waitFor(() -> focusedCell(robot) != null);
        robot.write("Siti").type(KeyCode.TAB).write("Siti Aminah").type(KeyCode.TAB).write("f").type(KeyCode.TAB)
                .write("16").type(KeyCode.TAB).write("Malaysia").type(KeyCode.TAB).write("Malay").type(KeyCode.TAB);
        waitFor(() -> text(robot, "#intake-0-5").equals("Malay") && !focusedCell(robot).getId().equals("intake-0-5"));
        assertThat(text(robot, "#intake-0-4")).isEqualTo("Malaysia");
        assertThat(text(robot, "#intake-0-2")).isEqualTo(I18n.t("enum.Sex.FEMALE"));
        // 16 at identification: "Minor" beside the age, on the row.
        Label minor = robot.lookup("#intake-minor-0").queryAs(Label.class);
        waitFor(minor::isVisible);
        assertThat(minor.getText()).isEqualTo(I18n.t("intake.grid.minor"));
    }

    @Test
    void pastedCodesAreShownAsWordsAndTheKeysAreExplainedUnderTheGrid(FxRobot robot) {
        waitFor(() -> focusedCell(robot) != null);
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("ខេម\tKhem\tM\t30\tKH\tkm\tn\tlost\r\nលី\tLy\tF\t25\tvn\tvi, km\ty\tpolice\r\n"
                    + "王小明\t\t男\t17\tCN\tzh\tn\tunknown\r\n"); // a name in one script only
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        waitFor(() -> text(robot, "#intake-1-4").equals(Countries.name("VN")));
        assertThat(text(robot, "#intake-0-2")).isEqualTo(I18n.t("enum.Sex.MALE"));
        assertThat(text(robot, "#intake-0-4")).isEqualTo(Countries.name("KH"));
        assertThat(text(robot, "#intake-0-5")).isEqualTo("Khmer");
        assertThat(text(robot, "#intake-1-5")).isEqualTo("Vietnamese, Khmer");
        assertThat(text(robot, "#intake-0-6")).isEqualTo(I18n.t("intake.no"));
        assertThat(text(robot, "#intake-1-6")).isEqualTo(I18n.t("intake.yes"));
        assertThat(text(robot, "#intake-0-7")).isEqualTo(I18n.t("enum.DocumentStatus.LOST"));
        assertThat(robot.lookup("#intake-minor-0").queryAs(Label.class).isVisible()).isFalse();
        assertThat(text(robot, "#intake-2-2")).isEqualTo(I18n.t("enum.Sex.MALE"));
        waitFor(() -> status(robot).contains("3 ready to save, 0 with errors"));
        assertThat(robot.lookup("#intake-minor-2").queryAs(Label.class).isVisible()).isTrue();
        robot.clickOn("#intake-save");
        waitFor(() -> status(robot).contains("Saved 3 people."));
        assertThat(haven.cases().search(org.haven.core.cases.CaseQuery.text("xiaoming", 5)))
                .extracting(c -> c.nameLatin() + "/" + c.nameNative()).containsExactly("Wang Xiaoming/王小明");

        Label legend = robot.lookup("#intake-legend").queryAs(Label.class);
        assertThat(legend.isVisible()).isTrue();
        assertThat(legend.getText()).isEqualTo(I18n.t("intake.grid.legend")).contains("Ctrl+S", "Ctrl+V", "Tab");
    }

    private static void waitFor(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met in time", e);
        }
    }
}
