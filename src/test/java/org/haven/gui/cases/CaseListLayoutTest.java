package org.haven.gui.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.gui.cases.CaseUiTest.until;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.shell.MainWindow;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.NewCase;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.testing.MainWindowTest;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 18, "Layouts that hold": the case list on the smallest laptop screens in the field
 * (1024x700), its labelled filters (a typed nationality, several statuses at once), a count that
 * says the real number, and what a new database's empty list offers.
 */
class CaseListLayoutTest extends MainWindowTest {
    private Haven haven;

    @Start
    void start(Stage stage) throws Exception {
        keepStage(stage);
        haven = newHaven();
    }

    /** The main window at 1024x700 in a language, as a caseworker's laptop shows it. */
    private void show(FxRobot robot, Locale language) {
        robot.interact(() -> {
            I18n.setLocale(language);
            window = new MainWindow(haven, stage); // a second language: a new window on the same open database
            TestStage.show(stage, window.root(), 1024, 700);
        });
        until(() -> window.caseList().isLoaded());
    }

    @Test
    void theFiltersAreLabelledAndReadableAt1024x700InEnglishAndKhmer(FxRobot robot) {
        register("Sok Dara", "KH");
        for (Locale language : List.of(Locale.ENGLISH, Locale.of("km"))) {
            show(robot, language);
            Parent filters = robot.lookup("#caseFilters").queryParent();
            List<String> labels = filters.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
            assertThat(labels).as(language + ": each filter says what it filters").contains(
                    I18n.t("cases.filter.status"), I18n.t("cases.filter.nationality"),
                    I18n.t("cases.filter.operation"), I18n.t("cases.filter.screening"));
            double width = stage.getScene().getWidth();
            for (Node control : List.<Node>of(robot.lookup("#statusFilter").query(), robot.lookup("#nationalityFilter").query(),
                    robot.lookup("#operationFilter").query(), robot.lookup("#screeningFilter").query(),
                    robot.lookup("#caseSearch").query(), robot.lookup("#newCaseButton").query())) {
                Bounds b = control.localToScene(control.getLayoutBounds());
                assertThat(b.getMinX()).as(language + " " + control.getId() + " starts on the screen").isGreaterThanOrEqualTo(0);
                assertThat(b.getMaxX()).as(language + " " + control.getId() + " ends on the screen").isLessThanOrEqualTo(width);
                assertThat(b.getWidth()).as(language + " " + control.getId() + " keeps its width")
                        .isGreaterThanOrEqualTo(((javafx.scene.layout.Region) control).prefWidth(-1) - 0.5);
            }
            // No word of the toolbar and the filters is cut to "...": not a label, a button, nor a box's value.
            List<String> cut = robot.lookup(".page-toolbar").queryParent().getParent().lookupAll("*").stream()
                    .filter(n -> n instanceof Labeled l && l.isVisible() && l.isTextTruncated())
                    .map(n -> ((Labeled) n).getText()).toList();
            assertThat(cut).as(language + ": nothing cut").isEmpty();
            // The table keeps room for many rows below the filters.
            TableView<?> table = robot.lookup("#caseTable").queryTableView();
            assertThat(table.getHeight()).as(language + ": the list keeps its room").isGreaterThan(300);
        }
    }

    @Test
    void typingPartOfACountryOffersItAndFiltersTheList(FxRobot robot) {
        register("Aung Min", "MM");
        register("Nguyen Van An", "VN");
        register("Sok Dara", "KH");
        show(robot, Locale.ENGLISH);
        TableView<CaseListItem> table = robot.lookup("#caseTable").queryTableView();
        until(() -> table.getItems().size() == 3);

        robot.clickOn("#nationalityFilter").write("Myan");
        String myanmar = I18n.country("MM");
        until(() -> suggestions(robot).contains(myanmar));
        assertThat(suggestions(robot)).containsExactly(myanmar);
        robot.clickOn(suggestion(robot, myanmar));
        until(() -> table.getItems().size() == 1 && table.getItems().getFirst().nameLatin().equals("Aung Min"));
        assertThat(robot.lookup("#nationalityFilter").queryTextInputControl().getText()).isEqualTo(myanmar);

        // Emptied, the field shows every nationality again.
        robot.interact(() -> robot.lookup("#nationalityFilter").queryTextInputControl().clear());
        until(() -> table.getItems().size() == 3);
    }

    @Test
    void inKhmerTheCountriesAreOfferedByTheirKhmerNames(FxRobot robot) {
        register("Aung Min", "MM");
        register("Sok Dara", "KH");
        show(robot, Locale.of("km"));
        TableView<CaseListItem> table = robot.lookup("#caseTable").queryTableView();
        until(() -> table.getItems().size() == 2);
        robot.clickOn("#nationalityFilter").write("Myan"); // an English name typed in a Khmer window
        String myanmarInKhmer = I18n.country("MM");
        assertThat(myanmarInKhmer).isNotEqualTo(Locale.of("", "MM").getDisplayCountry(Locale.ENGLISH));
        until(() -> suggestions(robot).contains(myanmarInKhmer));
        robot.clickOn(suggestion(robot, myanmarInKhmer));
        until(() -> table.getItems().size() == 1 && table.getItems().getFirst().nameLatin().equals("Aung Min"));
    }

    @Test
    void aLongStatusShowsWholeAt1024(FxRobot robot) {
        CaseFile c = register("Tran Thi Lan", "VN");
        c = haven.cases().move(c.id(), c.version(), CaseStatus.SCREENING, null, null, null);
        c = haven.cases().move(c.id(), c.version(), CaseStatus.ASSISTANCE, null, null, null);
        haven.cases().move(c.id(), c.version(), CaseStatus.RETURN_PENDING, null, null, null);
        show(robot, Locale.ENGLISH);
        String label = I18n.label(CaseStatus.RETURN_PENDING);
        // the text the cell draws: JavaFX shortens a word that does not fit to "Return pendi..."
        until(() -> robot.lookup(".table-cell").queryAll().stream().anyMatch(n -> n instanceof javafx.scene.control.TableCell<?, ?> cell
                && label.equals(cell.getText())));
        javafx.scene.control.TableCell<?, ?> cell = (javafx.scene.control.TableCell<?, ?>) robot.lookup(".table-cell")
                .match(n -> n instanceof javafx.scene.control.TableCell<?, ?> tc && label.equals(tc.getText())).query();
        javafx.scene.text.Text drawn = (javafx.scene.text.Text) cell.lookup(".text");
        assertThat(drawn.getText()).isEqualTo(label);
    }

    /** The status's line in the open filter list (the table's own status cells show the same word). */
    private static javafx.scene.Node statusChoice(FxRobot robot, CaseStatus status) {
        java.util.function.Predicate<javafx.scene.Node> choice = n -> n instanceof javafx.scene.control.ListCell<?> cell
                && cell.isVisible() && I18n.label(status).equals(cell.getText());
        until(() -> robot.lookup(choice::test).tryQuery().isPresent());
        return robot.lookup(choice::test).query();
    }

    @Test
    void severalStatusesCanBeTickedAtOnce(FxRobot robot) {
        register("Sok Dara", "KH");
        CaseFile screening = register("Chan Vanna", "KH");
        haven.cases().move(screening.id(), screening.version(), CaseStatus.SCREENING, null, null, null);
        CaseFile assisted = register("Lim Sreymom", "KH");
        assisted = haven.cases().move(assisted.id(), assisted.version(), CaseStatus.SCREENING, null, null, null);
        haven.cases().move(assisted.id(), assisted.version(), CaseStatus.ASSISTANCE, null, null, null);
        show(robot, Locale.ENGLISH);
        TableView<CaseListItem> table = robot.lookup("#caseTable").queryTableView();
        until(() -> table.getItems().size() == 3);
        StatusFilterBox status = robot.lookup("#statusFilter").queryAs(StatusFilterBox.class);
        assertThat(status.getTitle()).isEqualTo(I18n.t("cases.filter.allStatuses"));

        robot.clickOn("#statusFilter");
        robot.clickOn(statusChoice(robot, CaseStatus.SCREENING));
        until(() -> table.getItems().size() == 1);
        robot.clickOn(statusChoice(robot, CaseStatus.ASSISTANCE));
        until(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(CaseListItem::status)
                .containsExactlyInAnyOrder(CaseStatus.SCREENING, CaseStatus.ASSISTANCE);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(status.getTitle()).isEqualTo(I18n.t("cases.filter.someStatuses", 2));
        assertThat(status.value()).isEqualTo(Set.of(CaseStatus.SCREENING, CaseStatus.ASSISTANCE));
    }

    @Test
    void theCountSaysTheRealNumberOnceCounted(FxRobot robot) {
        show(robot, Locale.ENGLISH);
        robot.interact(() -> org.haven.gui.shell.DemoDataStarter.start(window, 1_050));
        Label count = robot.lookup("#caseCount").queryAs(Label.class);
        Label page = robot.lookup("#pageLabel").queryAs(Label.class);
        // More than the 1,000 the list counts ahead: "more than 1,000" while it counts, then the number.
        until(() -> count.getText().equals(I18n.t("cases.count", 1_050, "1,050")));
        assertThat(page.getText()).isEqualTo(I18n.t("cases.page", "1", "100", "1,050"));
        robot.clickOn("#pageNext");
        until(() -> page.getText().equals(I18n.t("cases.page", "101", "200", "1,050")));
        assertThat(count.getText()).isEqualTo(I18n.t("cases.count", 1_050, "1,050"));
    }

    @Test
    void aNewDatabaseSaysNoCasesYetAndOffersTheTwoNextSteps(FxRobot robot) {
        show(robot, Locale.ENGLISH);
        until(() -> robot.lookup("#noCasesYet").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#noCasesYet").queryAs(Label.class).getText()).isEqualTo("No cases yet");
        assertThat(robot.lookup("#noCasesRegister").queryButton().getText()).isEqualTo(I18n.t("cases.none.register"));
        assertThat(robot.lookup("#noCasesImport").queryButton().getText()).isEqualTo(I18n.t("cases.none.import"));

        robot.clickOn("#noCasesRegister");
        until(() -> robot.lookup("#personNameLatin").tryQuery().isPresent());
        robot.clickOn("#personCancel");
        until(() -> robot.lookup("#personNameLatin").tryQuery().isEmpty());

        robot.clickOn("#noCasesImport");
        until(() -> robot.lookup("#import-choose").tryQuery().isPresent());
        robot.interact(() -> ((Stage) robot.lookup("#import-choose").query().getScene().getWindow()).close());

        // A search that finds nothing says so, not "No cases yet".
        robot.clickOn("#caseSearch").write("zzzz");
        until(() -> robot.lookup("#caseListNoMatch").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#noCasesYet").tryQuery()).isEmpty();
    }

    private static List<String> suggestions(FxRobot robot) {
        return robot.lookup(".auto-complete-popup").queryAll().stream()
                .filter(n -> n.getScene() != null && n.getScene().getWindow().isShowing())
                .flatMap(n -> n.lookupAll(".list-view").stream()).distinct()
                .flatMap(n -> ((ListView<?>) n).getItems().stream()).map(String::valueOf).toList();
    }

    /** The suggestion's cell in the pop-up (the same words also show in the table's column). */
    private static Node suggestion(FxRobot robot, String text) {
        return robot.lookup(".auto-complete-popup .list-cell").queryAll().stream()
                .filter(n -> text.equals(((javafx.scene.control.ListCell<?>) n).getText())).findFirst().orElseThrow();
    }

    private CaseFile register(String name, String nationality) {
        Person p = Person.draft(null, name, Sex.FEMALE, null, 30, nationality, null, false, DocumentStatus.NONE, null);
        return haven.cases().register(new NewCase(p, null, null, null, null));
    }
}
