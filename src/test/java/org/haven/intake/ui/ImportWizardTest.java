package org.haven.intake.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.haven.Haven;
import org.haven.cases.CaseListItem;
import org.haven.cases.CaseQuery;
import org.haven.operations.Operation;
import org.haven.people.Person;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The import wizard: a list whose headers Haven cannot guess, mapped by hand, previewed, imported. */
@ExtendWith(ApplicationExtension.class)
class ImportWizardTest {
    @TempDir Path dir;
    Haven haven;
    boolean closed;

    @Start
    void start(Stage stage) {
        haven = TestHaven.create(dir.resolve("home"));
        haven.operations().create(new Operation(null, "OP-WIZ", "Raid wizard", LocalDate.now().minusDays(3),
                null, null, null, null, null, 0));
        stage.setScene(new Scene(new ImportWizard(haven, () -> closed = true), 1100, 650));
        stage.show();
    }

    @AfterEach
    void close() {
        haven.close();
    }

    @Test
    void aListIsImportedWithAColumnMappingChosenInTheWizard(FxRobot robot) throws Exception {
        Path file = dir.resolve("police-list.csv");
        Files.writeString(file, "Person;Native;G;Born;Land;Papers;Remarks\r\n"
                + "Nguyen Van Nam;Nguyễn Văn Nam;M;1990-01-02;VNM;taken;\r\n"
                + "Chan Sophea;ចាន់ សុភា;?x;;KHM;lost;\r\n"
                + "Li Mei;李梅;F;;CHN;embassy;\"arrived, 2 weeks ago\"\r\n", StandardCharsets.UTF_8);

        waitFor(() -> robot.lookup("#import-operation").queryAs(ComboBox.class).getValue() != null);
        robot.clickOn("#import-file").write(file.toString());
        robot.clickOn("#import-read");
        waitFor(() -> summary(robot).contains("Map a column to: Latin name, Sex"));
        assertThat(robot.lookup("#import-run").queryAs(Button.class).isDisabled()).isTrue();
        // the guess found what it could
        assertThat(robot.lookup("#import-map-date_of_birth").queryAs(ComboBox.class).getValue()).isEqualTo("Born");
        assertThat(robot.lookup("#import-map-notes").queryAs(ComboBox.class).getValue()).isEqualTo("Remarks");

        map(robot, "name_latin", "Person");
        map(robot, "name_native", "Native");
        map(robot, "sex", "G");
        map(robot, "nationality", "Land");
        map(robot, "document_status", "Papers");
        waitFor(() -> summary(robot).startsWith("3 rows: 2 valid, 1 with errors"));
        TableView<?> preview = robot.lookup("#import-preview").queryAs(TableView.class);
        assertThat(preview.getItems()).hasSize(3);
        assertThat(robot.lookup(".import-invalid").queryAll()).hasSize(1);
        assertThat(robot.lookup("Sex: not a known value (male, female, transgender / non-conforming, unknown)").tryQuery()).isPresent();

        robot.clickOn("#import-run");
        waitFor(() -> summary(robot).equals("Imported 2 people under operation OP-WIZ."));

        assertThat(haven.cases().count(CaseQuery.text("", 10))).isEqualTo(2);
        CaseListItem li = haven.cases().search(CaseQuery.text("李梅", 5)).getFirst();
        Person p = haven.cases().open(li.caseId()).person();
        assertThat(p.nameLatin()).isEqualTo("Li Mei");
        assertThat(p.notes()).isEqualTo("arrived, 2 weeks ago");
        assertThat(li.operationCode()).isEqualTo("OP-WIZ");
        assertThat(haven.cases().search(CaseQuery.text("sophea", 5))).isEmpty();

        robot.clickOn("#import-cancel");
        assertThat(closed).isTrue();
    }

    /** Picks a CSV header for a Haven field in the mapping box, as a user would from its list. */
    private static void map(FxRobot robot, String field, String header) {
        ComboBox<?> box = robot.lookup("#import-map-" + field).queryAs(ComboBox.class);
        robot.interact(() -> box.getSelectionModel().select(box.getItems().indexOf(header)));
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#import-summary").queryAs(Label.class).getText();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
