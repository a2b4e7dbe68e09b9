package org.haven.gui.security;

import org.haven.gui.toolkit.AppWindow;

import org.haven.gui.toolkit.Dialogs;
import java.util.List;
import java.util.UUID;
import javafx.util.Duration;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.HavenMenuBar;
import org.haven.gui.toolkit.I18n;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.core.security.SecuritySettings;
import org.haven.core.security.User;

/** Security in the main window: auto-lock, audit log, password change, backup reminder, deletion. */
public final class SecurityMenus {
    private SecurityMenus() {}

    public static void install(AppWindow window) {
        Haven haven = window.haven();
        HavenMenuBar menus = window.menus();
        User user = haven.user();
        SecuritySettings settings = new SecuritySettings(haven.database(), haven.session());

        if (user.has(Role.COORDINATOR) || user.has(Role.ADMIN)) {
            AuditLogView[] view = new AuditLogView[1];
            menus.add(menus.admin(), "audit.menu", "mdi2c-clipboard-text-clock-outline", null, () -> {
                if (view[0] == null) view[0] = new AuditLogView(haven.audit());
                window.showPage(I18n.t("audit.title"), view[0]);
            });
        }
        menus.add(menus.admin(), "password.menu", "mdi2k-key-change", null,
                () -> ChangePasswordDialog.show(window.stage(), haven.unlocked(), false));
        if (user.has(Role.COORDINATOR)) {
            menus.add(menus.cases(), "deletion.menu", "mdi2d-delete-forever-outline", null, () -> deleteSelected(window));
        }
        if (user.has(Role.ADMIN)) {
            UsersPage[] users = new UsersPage[1];
            menus.add(menus.admin(), "users.menu", "mdi2a-account-group-outline", null, () -> {
                if (users[0] == null) users[0] = new UsersPage(haven);
                window.showPage(I18n.t("users.title"), users[0]);
            });
        }
        if (user.has(Role.ADMIN)) {
            BackupReminder reminder = new BackupReminder(settings);
            window.addBanner(reminder);
            menus.add(menus.admin(), "backup.menu", "mdi2b-backup-restore", null, () -> backup(window, reminder));
        }
        // The idle time is a setting in the database: read it off the FX thread, then arm the lock.
        FxTasks.run(settings::autoLockAfter, idle -> {
            AutoLock lock = AutoLock.install(window.stage(), Duration.millis(idle.toMillis()),
                    password -> Accounts.verifyPassword(haven.unlocked(), password));
            window.onSessionEnd(lock::dispose);
            menus.add(menus.admin(), "lock.menu", "mdi2l-lock-outline", null, lock::lock);
        });
        FxTasks.run(() -> Accounts.mustChangePassword(haven.unlocked()), must -> {
            if (must) ChangePasswordDialog.show(window.stage(), haven.unlocked(), true);
        });
    }

    /** One-click backup to a file the user picks (e.g. on a USB stick). */
    private static void backup(AppWindow window, BackupReminder reminder) {
        // The guard of every save: a backup never goes into the data folder (it replaced the database), nor over a file unasked.
        org.haven.gui.toolkit.SaveTarget.ask(window.stage(), window.haven().database().home(), new org.haven.gui.toolkit.SaveTarget.Request(I18n.t("backup.menu"),
                "haven-backup-" + java.time.LocalDate.now() + ".havenbackup", I18n.t("save.backupFiles"), "*.havenbackup"), file ->
                FxTasks.run(() -> org.haven.core.security.Backups.backup(window.haven().unlocked(), file), manifest -> {
                    reminder.refresh();
                    Dialogs.inform(window.stage(), I18n.t("backup.done"));
                }));
    }

    private static void deleteSelected(AppWindow window) {
        List<UUID> ids = window.selectedCaseIds();
        if (ids.size() != 1) {
            Dialogs.inform(window.stage(), I18n.t("deletion.selectOne"));
            return;
        }
        UUID caseId = ids.getFirst();
        FxTasks.run(() -> window.haven().cases().open(caseId).caseFile().caseNumber(), number ->
                DeletePersonDialog.show(window.stage(), window.haven().personDeletion(),
                        caseId, number, window::casesChanged));
    }
}
