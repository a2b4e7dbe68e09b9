package org.haven.cases.ui;

import org.haven.app.HavenMenuBar;
import org.haven.app.MainWindow;

/** The Cases menu items of this feature: new case, find. */
public final class CaseMenus {
    private CaseMenus() {}

    public static void install(MainWindow window) {
        HavenMenuBar menus = window.menus();
        menus.add(menus.cases(), "cases.menu.new", "mdi2a-account-plus-outline", "Shortcut+N", () -> PersonFormDialog.newCase(window));
        menus.add(menus.cases(), "cases.menu.find", "mdi2m-magnify", "Shortcut+F", window::focusSearch);
    }
}
