package org.haven.gui.reports;

import org.haven.gui.toolkit.AppWindow;

import org.haven.gui.toolkit.HavenMenuBar;
import org.haven.gui.toolkit.I18n;
import org.haven.core.security.Role;

/** Reports menu: the statistics page (coordinators); the organisation on every document (administrators). */
public final class ReportMenus {
    private ReportMenus() {}

    public static void install(AppWindow window) {
        HavenMenuBar menus = window.menus();
        if (window.haven().user().has(Role.ADMIN)) {
            menus.add(menus.admin(), "org.menu", "mdi2d-domain", null, () -> OrganisationDialog.show(window.stage(),
                    window.haven().organisation()));
        }
        if (!window.haven().user().has(Role.COORDINATOR)) return;
        StatisticsView[] view = new StatisticsView[1];
        menus.add(menus.reports(), "stats.menu", "mdi2c-chart-bar", null, () -> {
            if (view[0] == null) view[0] = new StatisticsView(window.haven());
            window.showPage(I18n.t("stats.title"), view[0]);
        });
    }
}
