package org.haven.gui.shell;

import org.haven.gui.toolkit.I18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.haven.core.Haven;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.testing.MainWindowTest;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Menus offer only what the role may do: a caseworker logs in and sees no Demo data, no Admin items
 * the services would refuse, no assignment, deletion, merge, statistics or audit log; an
 * administrator-only account sees Users and no case menus; a coordinator sees assignment and demo data.
 */
class RoleMenusTest extends MainWindowTest {
    private static final char[] PW = "worker-password-1".toCharArray();
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        keepStage(stage);
    }

    private void accounts() {
        try (Haven admin = TestHaven.create(dir)) {
            Accounts.addUser(admin.unlocked(), "cw", EnumSet.of(Role.CASEWORKER), PW);
            Accounts.addUser(admin.unlocked(), "it", EnumSet.of(Role.ADMIN), PW);
        }
    }

    /** Logs in as this user and shows the main window, as the login screen does. */
    private void loginAs(FxRobot robot, String user, char[] password) throws Exception {
        Haven h = TestHaven.login(dir, user, password);
        robot.interact(() -> {
            window = TestStage.mainWindow(stage, h, 1200, 760);
        });
        // The lock item arrives after the idle time is read: then every menu is complete.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> items().contains("lock-menu"));
    }

    /** The ids of the items the user sees when opening each visible menu. */
    private Set<String> items() {
        Set<String> ids = new TreeSet<>();
        for (Menu m : window.menus().node().getMenus()) {
            if (!m.isVisible()) continue;
            for (MenuItem i : m.getItems()) if (i.isVisible() && i.getId() != null) ids.add(i.getId());
        }
        return ids;
    }

    private List<String> visibleMenus() {
        return window.menus().node().getMenus().stream().filter(Menu::isVisible).map(Menu::getId).toList();
    }

    @Test
    void aCaseworkerSeesOnlyWhatTheirRoleMayDo(FxRobot robot) throws Exception {
        accounts();
        loginAs(robot, "cw", PW);
        assertThat(items()).contains("cases-menu-new", "cases-menu-find", "operations-menu", "intake-menu-grid",
                "summary-menu-selected", "password-menu", "lock-menu", "logout-menu");
        assertThat(items()).doesNotContain("demo-menu", "users-menu", "audit-menu", "backup-menu", "org-menu", "stats-menu",
                "deletion-menu", "match-menu-merge", "cases-assign-menu");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.caseList().isLoaded());
        assertThat(robot.lookup("#assignButton").tryQuery()).isEmpty();
        assertThat(robot.lookup("#caseTable").queryAs(TableView.class).getContextMenu()).isNull();
        assertThat(robot.lookup("#quickMine").tryQuery()).isPresent();
    }

    @Test
    void anAdministratorOnlyAccountSeesUsersAndNoCaseMenus(FxRobot robot) throws Exception {
        accounts();
        loginAs(robot, "it", PW);
        assertThat(items()).contains("users-menu", "audit-menu", "backup-menu", "org-menu", "password-menu", "logout-menu");
        assertThat(items()).doesNotContain("cases-menu-new", "cases-menu-find", "operations-menu", "intake-menu-grid",
                "intake-menu-import", "summary-menu-selected", "summary-menu-operation", "demo-menu", "stats-menu",
                "deletion-menu", "match-menu-merge", "cases-assign-menu");
        assertThat(visibleMenus()).doesNotContain("menuOperations", "menuReports");
        // The case list says why it is empty instead of failing with "Something went wrong".
        TableView<?> table = robot.lookup("#caseTable").queryAs(TableView.class);
        assertThat(((Label) table.getPlaceholder()).getText()).isEqualTo(I18n.t("cases.noCaseData"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows()).hasSize(1); // no error dialog
    }

    @Test
    void aCoordinatorSeesAssignmentAndDemoData(FxRobot robot) throws Exception {
        accounts();
        loginAs(robot, TestHaven.ADMIN, TestHaven.PASSWORD); // the first account: administrator and coordinator
        assertThat(items()).contains("cases-assign-menu", "demo-menu", "users-menu", "stats-menu", "deletion-menu",
                "match-menu-merge", "audit-menu");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.caseList().isLoaded());
        assertThat(robot.lookup("#assignButton").tryQuery()).isPresent();
    }
}
