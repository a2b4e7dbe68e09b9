package org.haven.gui.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.gui.cases.CaseUiTest.until;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.shell.MainWindow;
import org.haven.gui.toolkit.Theme;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.MethodOfControl;
import org.haven.core.cases.RecruiterRelation;
import org.haven.core.cases.TraffickingDetails;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A caseworker records the trafficking details in the case view and finds them again after reopening the case. */
@ExtendWith(ApplicationExtension.class)
class TraffickingSectionTest {
    @TempDir
    static Path temp;

    private static Haven haven;
    private static CaseFile caseFile;
    private MainWindow window;

    /** The database is made before the window (on a busy machine, inside @Start it can outlast TestFX's set-up timeout). */
    @BeforeAll
    static void database() throws Exception {
        haven = TestHaven.create(Files.createTempDirectory(temp, "haven"));
        caseFile = haven.cases().register(TestHaven.newCase(TestHaven.person("Dara Testperson", null)));
    }

    @Start
    void start(Stage stage) {
        Theme.apply();
        window = TestStage.mainWindow(stage, haven, 1200, 760);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void recordedDetailsAreShownAfterReopeningTheCase(FxRobot robot) {
        openTraffickingTab(robot);
        assertThat(robot.lookup("#htcdsCountry").queryAs(TextField.class).getText()).isEmpty();

        // A country Haven does not know is refused before anything is saved.
        robot.clickOn("#htcdsCountry").write("Atlantis");
        save(robot);
        until(() -> I18n.t("htcds.country.unknown").equals(status(robot)));
        assertThat(haven.cases().traffickingDetails(caseFile.id()).isEmpty()).isTrue();

        robot.interact(() -> robot.lookup("#htcdsCountry").queryAs(TextField.class).setText(""));
        robot.clickOn("#htcdsCountry").write("Cambodia");
        press(robot, "#htcdsRelation-FRIEND");
        press(robot, "#htcdsRelation-FAMILY");
        press(robot, "#htcdsControl-THREAT_OF_LAW_ENFORCEMENT");
        press(robot, "#htcdsControl-WITHHOLDS_DOCUMENTS");
        save(robot);
        until(() -> I18n.t("htcds.saved").equals(status(robot)));

        TraffickingDetails stored = haven.cases().traffickingDetails(caseFile.id());
        assertThat(stored.countryOfExploitation()).isEqualTo("KH");
        assertThat(stored.recruiterRelations()).containsExactly(RecruiterRelation.FRIEND, RecruiterRelation.FAMILY);
        assertThat(stored.methodsOfControl()).containsExactly(MethodOfControl.THREAT_OF_LAW_ENFORCEMENT, MethodOfControl.WITHHOLDS_DOCUMENTS);

        // Close the case, open it again: the tab shows what was recorded.
        robot.interact(() -> window.closePage(robot.lookup("#caseView").query()));
        until(() -> robot.lookup("#caseView").tryQuery().isEmpty());
        openTraffickingTab(robot);
        assertThat(robot.lookup("#htcdsCountry").queryAs(TextField.class).getText()).isEqualTo("Cambodia");
        assertThat(selected(robot, "#htcdsRelation-FRIEND")).isTrue();
        assertThat(selected(robot, "#htcdsRelation-FAMILY")).isTrue();
        assertThat(selected(robot, "#htcdsRelation-INTIMATE_PARTNER")).isFalse();
        assertThat(selected(robot, "#htcdsControl-THREAT_OF_LAW_ENFORCEMENT")).isTrue();
        assertThat(selected(robot, "#htcdsControl-WITHHOLDS_DOCUMENTS")).isTrue();
        assertThat(selected(robot, "#htcdsControl-DEBT_BONDAGE")).isFalse();
        assertThat(robot.lookup("#htcdsControl-THREAT_OF_LAW_ENFORCEMENT").queryAs(CheckBox.class).getText())
                .isEqualTo(I18n.label(MethodOfControl.THREAT_OF_LAW_ENFORCEMENT));
    }

    private void openTraffickingTab(FxRobot robot) {
        robot.interact(() -> window.openCase(caseFile.id()));
        until(() -> robot.lookup("#caseSections").tryQuery().isPresent());
        robot.interact(() -> {
            TabPane sections = robot.lookup("#caseSections").queryAs(TabPane.class);
            sections.getTabs().stream().filter(t -> "section-htcds.tab".equals(t.getId())).findFirst()
                    .ifPresent(t -> sections.getSelectionModel().select(t));
        });
        until(() -> robot.lookup("#htcdsSave").tryQuery().map(n -> !((Button) n).isDisabled()).orElse(false));
    }

    /** Fires a check box the way a click does (rows below the fold are not on screen). */
    private static void press(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> ((CheckBox) node).fire());
    }

    /** Fires Save (a click could land on the country suggestions' popup; Escape would close the case). */
    private static void save(FxRobot robot) {
        Button save = robot.lookup("#htcdsSave").queryButton();
        robot.interact(save::fire);
    }

    private static boolean selected(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(CheckBox.class).isSelected();
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#htcdsStatus").queryAs(Label.class).getText();
    }
}
