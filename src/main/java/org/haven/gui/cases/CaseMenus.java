package org.haven.gui.cases;

import org.haven.gui.toolkit.HavenMenuBar;

/** The Cases menu items of this feature: new case, find, assign (each only for a role the service allows). */
public final class CaseMenus {
    private CaseMenus() {}

    public static void install(CaseWindow window) {
        HavenMenuBar menus = window.menus();
        if (!window.haven().user().seesCaseData()) return; // an administrator-only account: the services refuse case data
        menus.add(menus.cases(), "cases.menu.new", "mdi2a-account-plus-outline", "Shortcut+N", () -> PersonFormDialog.newCase(window));
        menus.add(menus.cases(), "cases.menu.find", "mdi2m-magnify", "Shortcut+F", window::focusSearch);
        if (AssignDialog.mayAssign(window.haven().user())) {
            menus.add(menus.cases(), "cases.assign.menu", "mdi2a-account-arrow-right-outline", null,
                    () -> AssignDialog.show(window, window.selectedCaseIds()));
        }
    }
}
