package org.haven.gui.shell;

import org.haven.gui.toolkit.HavenMenuBar;

import org.haven.gui.toolkit.Dialogs;
import org.haven.gui.toolkit.I18n;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.haven.core.common.Version;

/** The application's own menu items: demo data, about, log out, quit. */
final class AppMenus {
    private AppMenus() {}

    static void install(MainWindow window) {
        HavenMenuBar menus = window.menus();
        // Demo data writes cases: coordinators only, as DemoData checks (a caseworker got "Something went wrong").
        if (window.haven().user().has(org.haven.core.security.Role.COORDINATOR)) {
            menus.add(menus.admin(), "demo.menu", "mdi2d-database-plus-outline", null, () -> DemoDataAction.run(window));
        }
        menus.add(menus.help(), "language.menu", "mdi2t-translate", null, () -> LanguageDialog.show(window));
        menus.add(menus.help(), "about.menu", "mdi2i-information-outline", null, () -> {
            Alert about = Dialogs.alert(window.stage(), Alert.AlertType.INFORMATION, I18n.t("about.text", Version.current()), ButtonType.OK);
            about.setTitle(I18n.t("app.title"));
            about.setHeaderText(I18n.t("about.header"));
            about.show();
        });
        javafx.scene.control.MenuItem logout = menus.add(menus.cases(), "logout.menu", "mdi2l-logout", null, window::logout);
        javafx.scene.control.MenuItem quit = menus.add(menus.cases(), "quit.menu", "mdi2e-exit-to-app", "Shortcut+Q", window::quit);
        menus.cases().getItems().removeAll(logout, quit);
        menus.pinLast(menus.cases(), logout, quit);
    }
}
