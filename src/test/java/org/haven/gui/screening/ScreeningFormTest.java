package org.haven.gui.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseFile;
import org.haven.core.screening.Determination;
import org.haven.core.screening.Indicator;
import org.haven.core.screening.Screening;
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

/** Fills a screening as a caseworker would, against a real database. */
@ExtendWith(ApplicationExtension.class)
class ScreeningFormTest {
    @TempDir Path dir;
    Haven haven;
    CaseFile caseFile;

    @Start
    void start(Stage stage) {
        haven = TestHaven.create(dir);
        caseFile = haven.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Hoa", "Nguyễn Thị Hoa")));
        TestStage.show(stage, new ScreeningForm(haven, caseFile.id()), 1100, 760);
    }

    @AfterEach
    void close() {
        haven.close();
    }

    @Test
    void suggestionFollowsAnswersAndAnOverrideNeedsAReason(FxRobot robot) throws Exception {
        waitUntilLoaded(robot);
        press(robot, "#consent-INTERVIEW"); // the person agreed to the interview
        assertThat(text(robot, "#suggested")).isEqualTo(I18n.t("screening.suggested", "Undetermined"));

        press(robot, "#answer-EXCESSIVE_OVERTIME-YES");
        assertThat(text(robot, "#suggested")).contains("Undetermined");
        press(robot, "#answer-ISOLATION-YES");
        assertThat(text(robot, "#suggested")).contains("Presumed victim");
        assertThat(combo(robot).getValue()).isEqualTo(Determination.PRESUMED_VICTIM);
        assertThat(shown(robot, "#overrideReason")).isFalse();

        press(robot, "#answer-ISOLATION-NO");
        assertThat(text(robot, "#suggested")).contains("Undetermined");
        press(robot, "#answer-DEBT_BONDAGE-YES");
        assertThat(text(robot, "#suggested")).contains("Presumed victim");
        robot.clickOn("#answer-DECEPTION-YES");
        robot.clickOn("#note-DECEPTION").write("Promised an office job in Bangkok");

        // The caseworker disagrees: the reason field appears and is required.
        robot.interact(() -> combo(robot).setValue(Determination.UNDETERMINED));
        assertThat(shown(robot, "#overrideReason")).isTrue();
        robot.clickOn("#save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#error-overrideReason")).isEqualTo(I18n.t("screening.error.reason"));
        assertThat(haven.screening().latest(caseFile.id())).isEmpty();

        robot.interact(() -> ((TextInputControl) robot.lookup("#overrideReason").query()).setText("Needs a second interview with a Khmer interpreter"));
        robot.clickOn("#save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#status").isEmpty());
        assertThat(text(robot, "#status")).isEqualTo(I18n.t("screening.saved", "Undetermined"));

        Screening saved = haven.screening().latest(caseFile.id()).orElseThrow();
        assertThat(saved.suggested()).isEqualTo(Determination.PRESUMED_VICTIM);
        assertThat(saved.determination()).isEqualTo(Determination.UNDETERMINED);
        assertThat(saved.overrideReason()).isEqualTo("Needs a second interview with a Khmer interpreter");
        assertThat(saved.answers().get(Indicator.DECEPTION).note()).isEqualTo("Promised an office job in Bangkok");
        assertThat(haven.cases().open(caseFile.id()).events()).extracting(e -> e.type()).contains(EventType.SCREENING);
    }

    @Test
    void interviewConsentIsNotTickedByDefault(FxRobot robot) throws Exception {
        waitUntilLoaded(robot);
        CheckBox interview = (CheckBox) robot.lookup("#consent-INTERVIEW").query();
        assertThat(interview.isSelected()).isFalse();
        assertThat(robot.lookup("#answer-DECEPTION-YES").query().isDisabled()).isTrue();
        assertThat(shown(robot, "#noInterviewHint")).isTrue();
        for (org.haven.core.screening.ConsentPurpose p : org.haven.core.screening.ConsentPurpose.values()) {
            assertThat(((CheckBox) robot.lookup("#consent-" + p.name()).query()).isSelected()).as(p.name()).isFalse();
        }
        press(robot, "#consent-INTERVIEW");
        assertThat(robot.lookup("#answer-DECEPTION-YES").query().isDisabled()).isFalse();
        assertThat(shown(robot, "#noInterviewHint")).isFalse();
    }

    @Test
    void withoutConsentToTheInterviewTheIndicatorsAreDisabled(FxRobot robot) throws Exception {
        waitUntilLoaded(robot);
        press(robot, "#consent-INTERVIEW");
        press(robot, "#answer-DECEPTION-YES");
        assertThat(text(robot, "#suggested")).contains("Presumed victim");
        robot.interact(() -> ((CheckBox) robot.lookup("#consent-INTERVIEW").query()).setSelected(false));
        assertThat(text(robot, "#suggested")).contains("Undetermined");
        assertThat(robot.lookup("#answer-DECEPTION-YES").query().isDisabled()).isTrue();
        assertThat(shown(robot, "#noInterviewHint")).isTrue();
    }

    private static void waitUntilLoaded(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup(n -> n instanceof Label l && I18n.t("screening.none").equals(l.getText())).tryQuery().isPresent());
    }

    /** Presses a toggle the way a click does (rows below the fold are not on screen). */
    private static void press(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> ((ButtonBase) node).fire());
    }

    /** Visible on screen: the node and every parent. */
    private static boolean shown(FxRobot robot, String query) {
        for (Node n = robot.lookup(query).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return true;
    }

    private static String text(FxRobot robot, String query) {
        return ((Label) robot.lookup(query).query()).getText();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Determination> combo(FxRobot robot) {
        return (ComboBox<Determination>) robot.lookup("#determination").query();
    }
}
