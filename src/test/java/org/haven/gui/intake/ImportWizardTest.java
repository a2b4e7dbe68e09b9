package org.haven.gui.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;
import org.haven.core.operations.Operation;
import org.haven.core.people.Person;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
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
        TestStage.show(stage, new ImportWizard(haven, () -> closed = true), 1100, 650);
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

    @Test
    void theSameListAgainHoldsBackItsLinesUntilEachIsDecided(FxRobot robot) throws Exception {
        // Three people already in Haven, from an earlier list.
        org.haven.core.cases.CaseFile nam = haven.cases().register(new org.haven.core.cases.NewCase(Person.draft("Nguyễn Văn Nam", "Nguyen Van Nam",
                org.haven.core.people.Sex.MALE, LocalDate.of(1990, 1, 2), null, "VN", null, false, org.haven.core.people.DocumentStatus.HELD, null),
                null, null, null, null));
        org.haven.core.cases.CaseFile dara = haven.cases().register(new org.haven.core.cases.NewCase(Person.draft("សុខ ដារ៉ា", "Sok Dara",
                org.haven.core.people.Sex.MALE, null, 30, "KH", null, false, org.haven.core.people.DocumentStatus.LOST, null),
                null, null, null, null));
        haven.cases().register(new org.haven.core.cases.NewCase(Person.draft(null, "Tran Thi Mai",
                org.haven.core.people.Sex.FEMALE, LocalDate.of(2001, 5, 6), null, "VN", null, false, org.haven.core.people.DocumentStatus.LOST, null),
                null, null, null, null));
        Path file = dir.resolve("again.csv");
        Files.writeString(file, "name_latin,name_native,sex,date_of_birth,nationality,document_status\n"
                + "Nguyen Van Nam,Nguyễn Văn Nam,M,1990-01-02,Vietnam,held\n"      // row 2: the same person
                + "Li Mei,李梅,F,,China,embassy\n"                                   // row 3: someone new
                + "Dara Sok,,M,,Cambodia,lost\n"                                      // row 4: the same person, names swapped
                + "Tran Thi Mai,,F,2001-05-06,Vietnam,lost\n", StandardCharsets.UTF_8); // row 5: the same name

        waitFor(() -> robot.lookup("#import-operation").queryAs(ComboBox.class).getValue() != null);
        robot.clickOn("#import-file").write(file.toString());
        robot.clickOn("#import-read");
        waitFor(() -> summary(robot).contains(org.haven.gui.toolkit.I18n.t("intake.wizard.undecided", 3)));
        Button run = robot.lookup("#import-run").queryAs(Button.class);
        assertThat(run.isDisabled()).isTrue(); // nothing goes in while a likely duplicate has no decision
        assertThat(robot.lookup("#import-decide-3").tryQuery()).isEmpty(); // Li Mei is nobody known

        // Enter in the resolver decides nothing.
        robot.clickOn("#import-decide-2");
        waitShown(robot, "#matchLater");
        robot.clickOn("#matchNewLatin");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> robot.lookup("#matchLater").tryQuery().isEmpty());
        assertThat(decision(robot, 2)).isEqualTo(org.haven.gui.toolkit.I18n.t("intake.wizard.decision.none"));

        robot.clickOn("#import-decide-2");
        waitShown(robot, "#matchPrimary");
        robot.clickOn("#matchPrimary"); // link to Nguyen Van Nam
        waitFor(() -> decision(robot, 2).equals(org.haven.gui.toolkit.I18n.t("intake.wizard.decision.LINK")));
        robot.clickOn("#import-decide-4");
        waitShown(robot, "#matchSkip");
        robot.clickOn("#matchSkip");
        waitFor(() -> decision(robot, 4).equals(org.haven.gui.toolkit.I18n.t("intake.wizard.decision.SKIP")));
        assertThat(run.isDisabled()).isTrue();
        robot.clickOn("#import-decide-5");
        waitShown(robot, "#matchSecondary");
        robot.clickOn("#matchSecondary"); // a different Tran Thi Mai: register as new
        waitFor(() -> !run.isDisabled());
        assertThat(summary(robot)).doesNotContain(org.haven.gui.toolkit.I18n.t("intake.wizard.undecided", 1));

        robot.clickOn("#import-run");
        waitFor(() -> summary(robot).equals(org.haven.gui.toolkit.I18n.t("intake.wizard.doneLinked", 3, "OP-WIZ", 1)));
        var dsl = haven.database().dsl();
        var CASE = org.haven.core.db.jooq.Tables.CASE_FILE;
        assertThat(dsl.fetchCount(org.haven.core.db.jooq.Tables.PERSON)).isEqualTo(5); // three before, Li Mei, the other Tran Thi Mai
        assertThat(dsl.fetchCount(CASE, CASE.PERSON_ID.eq(nam.personId()))).isEqualTo(2);
        assertThat(dsl.fetchCount(CASE, CASE.PERSON_ID.eq(dara.personId()))).isEqualTo(1);
        var AUDIT = org.haven.core.db.jooq.Tables.AUDIT_LOG;
        assertThat(dsl.select(AUDIT.DETAIL).from(AUDIT).where(AUDIT.ACTION.eq("IMPORT_DUPLICATES_ALLOWED")).fetch(AUDIT.DETAIL))
                .containsExactly("rows=1");
    }

    private static String decision(FxRobot robot, int row) {
        return robot.lookup("#import-decision-" + row).queryAs(Label.class).getText();
    }

    private static void waitShown(FxRobot robot, String query) throws Exception {
        waitFor(() -> robot.lookup(query).tryQuery().filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing()).isPresent());
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
