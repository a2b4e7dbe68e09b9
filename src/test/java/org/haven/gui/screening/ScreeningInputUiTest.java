package org.haven.gui.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.testing.FxWait.until;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.shell.MainWindow;
import org.haven.gui.toolkit.Theme;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.Outcome;
import org.haven.core.screening.Determination;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The screening at the smallest field laptop: a missing reason is shown where the user looks; a closed case's is read-only. */
@ExtendWith(ApplicationExtension.class)
class ScreeningInputUiTest {
    @TempDir static Path temp;
    Haven haven;
    MainWindow window;
    CaseFile caseFile;

    @Start
    void start(Stage stage) throws Exception {
        Theme.apply();
        haven = TestHaven.create(Files.createTempDirectory(temp, "haven"));
        caseFile = haven.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Hoa", "Nguyễn Thị Hoa")));
        window = TestStage.mainWindow(stage, haven, 1024, 700);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void aMissingOverrideReasonIsScrolledIntoViewAndFocused(FxRobot robot) {
        openScreening(robot);
        press(robot, "#consent-INTERVIEW"); // the person agreed to the interview: the indicators open
        press(robot, "#answer-DECEPTION-YES");
        robot.interact(() -> robot.lookup("#determination").<Determination>queryComboBox().setValue(Determination.NOT_A_VICTIM));
        // The user went back to the top of the form, then pressed Save at its foot.
        ScrollPane scroll = robot.lookup(".screening-form .scroll-pane").queryAs(ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(0));
        press(robot, "#save"); // fired, not clicked: what is tested is what Save does, not where the mouse lands
        Label error = robot.lookup("#error-overrideReason").queryAs(Label.class);
        // The error comes into view, with the cursor in the reason field.
        // The scene's focus owner: isFocused() also needs the window to be the active one, which other tests' windows may take.
        Node reason = robot.lookup("#overrideReason").query();
        until(() -> error.isVisible() && reason.getScene().getFocusOwner() == reason && inView(scroll, error),
                () -> "error visible " + error.isVisible() + ", focus owner " + reason.getScene().getFocusOwner()
                        + ", in view " + inView(scroll, error) + ", vvalue " + scroll.getVvalue());
        assertThat(error.getText()).isEqualTo(I18n.t("screening.error.reason"));
        assertThat(scroll.getVvalue()).isGreaterThan(0);
    }

    @Test
    void aClosedCasesScreeningCanBeReadButNotChanged(FxRobot robot) {
        haven.cases().move(caseFile.id(), caseFile.version(), CaseStatus.CLOSED, Outcome.LOST_CONTACT, "No answer for months", null);
        openScreening(robot);
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertThat(status.getText()).isEqualTo(I18n.t("screening.closedReadOnly"));
        assertThat(robot.lookup("#save").query().isVisible()).isFalse();
        assertThat(robot.lookup("#answer-DECEPTION-YES").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#determination").query().isDisabled()).isTrue();
    }

    @Test
    void escOnACaseWithAnUnsavedScreeningAsksFirst(FxRobot robot) {
        openScreening(robot);
        press(robot, "#consent-INTERVIEW"); // the person agreed to the interview: the indicators open
        press(robot, "#answer-DECEPTION-YES");
        robot.type(KeyCode.ESCAPE);
        // Enter goes to the focused window: wait until the question has the focus, as the user sees it.
        until(() -> robot.lookup("#discardDialog").tryQuery().map(d -> d.getScene().getWindow().isFocused()).orElse(false));
        robot.type(KeyCode.ENTER); // the default keeps editing
        until(() -> robot.lookup("#discardDialog").tryQuery().isEmpty());
        assertThat(((javafx.scene.control.ToggleButton) robot.lookup("#answer-DECEPTION-YES").query()).isSelected()).isTrue();

        robot.type(KeyCode.ESCAPE);
        until(() -> robot.lookup("#discardConfirm").tryQuery().isPresent());
        robot.clickOn("#discardConfirm");
        until(() -> robot.lookup("#answer-DECEPTION-YES").tryQuery().isEmpty()); // the case page closed
    }

    private void openScreening(FxRobot robot) {
        robot.interact(() -> window.openCase(caseFile.id()));
        until(() -> robot.lookup("#section-screening\\.tab").tryQuery().isPresent()
                || robot.lookup(".tab-pane").queryAll().stream().anyMatch(n -> n instanceof TabPane tp
                        && tp.getTabs().stream().anyMatch(t -> "section-screening.tab".equals(t.getId()))));
        robot.interact(() -> robot.lookup(".tab-pane").queryAll().stream().filter(n -> n instanceof TabPane).map(n -> (TabPane) n)
                .forEach(tp -> tp.getTabs().stream().filter(t -> "section-screening.tab".equals(t.getId())).findFirst()
                        .ifPresent(t -> tp.getSelectionModel().select(t))));
        until(() -> robot.lookup(n -> n instanceof Label l && I18n.t("screening.none").equals(l.getText())).tryQuery().isPresent());
    }

    private static boolean inView(ScrollPane scroll, Node node) {
        Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
        Bounds shown = node.localToScene(node.getLayoutBounds());
        return shown.getMinY() >= viewport.getMinY() && shown.getMaxY() <= viewport.getMaxY();
    }

    private static void press(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> ((ButtonBase) node).fire());
    }
}
