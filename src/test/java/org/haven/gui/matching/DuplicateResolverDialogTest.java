package org.haven.gui.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.NewCase;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The resolver a caseworker sees when registering someone who is likely already in Haven
 * (issue 18): both side by side, Enter decides nothing, the buttons show at 1024x700, and a match
 * in a case the caseworker may not see is only named as existing, with whom to ask.
 */
@ExtendWith(ApplicationExtension.class)
class DuplicateResolverDialogTest {
    static final LocalDate DOB = LocalDate.of(1997, 8, 20);
    @TempDir Path dir;
    Haven haven;
    Haven worker;
    Stage stage;
    CaseFile existing;
    final AtomicReference<CaseFile> saved = new AtomicReference<>();
    final AtomicInteger cancelled = new AtomicInteger();

    static Person huong(String latin, String nativeName) {
        return Person.draft(nativeName, latin, Sex.FEMALE, DOB, null, "VN", "vi", true, DocumentStatus.LOST, null);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        haven = TestHaven.create(dir);
        existing = haven.cases().register(new NewCase(huong("Nguyen Thi Huong", "Nguyễn Thị Hương"), null, null, null, null));
        stage.setScene(new Scene(new VBox(8), 1024, 700));
        stage.sizeToScene(); // a stage an earlier test made larger would push the dialog against the screen edge
        stage.show();
        stage.centerOnScreen();
    }

    @AfterEach
    void close() {
        if (worker != null) worker.close();
        haven.close();
    }

    /** A button in the owner window that registers {@code person} through the duplicate check, as the new-case form does. */
    private void registerButton(FxRobot robot, Haven as, Person person) {
        robot.interact(() -> {
            Button register = new Button("register");
            register.setId("register");
            register.setOnAction(e -> DuplicateCheck.register(stage, as, new NewCase(person, null, null, null, null),
                    saved::set, cancelled::incrementAndGet));
            ((VBox) stage.getScene().getRoot()).getChildren().setAll(register);
        });
    }

    @Test
    void bothAreShownSideBySideAndEnterWritesNothing(FxRobot robot) throws Exception {
        registerButton(robot, haven, huong("Thi Huong Nguyen", null)); // the words in another order, no native name
        robot.clickOn("#register");
        DuplicateDialogsTest.waitVisible(robot, "#matchLater");

        // Side by side: the new entry and the candidate, names in their scripts, birth, nationality, sex, case.
        assertThat(text(robot, "#matchNewLatin")).isEqualTo("Thi Huong Nguyen");
        assertThat(text(robot, "#matchOldLatin")).isEqualTo("Nguyen Thi Huong");
        assertThat(text(robot, "#matchOldNative")).isEqualTo("Nguyễn Thị Hương");
        int age = java.time.Period.between(DOB, LocalDate.now()).getYears();
        assertThat(text(robot, "#matchOldBirth")).isEqualTo(I18n.t("match.resolve.born", "1997-08-20", age));
        assertThat(text(robot, "#matchNewBirth")).isEqualTo(text(robot, "#matchOldBirth"));
        assertThat(text(robot, "#matchOldNationality")).isEqualTo(I18n.country("VN"));
        assertThat(text(robot, "#matchOldSex")).isEqualTo(I18n.label(Sex.FEMALE));
        assertThat(text(robot, "#matchOldCase")).contains(existing.caseNumber()).contains(I18n.label(CaseStatus.IDENTIFIED));
        assertThat(text(robot, "#matchWhy")).contains(I18n.t("match.reason.DOB_SAME"));

        // The safe choice is the default button; linking and registering are not.
        Button later = robot.lookup("#matchLater").queryButton();
        assertThat(later.isDefaultButton()).isTrue();
        assertThat(robot.lookup("#matchPrimary").queryButton().isDefaultButton()).isFalse();
        assertThat(robot.lookup("#matchSecondary").queryButton().isDefaultButton()).isFalse();

        // Every button shows inside the dialog, the dialog fits 1024x700 and opens centred on its owner.
        Window dialog = later.getScene().getWindow();
        assertThat(dialog.getWidth()).isLessThanOrEqualTo(1024);
        assertThat(dialog.getHeight()).isLessThanOrEqualTo(700);
        for (String id : new String[] {"#matchPrimary", "#matchSecondary", "#matchLater"}) {
            Node b = robot.lookup(id).query();
            Bounds onScreen = b.localToScreen(b.getBoundsInLocal());
            assertThat(b.isVisible()).isTrue();
            assertThat(onScreen.getWidth()).isGreaterThan(20);
            assertThat(onScreen.getMinX()).isGreaterThanOrEqualTo(dialog.getX());
            assertThat(onScreen.getMaxX()).isLessThanOrEqualTo(dialog.getX() + dialog.getWidth());
            assertThat(onScreen.getMaxY()).isLessThanOrEqualTo(dialog.getY() + dialog.getHeight());
        }
        assertThat(Math.abs(dialog.getX() + dialog.getWidth() / 2 - (stage.getX() + stage.getWidth() / 2))).isLessThan(3);
        assertThat(Math.abs(dialog.getY() + dialog.getHeight() / 2 - (stage.getY() + stage.getHeight() / 2))).isLessThan(3);

        // Enter, out of habit: the dialog closes and nothing is written.
        robot.clickOn("#matchNewLatin");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cancelled.get() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#matchLater").tryQuery()).isEmpty();
        assertThat(saved.get()).isNull();
        assertThat(haven.database().dsl().fetchCount(PERSON)).isEqualTo(1);
        assertThat(haven.database().dsl().fetchCount(CASE_FILE)).isEqualTo(1);

        // Asked again, the caseworker links on purpose: a second case of the same person.
        robot.clickOn("#register");
        DuplicateDialogsTest.waitVisible(robot, "#matchPrimary");
        robot.clickOn("#matchPrimary");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saved.get() != null);
        assertThat(saved.get().personId()).isEqualTo(existing.personId());
        assertThat(haven.database().dsl().fetchCount(PERSON)).isEqualTo(1);
    }

    @Test
    void aMatchInACaseTheCaseworkerCannotSeeIsNamedOnlyAsExistingWithWhomToAsk(FxRobot robot) throws Exception {
        Accounts.addUser(haven.unlocked(), "mom", "Srey Mom", Set.of(Role.COORDINATOR), "coordinator-pass-1".toCharArray());
        Accounts.addUser(haven.unlocked(), "worker", Set.of(Role.CASEWORKER), "worker-password-1".toCharArray());
        worker = TestHaven.login(dir, "worker", "worker-password-1".toCharArray());
        String mom = haven.database().dsl().select(APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.USERNAME.eq("mom"))
                .fetchOne(APP_USER.DISPLAY_NAME);

        // The same person, typed the same way, by a caseworker to whom the existing case is not assigned.
        registerButton(robot, worker, huong("Nguyen Thi Huong", "Nguyễn Thị Hương"));
        robot.clickOn("#register");
        DuplicateDialogsTest.waitVisible(robot, "#matchHiddenNotice");
        String notice = text(robot, "#matchHiddenNotice");
        assertThat(notice).contains(mom);
        assertThat(notice).isEqualTo(I18n.t("match.resolve.hiddenOnly", 1, String.join(", ",
                worker.matching().coordinatorsToAsk())));
        // Nothing of the other record: no link, no case number, no comparison.
        assertThat(robot.lookup("#matchPrimary").tryQuery()).isEmpty();
        assertThat(robot.lookup("#matchComparison").tryQuery()).isEmpty();
        Window dialog = robot.lookup("#matchLater").query().getScene().getWindow();
        assertThat(robot.from(dialog.getScene().getRoot()).lookup((Node n) -> n instanceof Labeled).queryAllAs(Labeled.class))
                .allSatisfy(l -> assertThat(String.valueOf(l.getText())).doesNotContain(existing.caseNumber())
                        .doesNotContain("1997"));
        assertThat(robot.lookup("#matchLater").queryButton().isDefaultButton()).isTrue();

        robot.clickOn("#matchHiddenNotice");
        robot.type(KeyCode.ENTER); // decide later: nothing written
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cancelled.get() == 1);
        assertThat(haven.database().dsl().fetchCount(PERSON)).isEqualTo(1);

        // Registering anyway is an explicit, audited choice.
        robot.clickOn("#register");
        DuplicateDialogsTest.waitVisible(robot, "#matchSecondary");
        robot.clickOn("#matchSecondary");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saved.get() != null);
        assertThat(haven.database().dsl().fetchCount(PERSON)).isEqualTo(2);
        assertThat(haven.database().dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("MATCH_HIDDEN_REGISTERED")
                .and(AUDIT_LOG.ENTITY_ID.eq(saved.get().id())))).isEqualTo(1);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }
}
