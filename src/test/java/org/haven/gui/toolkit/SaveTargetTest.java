package org.haven.gui.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.gui.reports.StatisticsView;
import org.haven.gui.summaries.SummaryDialog;
import org.haven.testing.WindowTest;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14, item 3, in the window: the CLI refused any output inside the data folder, but the
 * window's save dialogs wrote wherever the user pointed them (a summary saved as haven.keys would
 * make the database unopenable). Every window save now goes through {@link SaveTarget}; the system
 * file dialog is replaced here by a chosen path (it cannot be driven headless), the guard and the
 * messages are the real ones.
 */
class SaveTargetTest extends WindowTest {
    @Start
    void start(Stage stage) {
        showOwner(stage);
    }

    @AfterEach
    void forgetTheChosenPath() {
        SaveTarget.useChooser(null);
    }

    @Test
    void aSummarySavedIntoTheDataFolderIsRefusedAndTheFolderIsUntouched(FxRobot robot) throws Exception {
        haven = TestHaven.create(dir);
        CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", null)));
        Path keys = dir.resolve("haven.keys");
        SaveTarget.useChooser((window, request) -> keys);

        SummaryDialog[] dialog = new SummaryDialog[1];
        robot.interact(() -> dialog[0] = SummaryDialog.show(owner, haven.summaries(), List.of(c.id())));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof ImageView).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, String> before = snapshot(dir); // after the preview (which may write its audit entry)
        internalCopy(robot); // no consent to sharing is recorded: an internal copy needs no reason
        fire(robot, "#summary-save");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#save-refused").tryQuery().isPresent());

        DialogPane refusal = robot.lookup("#save-refused").queryAs(DialogPane.class);
        assertThat(refusal.getContentText()).isEqualTo(I18n.t("save.refused.dataFolder", dir.toAbsolutePath().toString()))
                .contains("data folder", "Nothing was saved");
        robot.interact(() -> ((Button) refusal.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(snapshot(dir)).as("the data folder, file by file").isEqualTo(before);
        try (Haven again = reopen()) {
            assertThat(again.cases().open(c.id()).person().nameLatin()).isEqualTo("Sok Dara");
        }
    }

    @Test
    void anExistingFileIsReplacedOnlyAfterTheUserSaidYes(FxRobot robot) throws Exception {
        haven = TestHaven.create(dir);
        CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", null)));
        Path existing = Files.writeString(out.resolve("minutes.pdf"), "the minutes of a meeting");
        SaveTarget.useChooser((window, request) -> existing);
        SummaryDialog[] dialog = new SummaryDialog[1];
        robot.interact(() -> dialog[0] = SummaryDialog.show(owner, haven.summaries(), List.of(c.id())));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof ImageView).tryQuery().isPresent());

        internalCopy(robot);
        fire(robot, "#summary-save");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#save-replace").tryQuery().isPresent());
        DialogPane question = robot.lookup("#save-replace").queryAs(DialogPane.class);
        assertThat(question.getContentText()).isEqualTo(I18n.t("save.replace", "minutes.pdf"));
        robot.interact(() -> ((Button) question.lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(existing)).as("kept after No").isEqualTo("the minutes of a meeting");

        fire(robot, "#summary-save");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#save-replace").tryQuery().isPresent());
        DialogPane again = robot.lookup("#save-replace").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) again.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#summary-status").queryAs(Label.class).getText().startsWith("Saved"));
        assertThat(Files.readAllBytes(existing)).as("replaced after Yes").startsWith("%PDF".getBytes());
    }

    @Test
    void theStatisticsExportRefusesADeviceAndTheDataFolderThroughALink(FxRobot robot) throws Exception {
        haven = TestHaven.create(dir);
        haven.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", null)));
        StatisticsView[] view = new StatisticsView[1];
        robot.interact(() -> {
            view[0] = new StatisticsView(haven);
            owner.setX(0); // the whole window on the headless screen
            owner.setY(0);
            owner.setScene(new Scene(view[0], 1000, 700));
            owner.sizeToScene();
        });
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> view[0].chart(org.haven.core.reports.StatisticsService.CASES_BY_STATUS) != null
                && !view[0].loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, String> before = snapshot(dir);

        // A link elsewhere that leads into the data folder: the real path decides.
        Path link = Files.createSymbolicLink(out.resolve("innocent"), dir);
        SaveTarget.useChooser((window, request) -> link.resolve("haven.mv.db"));
        fire(robot, "#stats-export-csv");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#save-refused").tryQuery().isPresent());
        DialogPane refusal = robot.lookup("#save-refused").queryAs(DialogPane.class);
        assertThat(refusal.getContentText()).isEqualTo(I18n.t("save.refused.dataFolder", dir.toAbsolutePath().toString()));
        robot.interact(() -> ((Button) refusal.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitForFxEvents();

        SaveTarget.useChooser((window, request) -> Path.of("/dev/null"));
        fire(robot, "#stats-export-csv");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#save-refused").tryQuery().isPresent());
        DialogPane device = robot.lookup("#save-refused").queryAs(DialogPane.class);
        assertThat(device.getContentText()).isEqualTo(I18n.t("save.refused.notAFile", "/dev/null"));
        robot.interact(() -> ((Button) device.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(snapshot(dir)).as("the data folder, file by file").isEqualTo(before);
    }

    /** Presses a button as a click would (the dialog may lie partly off the small headless screen). */
    /** Picks the internal copy and waits until Save is enabled (the consent check ran). */
    private static void internalCopy(FxRobot robot) throws java.util.concurrent.TimeoutException {
        robot.interact(() -> robot.lookup("#audience-internal").queryAs(javafx.scene.control.RadioButton.class).setSelected(true));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#summary-save").queryAs(Button.class).isDisabled());
    }

    private static void fire(FxRobot robot, String id) {
        Button button = robot.lookup(id).queryAs(Button.class);
        robot.interact(button::fire);
    }

    private Haven reopen() {
        haven.close();
        haven = null;
        return TestHaven.login(dir);
    }

    /** Each file of the folder with its size and content hash. */
    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.list(folder)) {
            for (Path p : all.toList()) {
                if (!Files.isRegularFile(p)) continue;
                byte[] bytes = Files.readAllBytes(p);
                files.put(p.getFileName().toString(), bytes.length + ":" + java.util.Arrays.hashCode(bytes));
            }
        }
        return files;
    }
}
