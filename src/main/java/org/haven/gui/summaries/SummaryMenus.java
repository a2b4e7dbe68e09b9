package org.haven.gui.summaries;

import org.haven.gui.toolkit.AppWindow;

import org.haven.gui.toolkit.Dialogs;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.HavenMenuBar;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.operations.OperationChooser;

/** Reports menu: summaries of the open case or the selected cases, and of a whole operation. */
public final class SummaryMenus {
    private SummaryMenus() {}

    public static void install(AppWindow window) {
        HavenMenuBar menus = window.menus();
        if (!window.haven().user().seesCaseData()) return; // administrators only: summaries hold case data
        menus.add(menus.reports(), "summary.menu.selected", "mdi2f-file-document-outline", "Shortcut+P", () -> {
            List<UUID> ids = window.selectedCaseIds();
            if (ids.isEmpty()) {
                Alert alert = Dialogs.alert(window.stage(), Alert.AlertType.INFORMATION, I18n.t("summary.menu.selectFirst"), ButtonType.OK);
                alert.setHeaderText(null);
                alert.show();
                return;
            }
            SummaryDialog.show(window.stage(), window.haven().summaries(), ids);
        });
        menus.add(menus.reports(), "summary.menu.operation", "mdi2f-file-document-multiple-outline", null,
                () -> FxTasks.run(() -> window.haven().operations().list(), operations -> {
                    if (operations.isEmpty()) return;
                    OperationChooser.choose(window.stage(), operations, I18n.t("summary.menu.operation.title")).ifPresent(op ->
                            SummaryDialog.showForOperation(window.stage(), window.haven().summaries(), op.id()));
                }));
    }
}
