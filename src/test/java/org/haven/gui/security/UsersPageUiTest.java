package org.haven.gui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.shell.MainWindow;
import org.haven.gui.toolkit.Theme;
import org.haven.core.security.Role;
import org.haven.core.security.User;
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

/**
 * Admin > Users: an administrator adds a caseworker, resets their password, makes them coordinator,
 * disables and enables the account, all in the window; each action is the CLI's and is audited.
 */
@ExtendWith(ApplicationExtension.class)
class UsersPageUiTest {
    @TempDir Path dir;
    private Haven haven;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Theme.apply();
        haven = TestHaven.create(dir);
        window = TestStage.mainWindow(stage, haven, 1200, 760);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @SuppressWarnings("unchecked")
    private static TableView<User> table(FxRobot robot) {
        return robot.lookup("#usersTable").queryAs(TableView.class);
    }

    private static User row(FxRobot robot, String login) {
        return table(robot).getItems().stream().filter(u -> u.username().equals(login)).findFirst().orElse(null);
    }

    /** Clicks the user's row once the table has laid it out (its items change before its rows do). */
    private static void select(FxRobot robot, String login) {
        // A reload between finding the row and clicking it lays the rows out anew: then find and click again.
        for (int attempt = 1; ; attempt++) {
            until(() -> visibleRow(robot, login) != null);
            Node shown = visibleRow(robot, login);
            if (shown != null) robot.clickOn(shown);
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> selected(robot, login)).get());
                return;
            } catch (java.util.concurrent.TimeoutException e) {
                if (attempt == 3) throw new AssertionError("The row of " + login + " could not be selected", e);
            }
        }
    }

    private static boolean selected(FxRobot robot, String login) {
        User chosen = table(robot).getSelectionModel().getSelectedItem();
        return chosen != null && chosen.username().equals(login);
    }

    /** The row holding the very item the table holds now: after a reload, rows get the new items only at the next layout. */
    private static Node visibleRow(FxRobot robot, String login) {
        User current = row(robot, login);
        if (current == null) return null;
        return robot.lookup(".table-row-cell").match(n -> n instanceof javafx.scene.control.TableRow<?> r
                && r.isVisible() && r.getItem() == current).tryQuery().orElse(null);
    }

    private static void typePasswordTwice(FxRobot robot, String id1, String id2, String password) {
        until(() -> robot.lookup(id1).tryQuery().isPresent());
        robot.clickOn(id1).write(password);
        robot.clickOn(id2).write(password);
        robot.clickOn("#userDialogSave");
    }

    private static List<String> cellTexts(FxRobot robot) {
        return robot.lookup(".table-row-cell .table-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
                .map(javafx.scene.control.Labeled::getText).toList();
    }

    private List<String> audit() {
        return haven.database().dsl().select(AUDIT_LOG.ACTION).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.like("USER_%")
                .or(AUDIT_LOG.ACTION.eq("PASSWORD_RESET"))).orderBy(AUDIT_LOG.SEQ).fetch(AUDIT_LOG.ACTION);
    }

    @Test
    void anAdministratorManagesAccountsInTheWindow(FxRobot robot) {
        MenuItem users = window.menus().admin().getItems().stream().filter(i -> "users-menu".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(users::fire);
        until(() -> robot.lookup("#usersTable").tryQuery().isPresent() && row(robot, TestHaven.ADMIN) != null);
        until(() -> cellTexts(robot).containsAll(List.of("admin", "Coordinator, Administrator", "Active"))); // login, roles and status as words

        // Add a caseworker with a full name.
        robot.clickOn("#userAdd");
        until(() -> robot.lookup("#newUserLogin").tryQuery().isPresent());
        robot.clickOn("#newUserLogin").write("dara");
        robot.clickOn("#newUserFullName").write("Dara Sok");
        robot.clickOn("#newUserPassword").write("first-password-1");
        robot.clickOn("#newUserPasswordAgain").write("first-password-2");
        robot.clickOn("#userDialogSave");
        assertThat(robot.lookup("#userDialogError").queryAs(Label.class).getText()).isEqualTo(I18n.t("users.passwordMismatch"));
        robot.clickOn("#newUserPasswordAgain").type(javafx.scene.input.KeyCode.END).eraseText(16).write("first-password-1");
        robot.clickOn("#userDialogSave");
        until(() -> row(robot, "dara") != null);
        assertThat(row(robot, "dara").displayName()).isEqualTo("Dara Sok");
        assertThat(row(robot, "dara").roles()).containsExactly(Role.CASEWORKER);
        assertThat(robot.lookup("#usersMessage").queryAs(Label.class).getText()).isEqualTo(I18n.t("users.done.added", "dara"));

        // Reset the password: Dara must choose a new one.
        select(robot, "dara");
        robot.clickOn("#userReset");
        typePasswordTwice(robot, "#tempPassword", "#tempPasswordAgain", "temporary-pass-9");
        until(() -> I18n.t("users.done.reset", "dara").equals(robot.lookup("#usersMessage").queryAs(Label.class).getText()));
        assertThat(haven.database().dsl().select(APP_USER.MUST_CHANGE_PASSWORD).from(APP_USER)
                .where(APP_USER.USERNAME.eq("dara")).fetchOne(APP_USER.MUST_CHANGE_PASSWORD)).isTrue();

        // Make Dara a coordinator as well.
        select(robot, "dara");
        robot.clickOn("#userRoles");
        until(() -> robot.lookup("#role-COORDINATOR").tryQuery().isPresent());
        robot.clickOn("#role-COORDINATOR");
        robot.clickOn("#userDialogSave");
        until(() -> row(robot, "dara") != null && row(robot, "dara").roles().contains(Role.COORDINATOR));
        assertThat(row(robot, "dara").roles()).containsExactlyInAnyOrder(Role.CASEWORKER, Role.COORDINATOR);

        // Disable (Enter would cancel: the button is clicked), then enable with a temporary password.
        select(robot, "dara");
        robot.clickOn("#userDisable");
        until(() -> robot.lookup("#userDisableConfirm").tryQuery().isPresent());
        robot.clickOn("#userDisableConfirm");
        until(() -> row(robot, "dara") != null && !row(robot, "dara").active());
        until(() -> cellTexts(robot).contains("Disabled"));
        assertThat(robot.lookup("#userEnable").queryButton().isDisabled()).isFalse();
        robot.clickOn("#userEnable");
        typePasswordTwice(robot, "#tempPassword", "#tempPasswordAgain", "enabled-again-7");
        until(() -> row(robot, "dara") != null && row(robot, "dara").active());

        // Only the administrator may: the services refuse anyone else, and every action is in the audit log.
        assertThat(audit()).containsExactly("USER_ADDED", "PASSWORD_RESET", "USER_ROLES_SET", "USER_DISABLED", "USER_ENABLED");
    }

    private static void until(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met in time", e);
        }
    }
}
