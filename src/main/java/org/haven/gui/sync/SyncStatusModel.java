package org.haven.gui.sync;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Worker;
import org.haven.core.common.HavenException;
import org.haven.core.sync.LaptopSync;

/**
 * A laptop's sync line in the main window without its controls (issue 16): when it last synced, how
 * many changes wait to be sent, a sync on request, and a sync by itself while the office can be
 * reached. A sync needs the user's password for the office (the laptop never holds the office's
 * database credentials); after a sync that worked it is kept in memory for this session, so the
 * automatic sync can run, and wiped at logout ({@link #forgetPassword}) or when the office refuses it.
 * Syncing goes through the same {@link LaptopSync} as `haven sync`.
 */
public final class SyncStatusModel {
    private final Haven haven;
    private final Worker worker;
    private final ReadOnlyObjectWrapper<LaptopSync.Status> status = new ReadOnlyObjectWrapper<>(new LaptopSync.Status(false, null, 0));
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private char[] password;

    public SyncStatusModel(Haven haven, Worker worker) {
        this.haven = haven;
        this.worker = worker;
    }

    /** The last state read: joined, last sync, changes waiting. */
    public ReadOnlyObjectProperty<LaptopSync.Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Last synced Dec 5, 2026, 8:12 AM · 3 changes wait to be sent". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** What the last sync did, or "" before one. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Why the last sync failed (no connection, wrong password), or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when a sync can run without asking for the password (one worked in this session). */
    public boolean knowsPassword() {
        return password != null;
    }

    /** Reads the state again (after an edit: the count of waiting changes grows). */
    public void refresh() {
        if (haven.database().isClosed()) return;
        worker.run(() -> LaptopSync.status(haven.database()), this::show, e -> problem.set(FxTasks.userMessage(e)));
    }

    /** Syncs now with {@code typed} (the user's password; copied, the caller may wipe its own). */
    public void syncNow(char[] typed) {
        if (busy.get() || haven.database().isClosed()) return;
        char[] attempt = typed.clone();
        busy.set(true);
        worker.run(() -> LaptopSync.sync(haven, haven.user().username(), attempt), result -> {
            busy.set(false);
            forgetPassword(); // the one kept before, if any: the one that just worked replaces it
            password = attempt;
            problem.set("");
            outcome.set(I18n.t("sync.done", result.pushed(), result.pulled(), result.conflicts()));
            refresh();
        }, error -> {
            busy.set(false);
            // A refused password is not tried again by itself (and not counted against the account again and again).
            Arrays.fill(attempt, '\0');
            if (error instanceof HavenException he && he.kind() == HavenException.Kind.DENIED) forgetPassword();
            problem.set(I18n.t("sync.failed", FxTasks.userMessage(error)));
            refresh();
        });
    }

    /** The automatic sync: runs when a password is known and nothing is running; a failure only shows in the line. */
    public void syncIfPossible() {
        if (password != null && !busy.get()) syncNow(password);
    }

    /** Wipes the password kept for this session (logout, quit). */
    public void forgetPassword() {
        if (password != null) Arrays.fill(password, '\0');
        password = null;
    }

    private void show(LaptopSync.Status s) {
        status.set(s);
        String last = s.lastSync() == null ? I18n.t("sync.status.never") : I18n.t("sync.status.last", when(s.lastSync()));
        text.set(s.waiting() == 0 ? last : last + " · " + I18n.t("sync.status.waiting", s.waiting()));
    }

    /** As the case list shows dates (the locale's medium date), with the time. */
    private static String when(Instant at) {
        ZonedDateTime local = at.atZone(ZoneId.systemDefault());
        return local.format(DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
                .withLocale(I18n.locale()));
    }
}
