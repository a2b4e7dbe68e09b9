package org.haven.gui.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.testing.FxWait.until;

import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Theme;
import org.haven.core.cases.NewCase;
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

/** The operation form by keyboard: Ctrl+S saves, Esc asks before throwing a typed form away. */
@ExtendWith(ApplicationExtension.class)
class OperationFormKeysTest {
    @TempDir Path dir;
    Haven haven;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        haven = TestHaven.create(dir);
        TestStage.show(stage, new StackPane(), 1024, 700);
    }

    @AfterEach
    void close() {
        haven.close();
    }

    @Test
    void ctrlSSavesANewOperationAndEscAsksFirst(FxRobot robot) {
        robot.interact(() -> open(null));
        until(() -> robot.lookup("#operationName").tryQuery().isPresent()
                && !robot.lookup("#operationCode").queryAs(TextField.class).getText().isBlank());
        robot.clickOn("#operationName").write("Raid on compound K");

        robot.type(KeyCode.ESCAPE);
        until(() -> robot.lookup("#discardDialog").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE); // Esc on the question keeps editing too
        until(() -> robot.lookup("#discardDialog").tryQuery().isEmpty());
        assertThat(robot.lookup("#operationName").queryAs(TextField.class).getText()).isEqualTo("Raid on compound K");

        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        until(() -> robot.lookup("#operationName").tryQuery().isEmpty());
        assertThat(haven.operations().list()).extracting(Operation::name).containsExactly("Raid on compound K");
    }

    @Test
    void anOperationWithoutAPeopleFoundNumberShowsHowManyAreRegistered(FxRobot robot) {
        Operation raid = haven.operations().create(new Operation(null, "OP-K-01", "Raid K", LocalDate.now().minusDays(1),
                null, null, null, null, null, 0));
        for (String name : new String[] {"Sok One", "Sok Two"}) {
            haven.cases().register(new NewCase(Person.draft(null, name, Sex.MALE, null, 30, "KH", null, false,
                    DocumentStatus.HELD, null), raid.id(), raid.date(), null, null));
        }
        robot.interact(() -> open(raid));
        TextField found = robot.lookup("#operationPeopleFound").queryAs(TextField.class);
        until(() -> I18n.t("operation.peopleFound.registered", 2).equals(found.getPromptText()));
        robot.type(KeyCode.ESCAPE); // nothing typed: closes without a question
        until(() -> robot.lookup("#operationName").tryQuery().isEmpty());
        assertThat(robot.lookup("#discardDialog").tryQuery()).isEmpty();
    }

    private void open(Operation existing) {
        OperationFormDialog dialog = new OperationFormDialog(haven, existing);
        dialog.initOwner(stage);
        Theme.style(dialog.getDialogPane().getScene());
        dialog.show();
    }
}
