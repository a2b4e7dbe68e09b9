package org.haven.gui.sync;

import org.haven.gui.toolkit.AppWindow;

import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Worker;
import org.haven.core.security.Role;

/** Sync in the main window: the sync line on a laptop that joined an office; the Conflicts page, for coordinators on the office database. */
public final class SyncMenus {
    private SyncMenus() {}

    public static void install(AppWindow window) {
        Haven haven = window.haven();
        if (!haven.database().isOffice()) {
            // A laptop that joined an office gets its sync line in the status bar (read off the FX thread).
            Worker.FX_TASKS.run(() -> org.haven.core.sync.LaptopSync.status(haven.database()).joined(), joined -> {
                if (!joined || haven.database().isClosed()) return;
                SyncStatusBar bar = new SyncStatusBar(new SyncStatusModel(haven, Worker.FX_TASKS));
                window.addStatus(bar);
                window.onSessionEnd(bar::stop);
            }, org.haven.gui.toolkit.ErrorDialog::show);
        }
        if (!haven.database().isOffice() || !haven.user().has(Role.COORDINATOR)) return;
        ConflictsModel model = new ConflictsModel(haven.conflicts(), Worker.FX_TASKS);
        ConflictsPage[] page = new ConflictsPage[1];
        window.menus().add(window.menus().cases(), "conflicts.menu", "mdi2c-call-split", null, () -> {
            if (page[0] == null) page[0] = new ConflictsPage(model); // loads the list
            else model.load(); // opened again: what is open now
            window.showPage(I18n.t("conflicts.title"), page[0]);
        });
    }
}
