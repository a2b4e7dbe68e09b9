package org.haven.gui.shell;

import org.haven.gui.cases.CaseMenus;
import org.haven.gui.intake.IntakeMenus;
import org.haven.gui.matching.MatchingMenus;
import org.haven.gui.operations.OperationMenus;
import org.haven.gui.reports.ReportMenus;
import org.haven.gui.screening.ScreeningSection;
import org.haven.gui.security.SecurityMenus;
import org.haven.gui.summaries.SummaryMenus;

/**
 * The one place where features plug into the main window: one line per feature. Each feature's
 * {@code install(MainWindow)} adds its menu items ({@link MainWindow#menus()}) and opens its pages
 * with {@link MainWindow#showPage}.
 */
final class Features {
    private Features() {}

    static void install(MainWindow window) {
        CaseMenus.install(window);
        OperationMenus.install(window);
        IntakeMenus.install(window);
        MatchingMenus.install(window);
        ScreeningSection.install(window);
        org.haven.gui.cases.TraffickingSection.install(window);
        SummaryMenus.install(window);
        ReportMenus.install(window);
        SecurityMenus.install(window);
        org.haven.gui.sync.SyncMenus.install(window);
        AppMenus.install(window);
    }
}
