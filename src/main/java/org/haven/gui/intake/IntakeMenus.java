package org.haven.gui.intake;

import org.haven.gui.toolkit.AppWindow;

import org.haven.gui.toolkit.Dialogs;
import java.util.UUID;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.HavenMenuBar;
import org.haven.gui.toolkit.I18n;
import org.haven.core.intake.IntakeHooks;
import org.haven.core.intake.IntakeService;
import org.haven.gui.matching.DuplicateResolution;
import org.haven.gui.matching.DuplicateResolverDialog;
import org.haven.core.operations.Operation;
import org.haven.gui.operations.OperationChooser;

/** Raid intake in the main window: import a list, the bulk grid per operation, and unsaved drafts. */
public final class IntakeMenus {
    private IntakeMenus() {}

    public static void install(AppWindow window) {
        Haven haven = window.haven();
        HavenMenuBar menus = window.menus();
        if (!haven.user().seesCaseData()) return; // administrators only: intake needs case data
        menus.add(menus.operations(), "intake.menu.grid", "mdi2t-table-plus", "Shortcut+G", () -> chooseOperationForGrid(window));
        menus.add(menus.operations(), "intake.menu.import", "mdi2f-file-import-outline", "Shortcut+I",
                () -> ImportWizard.open(window.stage(), haven));
        window.setImportList(() -> ImportWizard.open(window.stage(), haven)); // the empty case list's next step
        // Unsaved grids from a crash or a closed window are offered back at start-up.
        FxTasks.run(() -> haven.intake().drafts(), drafts -> {
            if (drafts.isEmpty()) return;
            IntakeService.DraftInfo draft = drafts.getFirst();
            Alert offer = Dialogs.alert(window.stage(), Alert.AlertType.CONFIRMATION,
                    I18n.t("intake.menu.draftOffer", draft.rows(), draft.operationCode()), ButtonType.YES, ButtonType.NO);
            offer.setHeaderText(null);
            offer.showAndWait().filter(b -> b == ButtonType.YES).ifPresent(b -> openGrid(window, draft.operationId()));
        }, error -> { });
    }

    private static void chooseOperationForGrid(AppWindow window) {
        FxTasks.run(() -> window.haven().operations().listForRegistration(), operations -> {
            if (operations.isEmpty()) {
                Alert none = Dialogs.alert(window.stage(), Alert.AlertType.INFORMATION, I18n.t("intake.menu.noOperation"), ButtonType.OK);
                none.setHeaderText(null);
                none.show();
                return;
            }
            OperationChooser.choose(window.stage(), operations, I18n.t("intake.menu.grid")).ifPresent(op -> show(window, op));
        });
    }

    private static void openGrid(AppWindow window, UUID operationId) {
        FxTasks.run(() -> window.haven().operations().get(operationId), op -> show(window, op));
    }

    private static void show(AppWindow window, Operation op) {
        IntakeGrid grid = new IntakeGrid(window.haven(), op, IntakeHooks.duplicateCheck(window.haven()),
                duplicateResolver(window.haven()));
        window.showPage(I18n.t("intake.grid.title", op.code(), op.name()), grid);
    }

    /**
     * The grid's way to resolve a flagged row: the resolver dialog (the row and the candidate side
     * by side), then "link" (a new case for the existing person) or "register as new" (a new person,
     * recorded as distinct from every candidate shown; audited when likely matches are hidden from
     * the user). "Decide later", Esc and Enter write nothing. Every outcome, failures included, goes
     * back to the grid, which waits for it.
     */
    static DuplicateResolver duplicateResolver(Haven haven) {
        return (owner, request, outcome) -> DuplicateResolution.ask(owner, haven, request.person(), false,
                outcome::nothingToResolve, (decision, found) -> {
                    if (decision.choice() == DuplicateResolverDialog.Choice.LINK
                            || decision.choice() == DuplicateResolverDialog.Choice.NEW) {
                        DuplicateResolution.carryOut(haven, request, decision, found, outcome::saved, outcome::failed);
                    } else {
                        outcome.cancelled();
                    }
                }, outcome::failed);
    }
}
