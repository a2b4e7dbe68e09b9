package org.haven.gui.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.LegalRole;
import org.haven.core.cases.NewCase;
import org.haven.core.operations.Operation;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.core.screening.Answer;
import org.haven.core.screening.Consent;
import org.haven.core.screening.ConsentGiver;
import org.haven.core.screening.ConsentPurpose;
import org.haven.core.screening.Determination;
import org.haven.core.screening.Indicator;
import org.haven.core.screening.IndicatorAnswer;
import org.haven.core.screening.Screening;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
import org.haven.testing.WindowTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The operations list, the operation form and one operation's page, against a real database. */
class OperationPagesTest extends WindowTest {
    StackPane root = new StackPane();
    final AtomicReference<UUID> opened = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        haven = TestHaven.create(dir);
        TestStage.show(stage, root, 1100, 760); // Haven's theme, as the main window shows the pages
    }

    @Test
    void operationPageCountsItsCasesFlagsNonPunishmentAndOpensACase(FxRobot robot) throws Exception {
        Operation raid = haven.operations().create(new Operation(null, "OP-X-01", "Compound raid", LocalDate.now().minusDays(1),
                "Preah Sihanouk", "Building C", "Police, IOM", 3, null, 0));
        CaseFile hoa = register(raid, "Nguyen Thi Hoa", Sex.FEMALE, "VN");
        register(raid, "Budi Santoso", Sex.MALE, "ID");
        register(raid, "Tran Van Nam", Sex.MALE, "VN");
        haven.cases().setLegalRole(hoa.id(), hoa.version(), LegalRole.SUSPECT);
        screenPresumed(hoa);

        robot.interact(() -> root.getChildren().setAll(new OperationPage(haven, raid.id(), opened::set)));
        TableView<?> table = robot.lookup("#operationCases").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);

        assertThat(robot.lookup("#operationTotal").queryAs(Label.class).getText()).isEqualTo(I18n.t("operation.summary.cases", 3));
        assertThat(labels(robot)).contains("Vietnam", "Indonesia", I18n.label(Determination.PRESUMED_VICTIM),
                I18n.label(org.haven.core.cases.CaseQuery.ScreeningFilter.NOT_SCREENED));
        // The flag shows in the table once its cells are laid out.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(I18n.t("operation.flag")).tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(hoa.caseNumber()).tryQuery().isPresent());

        robot.doubleClickOn(hoa.caseNumber());
        assertThat(opened.get()).isEqualTo(hoa.id());
    }

    @Test
    void newOperationFormValidatesInlineThenSavesAndOpensIt(FxRobot robot) throws Exception {
        robot.interact(() -> root.getChildren().setAll(new OperationListPage(haven, opened::set)));
        robot.clickOn("#operationNew");
        TextField code = robot.lookup("#operationCode").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !code.getText().isEmpty());
        Node save = robot.lookup("#operationSave").query();
        assertThat(save.isDisabled()).isTrue();
        assertThat(robot.lookup("#error-name").queryAs(Label.class).getText()).isEqualTo(I18n.t("operation.error.required"));

        robot.clickOn("#operationName").write("Night raid");
        robot.clickOn("#operationPeopleFound").write("about 40");
        assertThat(robot.lookup("#error-peopleFound").queryAs(Label.class).getText()).isEqualTo(I18n.t("operation.error.number"));
        assertThat(save.isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#operationPeopleFound").queryAs(TextField.class).setText("40"));
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn("#operationSave");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#operationTitle").tryQuery()
                .map(n -> ((Label) n).getText().contains("Night raid")).orElse(false));
        assertThat(haven.operations().list()).extracting(Operation::name).containsExactly("Night raid");
        assertThat(haven.operations().list().getFirst().peopleFound()).isEqualTo(40);

        robot.clickOn("#operationsBack");
        TableView<?> ops = robot.lookup("#operationsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ops.getItems().size() == 1);
    }

    private static java.util.List<String> labels(FxRobot robot) {
        return robot.lookup("#operationCounts").lookup((java.util.function.Predicate<Node>) n -> n instanceof Label).queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
    }

    private CaseFile register(Operation op, String name, Sex sex, String nationality) {
        Person p = Person.draft(null, name, sex, null, 30, nationality, null, false, DocumentStatus.NONE, null);
        return haven.cases().register(new NewCase(p, op.id(), null, null, null));
    }

    private void screenPresumed(CaseFile c) {
        Map<Indicator, IndicatorAnswer> answers = new EnumMap<>(Indicator.class);
        answers.put(Indicator.DEBT_BONDAGE, new IndicatorAnswer(Indicator.DEBT_BONDAGE, Answer.YES, null));
        haven.screening().save(Screening.draft(c.id(), LocalDate.now(), false, null, answers,
                new Consent(ConsentGiver.PERSON, LocalDate.now(), EnumSet.of(ConsentPurpose.INTERVIEW)), null, null, null,
                Determination.PRESUMED_VICTIM, null));
    }
}
