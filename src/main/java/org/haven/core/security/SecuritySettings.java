package org.haven.core.security;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.jooq.DSLContext;

/** Security settings kept in the database's app_setting table: auto-lock delay, last backup time. */
public final class SecuritySettings {
    public static final String AUTO_LOCK_SECONDS = "security.autolock.seconds";
    public static final String LAST_BACKUP_AT = "backup.last_at";
    public static final Duration DEFAULT_AUTO_LOCK = Duration.ofMinutes(5);
    /** The UI reminds the user to back up when the last backup is older than this. */
    public static final Duration BACKUP_REMINDER_AFTER = Duration.ofDays(7);

    private final Database db;
    private final Session session;

    public SecuritySettings(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /** Idle time before the window locks (default 5 minutes). */
    public Duration autoLockAfter() {
        return read(db.dsl(), AUTO_LOCK_SECONDS).map(v -> {
            try {
                long s = Long.parseLong(v);
                return s > 0 ? Duration.ofSeconds(s) : DEFAULT_AUTO_LOCK;
            } catch (NumberFormatException e) {
                return DEFAULT_AUTO_LOCK;
            }
        }).orElse(DEFAULT_AUTO_LOCK);
    }

    /** Administrators only; between 1 minute and 1 hour. */
    public void setAutoLockAfter(Duration idle) {
        session.require(Role.ADMIN);
        if (idle == null || idle.compareTo(Duration.ofMinutes(1)) < 0 || idle.compareTo(Duration.ofHours(1)) > 0) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.security.autoLock");
        }
        db.inTransactionRun(tx -> {
            write(tx, AUTO_LOCK_SECONDS, Long.toString(idle.toSeconds()));
            AuditLog.record(tx, session.user(), "SETTING_CHANGED", "setting", null, AUTO_LOCK_SECONDS + "=" + idle.toSeconds());
        });
    }

    public Optional<Instant> lastBackupAt() {
        return read(db.dsl(), LAST_BACKUP_AT).flatMap(v -> {
            try {
                return Optional.of(Instant.parse(v));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** True when there was never a backup, or the last one is older than a week. */
    public boolean backupOverdue(Instant now) {
        return lastBackupAt().map(at -> at.plus(BACKUP_REMINDER_AFTER).isBefore(now)).orElse(true);
    }

    static Optional<String> read(DSLContext dsl, String key) {
        return SettingsRepository.read(dsl, key);
    }

    static void write(DSLContext tx, String key, String value) {
        SettingsRepository.write(tx, key, value);
    }
}
