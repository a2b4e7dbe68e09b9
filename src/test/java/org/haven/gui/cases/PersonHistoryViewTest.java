package org.haven.gui.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.shell.MainWindow;
import org.haven.gui.toolkit.Theme;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.NewCase;
import org.haven.core.cases.Outcome;
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

/**
 * A survivor deported in 2025 and found again: the new case, linked to the existing person, shows
 * the earlier case (number, dates, outcome) and says clearly that this may be re-trafficking.
 */
@ExtendWith(ApplicationExtension.class)
class PersonHistoryViewTest {
    @TempDir static Path temp;
    private Haven haven;
    private MainWindow window;
    private CaseFile first;
    private CaseFile again;

    @Start
    void start(Stage stage) throws Exception {
        Theme.apply();
        haven = TestHaven.create(Files.createTempDirectory(temp, "haven"));
        Person p = Person.draft("Nguyễn Thị Hương", "Nguyen Thi Huong", Sex.FEMALE, LocalDate.of(1997, 8, 20), null, "VN",
                "vi", true, DocumentStatus.LOST, null);
        first = haven.cases().register(new NewCase(p, null, LocalDate.of(2025, 1, 10), null, null));
        CaseFile c = haven.cases().move(first.id(), first.version(), CaseStatus.SCREENING, null, null, LocalDate.of(2025, 1, 20));
        c = haven.cases().move(c.id(), c.version(), CaseStatus.RETURN_PENDING, null, null, LocalDate.of(2025, 2, 15));
        haven.cases().move(c.id(), c.version(), CaseStatus.CLOSED, Outcome.DEPORTED, "Removed by immigration", LocalDate.of(2025, 3, 14));
        // Found again in a raid this year; the caseworker linked the registration to her.
        again = haven.matching().linkToExisting(first.personId(),
                new NewCase(Person.draft(null, "Thi Huong Nguyen", Sex.FEMALE, LocalDate.of(1997, 8, 20), null, "VN",
                        "vi", true, DocumentStatus.LOST, null), null, null, null, null));
        window = TestStage.mainWindow(stage, haven, 1024, 700);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void theLinkedCaseShowsTheEarlierDeportationAsAReTraffickingSignal(FxRobot robot) {
        CaseUiTest.until(() -> window.caseList().isLoaded());
        TableView<CaseListItem> table = robot.lookup("#caseTable").queryTableView();
        CaseUiTest.until(() -> table.getItems().stream().anyMatch(i -> i.caseNumber().equals(again.caseNumber())));
        robot.interact(() -> {
            table.getSelectionModel().select(table.getItems().stream().filter(i -> i.caseNumber().equals(again.caseNumber()))
                    .findFirst().orElseThrow());
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        CaseUiTest.until(() -> robot.lookup("#caseNumber").tryQuery().map(n -> ((Label) n).getText().equals(again.caseNumber()))
                .orElse(false));

        // The banner at the top of the case, in words.
        CaseUiTest.until(() -> robot.lookup("#retraffickingBanner").tryQuery().map(n -> n.isVisible()).orElse(false));
        String banner = robot.lookup("#retraffickingBanner").queryAs(Label.class).getText();
        assertThat(banner).isEqualTo(I18n.t("case.history.retrafficking", I18n.label(Outcome.DEPORTED),
                CaseListPage.formatDate(LocalDate.of(2025, 3, 14)), first.caseNumber()));
        // The earlier case in the person's facts: number, dates, outcome.
        Label line = robot.lookup("#history-" + first.caseNumber()).queryAs(Label.class);
        assertThat(line.getText()).isEqualTo(I18n.t("case.history.line", first.caseNumber(),
                CaseListPage.formatDate(LocalDate.of(2025, 1, 10)) + " – " + CaseListPage.formatDate(LocalDate.of(2025, 3, 14)),
                I18n.label(Outcome.DEPORTED)));
        assertThat(line.isVisible()).isTrue();

        // The earlier case itself, opened on its own, has no later return to warn about.
        robot.interact(() -> window.openCase(first.id()));
        CaseUiTest.until(() -> robot.lookup("#caseNumber").tryQuery().map(n -> ((Label) n).getText().equals(first.caseNumber()))
                .orElse(false));
        CaseUiTest.until(() -> robot.lookup("#history-" + again.caseNumber()).tryQuery().isPresent());
        // (one banner: the linked case's, in its own tab; the earlier case's own banner stays hidden)
        assertThat(robot.lookup("#retraffickingBanner").queryAllAs(Label.class).stream().filter(Label::isVisible)).hasSize(1);
    }
}
