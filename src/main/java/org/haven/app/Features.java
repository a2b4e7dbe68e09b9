package org.haven.app;

import org.haven.cases.ui.CaseMenus;
import org.haven.intake.ui.IntakeMenus;
import org.haven.matching.ui.MatchingMenus;
import org.haven.operations.ui.OperationMenus;
import org.haven.reports.ui.ReportMenus;
import org.haven.screening.ui.ScreeningSection;
import org.haven.security.ui.SecurityMenus;
import org.haven.summaries.ui.SummaryMenus;

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
        org.haven.cases.ui.TraffickingSection.install(window);
        SummaryMenus.install(window);
        ReportMenus.install(window);
        SecurityMenus.install(window);
        org.haven.sync.ui.SyncMenus.install(window);
        AppMenus.install(window);
    }
}
