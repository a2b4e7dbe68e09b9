package org.haven.gui.matching;

import org.haven.gui.cases.CaseWindow;

import org.haven.gui.toolkit.Dialogs;
import java.util.List;
import java.util.UUID;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.HavenMenuBar;
import org.haven.gui.toolkit.I18n;
import org.haven.core.security.Role;

/** Duplicate detection in the main window: checked on every new case, and a merge for coordinators. */
public final class MatchingMenus {
    private MatchingMenus() {}

    public static void install(CaseWindow window) {
        // A likely duplicate, also one in a case the user may not see, is never registered without a choice.
        window.setNewCaseGate((owner, haven, request, onSaved, onFailed, onCancelled) ->
                DuplicateResolution.ask(owner, haven, request.person(), false,
                        () -> FxTasks.run(() -> haven.cases().register(request), onSaved, onFailed),
                        (decision, found) -> {
                            if (decision.choice() == DuplicateResolverDialog.Choice.LINK
                                    || decision.choice() == DuplicateResolverDialog.Choice.NEW) {
                                DuplicateResolution.carryOut(haven, request, decision, found, onSaved, onFailed);
                            } else if (onCancelled != null) {
                                onCancelled.run();
                            }
                        }, onFailed));
        if (!window.haven().user().has(Role.COORDINATOR)) return;
        HavenMenuBar menus = window.menus();
        menus.add(menus.cases(), "match.menu.merge", "mdi2a-account-multiple-check-outline", null, () -> {
            List<UUID> ids = window.selectedCaseIds();
            if (ids.size() != 1) {
                Dialogs.inform(window.stage(), I18n.t("deletion.selectOne"));
                return;
            }
            FxTasks.run(() -> window.haven().cases().open(ids.getFirst()).person().id(), personId ->
                    MergePersonsDialog.findAndMerge(window.stage(), window.haven(), personId, kept -> window.casesChanged()));
        });
    }
}
