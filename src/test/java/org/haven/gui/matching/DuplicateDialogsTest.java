package org.haven.gui.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;
import org.haven.core.matching.MatchCandidate;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.base.NodeMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The duplicate dialogs driven like a caseworker would, against a real encrypted database. */
@ExtendWith(ApplicationExtension.class)
class DuplicateDialogsTest {
    static {
        // JavaFX 26's own headless glass platform (-Dglass.platform=Headless) needs no Monocle;
        // testfx.headless=true would make TestFX look for Monocle, which is not a dependency.
        System.clearProperty("testfx.headless");
    }

    static final LocalDate DOB = LocalDate.of(1997, 8, 20);
    @TempDir Path dir;
    Haven haven;
    CaseFile existing;
    CaseFile other;
    final AtomicReference<CaseFile> saved = new AtomicReference<>();
    final AtomicReference<Person> merged = new AtomicReference<>();

    static Person person(String latin, String nativeName) {
        return Person.draft(nativeName, latin, Sex.FEMALE, DOB, null, "VN", "vi", true, DocumentStatus.LOST, null);
    }

    @Start
    void start(Stage stage) {
        haven = TestHaven.create(dir);
        existing = haven.cases().register(new NewCase(person("Nguyen Thi Huong", "Nguyễn Thị Hương"), null, null, null, null));
        other = haven.cases().register(new NewCase(person("Tran Thi Lan", "Trần Thị Lan"), null, null, null, null));
        Button register = new Button("register");
        register.setId("register");
        // The near-duplicate: a typo, the words in another order, no native name.
        register.setOnAction(e -> DuplicateCheck.register(stage, haven,
                new NewCase(person("Thi Huong Nguyen", null), null, null, null, "second raid"), saved::set, null));
        Button merge = new Button("merge");
        merge.setId("merge");
        merge.setOnAction(e -> MergePersonsDialog.merge(stage, haven, existing.personId(), other.personId(), merged::set));
        stage.setScene(new Scene(new VBox(8, register, merge), 400, 200));
        stage.sizeToScene(); // a stage an earlier test made larger would push the dialog against the screen edge
        stage.show();
    }

    /** Waits until the dialog is on screen and laid out. */
    static void waitVisible(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(query).match(NodeMatchers.isVisible()).tryQuery()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() {
        haven.close();
    }

    @Test
    void aNearDuplicateIsLinkedToTheExistingPerson(FxRobot robot) throws Exception {
        robot.clickOn("#register");
        waitVisible(robot, "#matchPrimary");
        javafx.scene.control.ListView<MatchCandidate> list = robot.lookup("#matchCandidates").queryListView();
        assertThat(list.getItems()).hasSize(1);
        MatchCandidate shown = list.getItems().get(0);
        assertThat(shown.caseNumber()).isEqualTo(existing.caseNumber());
        assertThat(shown.score()).isGreaterThanOrEqualTo(90);
        assertThat(DuplicateCandidatesDialog.why(shown)).contains(I18n.t("match.reason.NAME_ORDER"));
        assertThat(robot.lookup("#matchWhy").queryLabeled().getText()).contains(I18n.t("match.reason.DOB_SAME"));

        robot.clickOn(I18n.t("match.link"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saved.get() != null);

        assertThat(saved.get().personId()).isEqualTo(existing.personId());
        var dsl = haven.database().dsl();
        assertThat(dsl.fetchCount(PERSON)).isEqualTo(2);
        assertThat(dsl.fetchCount(CASE_FILE, CASE_FILE.PERSON_ID.eq(existing.personId()))).isEqualTo(2);
    }

    @Test
    void someoneElseRegistersANewPerson(FxRobot robot) throws Exception {
        robot.clickOn("#register");
        waitVisible(robot, "#matchPrimary");
        robot.clickOn("#matchSecondary"); // "Register as new"
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saved.get() != null);
        assertThat(saved.get().personId()).isNotEqualTo(existing.personId());
        assertThat(haven.database().dsl().fetchCount(PERSON)).isEqualTo(3);
    }

    @Test
    void aCoordinatorMergesTwoRecordsKeepingTheChosenOne(FxRobot robot) throws Exception {
        robot.clickOn("#merge");
        waitVisible(robot, "#keepSecond");
        robot.clickOn("#keepSecond");
        robot.clickOn("#mergeConfirm");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> merged.get() != null);
        assertThat(merged.get().id()).isEqualTo(other.personId());
        assertThat(merged.get().aliases()).contains("Nguyen Thi Huong");
        assertThat(haven.database().dsl().fetchCount(PERSON)).isEqualTo(1);
        assertThat(haven.database().dsl().fetchCount(CASE_FILE, CASE_FILE.PERSON_ID.eq(other.personId()))).isEqualTo(2);
    }
}
