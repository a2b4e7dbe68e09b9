package org.haven.gui.operations;

import org.haven.gui.toolkit.AppWindow;

import org.haven.gui.toolkit.HavenMenuBar;
import org.haven.gui.toolkit.I18n;

/** The Operations menu: the list of raids and rescue operations, each with its page. */
public final class OperationMenus {
    private OperationMenus() {}

    public static void install(AppWindow window) {
        HavenMenuBar menus = window.menus();
        if (!window.haven().user().seesCaseData()) return; // administrators only: the services refuse operations
        OperationListPage[] page = new OperationListPage[1];
        menus.add(menus.operations(), "operations.menu", "mdi2m-map-marker-radius-outline", null, () -> {
            // One operations page: opening it again brings the existing tab forward.
            if (page[0] == null) page[0] = new OperationListPage(window.haven(), window::openCase);
            window.showPage(I18n.t("operations.title"), page[0]);
        });
    }
}
