package org.haven.core.security;

import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Login throttling on the office database, which has no key file: the database is reachable before
 * the user is (through the service account), so each failed password is an audit entry at once
 * ({@code LOGIN_FAILED} on the account), and the delay before the next attempt grows with the failures
 * since that account's last login, as on a laptop (1 s, 2 s, 4 s ... 30 s). Nothing on a laptop can
 * reset it, every failure is audited, and parallel attempts each add their own committed entry.
 */
final class OfficeLoginDelay {
    private OfficeLoginDelay() {}

    /** Waits for the delay the account's failures since its last login have earned. */
    static void waitFor(DSLContext dsl, UUID userId) {
        if (userId == null) return;
        int failures = AuditReadRepository.failuresSinceLastLogin(dsl, userId);
        long delay = LoginThrottle.delayFor(failures);
        if (delay <= 0) return;
        try {
            LoginThrottle.sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One failed password for this account (null: an unknown name, never stored), audited at once. */
    static void recordFailure(org.haven.core.db.Database db, UUID userId) {
        db.inTransactionRun(tx -> AuditLog.record(tx, null, "LOGIN_FAILED", "user", userId,
                userId == null ? "failed attempt with an unknown user name" : "failed attempt"));
    }
}
