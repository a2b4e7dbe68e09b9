package org.haven.gui.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.gui.cases.CaseUiTest.until;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.shell.MainWindow;
import org.haven.gui.toolkit.Theme;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.NewCase;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
import org.haven.core.timeline.CaseEvent;
import org.haven.core.timeline.EventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 18, "input that never silently vanishes": what a caseworker types is kept, and what they saved can be found. */
@ExtendWith(ApplicationExtension.class)
class CaseInputUiTest {
    @TempDir
    static Path temp;

    private Haven haven;
    private MainWindow window;

    /** Databases made before the window starts: on a busy machine TestFX's start-up timeout is too short for both. */
    private static final java.util.Queue<Haven> READY = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @BeforeAll
    static void prepareDatabases() throws Exception {
        for (int i = 0; i < 2; i++) READY.add(TestHaven.create(Files.createTempDirectory(temp, "haven")));
    }

    @Start
    void start(Stage stage) throws Exception {
        Theme.apply();
        haven = READY.poll();
        if (haven == null) haven = TestHaven.create(Files.createTempDirectory(temp, "haven"));
        window = TestStage.mainWindow(stage, haven, 1200, 760);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void aKhmerOnlyNameIsSavedAfterEscAskedAndTheNewCaseCanBeOpenedThoughTheListHidesIt(FxRobot robot) {
        until(() -> window.caseList().isLoaded());
        // A search that the new case will not match: the list alone would never show it.
        TableView<CaseListItem> table = robot.lookup("#caseTable").queryTableView();
        robot.clickOn("#caseSearch").write("nobody-like-this");

        robot.clickOn("#newCaseButton");
        robot.clickOn("#personNameNative").write("សុខ ដារ៉ា");
        TextField latin = robot.lookup("#personNameLatin").queryAs(TextField.class);
        until(() -> latin.getPromptText().equals(I18n.t("person.nameLatin.derivedPrompt", "Sokh Dara")));

        // Esc on a filled form asks; Enter keeps editing, nothing typed is lost.
        robot.type(KeyCode.ESCAPE);
        until(() -> robot.lookup("#discardDialog").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        until(() -> robot.lookup("#discardDialog").tryQuery().isEmpty());
        assertThat(robot.lookup("#personNameNative").queryAs(TextField.class).getText()).isEqualTo("សុខ ដារ៉ា");

        robot.interact(() -> {
            robot.lookup("#personSex").<Sex>queryComboBox().setValue(Sex.FEMALE);
            robot.lookup("#personDocumentStatus").<DocumentStatus>queryComboBox().setValue(DocumentStatus.UNKNOWN);
        });
        robot.clickOn("#personEstimatedAge").write("16");
        Button save = robot.lookup("#personSave").queryButton();
        until(() -> !save.isDisabled()); // no Latin name typed, and none needed
        robot.clickOn("#personSave");
        until(() -> robot.lookup("#personSave").tryQuery().isEmpty());

        // The list's filter hides it, the banner says it was created and opens it.
        Label created = robot.lookup("#caseCreatedText").queryAs(Label.class);
        until(() -> !created.getText().isEmpty());
        assertThat(table.getItems()).isEmpty();
        robot.clickOn("#caseCreatedOpen");
        until(() -> robot.lookup("#caseNameLatin").tryQuery().isPresent());
        assertThat(created.getText()).isEqualTo(I18n.t("case.created.text", robot.lookup("#caseNumber").queryAs(Label.class).getText()));
        assertThat(robot.lookup("#caseNameLatin").queryAs(Label.class).getText()).isEqualTo("Sokh Dara");
        assertThat(robot.lookup("#caseNameLatinDerived").queryAs(Label.class).getText()).isEqualTo(I18n.t("person.nameLatin.derived"));
        assertThat(robot.lookup("#caseNameNative").queryAs(Label.class).getText()).isEqualTo("សុខ ដារ៉ា");
        // 16 at identification: flagged on the case.
        assertThat(robot.lookup("#caseMinor").queryAs(Label.class).getText()).isEqualTo(I18n.t("case.minor"));
        assertThat(robot.lookup("#caseCreatedBanner").tryQuery()).isEmpty();

        // Editing the person: the Latin field stays empty (nothing was typed), the derived name is its prompt.
        robot.clickOn("#editPerson");
        TextField editLatin = robot.lookup("#personNameLatin").queryAs(TextField.class);
        assertThat(editLatin.getText()).isNullOrEmpty();
        until(() -> editLatin.getPromptText().equals(I18n.t("person.nameLatin.derivedPrompt", "Sokh Dara")));
        robot.type(KeyCode.ESCAPE); // nothing changed: closes without asking
        until(() -> robot.lookup("#personSave").tryQuery().isEmpty());
        assertThat(robot.lookup("#discardDialog").tryQuery()).isEmpty();
    }

    @Test
    void anEventDialogAsksBeforeDiscardingAndEnterDoesNotDeleteAnEvent(FxRobot robot) {
        until(() -> window.caseList().isLoaded());
        CaseFile saved = haven.cases().register(new NewCase(Person.draft(null, "Adult Testperson", Sex.MALE, null, 30,
                "KH", null, false, DocumentStatus.HELD, null), null, LocalDate.now(), null, null));
        robot.interact(() -> window.openCase(saved.id()));
        until(() -> robot.lookup("#addEvent").tryQuery().isPresent());
        assertThat(robot.lookup("#caseMinor").tryQuery()).isEmpty(); // 30: not a minor

        robot.clickOn("#addEvent");
        robot.interact(() -> robot.lookup("#eventType").<EventType>queryComboBox().setValue(EventType.MEDICAL));
        robot.clickOn("#eventNote").write("Health check");
        robot.type(KeyCode.ESCAPE);
        until(() -> robot.lookup("#discardDialog").tryQuery().isPresent());
        robot.clickOn("#discardKeep");
        until(() -> robot.lookup("#discardDialog").tryQuery().isEmpty());
        assertThat(robot.lookup("#eventNote").queryAs(TextArea.class).getText()).isEqualTo("Health check");
        robot.clickOn("#eventSave");
        until(() -> robot.lookup(".timeline-note").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("Health check")));

        // Delete: the question opens with Cancel as the default, so Enter keeps the event.
        robot.clickOn(deleteButtonOf(robot, EventType.MEDICAL));
        until(() -> robot.lookup("#eventDeleteCancel").tryQuery().isPresent());
        assertThat(robot.lookup("#eventDeleteCancel").queryButton().isDefaultButton()).isTrue();
        assertThat(robot.lookup("#eventDeleteConfirm").queryButton().isDefaultButton()).isFalse();
        robot.type(KeyCode.ENTER);
        until(() -> robot.lookup("#eventDeleteCancel").tryQuery().isEmpty());
        assertThat(haven.timeline().events(saved.id()).stream().map(CaseEvent::type)).contains(EventType.MEDICAL);

        // An empty event form closes on Esc without a question.
        robot.clickOn("#addEvent");
        robot.type(KeyCode.ESCAPE);
        until(() -> robot.lookup("#eventSave").tryQuery().isEmpty());
        assertThat(robot.lookup("#discardDialog").tryQuery()).isEmpty();
    }

    private static Button deleteButtonOf(FxRobot robot, EventType type) {
        return (Button) robot.lookup(".timeline-event").queryAll().stream()
                .filter(n -> ((CaseEvent) n.getUserData()).type() == type)
                .findFirst().orElseThrow().lookup(".timeline-delete");
    }
}
