package org.haven.gui.security;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.security.SecuritySettings;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A thin banner that reminds to back up when there was never a backup or the last one is older
 * than a week. Invisible (and takes no space) otherwise. Put it at the top of the main window.
 */
public final class BackupReminder extends HBox {
    private final SecuritySettings settings;
    private final Label text = new org.haven.gui.toolkit.WrappingLabel();

    public BackupReminder(SecuritySettings settings) {
        super(8);
        this.settings = settings;
        setId("backup-reminder");
        text.setWrapText(true);
        getChildren().addAll(new FontIcon("mdi2b-backup-restore"), text);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 6, 12));
        setStyle("-fx-background-color: -color-warning-subtle; -fx-border-color: -color-warning-muted; -fx-border-width: 0 0 1 0;");
        managedProperty().bind(visibleProperty());
        setVisible(false);
        refresh();
    }

    /** Re-reads the last backup time (call after a backup). */
    public void refresh() {
        FxTasks.run(() -> new Object[] {settings.lastBackupAt().orElse(null), settings.backupOverdue(Instant.now())}, r -> {
            Instant last = (Instant) r[0];
            boolean overdue = (Boolean) r[1];
            setVisible(overdue);
            if (!overdue) return;
            text.setText(last == null ? I18n.t("backup.reminder.never") : I18n.t("backup.reminder.old",
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(I18n.locale()).format(last.atZone(ZoneId.systemDefault()))));
        }, e -> setVisible(false));
    }
}
