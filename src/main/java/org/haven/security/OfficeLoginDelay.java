package org.haven.security;

import static org.haven.db.jooq.Tables.AUDIT_LOG;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

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
        Long lastLogin = dsl.select(DSL.max(AUDIT_LOG.SEQ)).from(AUDIT_LOG)
                .where(AUDIT_LOG.ACTION.eq("LOGIN")).and(AUDIT_LOG.USER_ID.eq(userId)).fetchOne(0, Long.class);
        int failures = dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("LOGIN_FAILED").and(AUDIT_LOG.ENTITY_ID.eq(userId))
                .and(AUDIT_LOG.SEQ.gt(lastLogin == null ? 0L : lastLogin)));
        long delay = LoginThrottle.delayFor(failures);
        if (delay <= 0) return;
        try {
            LoginThrottle.sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One failed password for this account (null: an unknown name, never stored), audited at once. */
    static void recordFailure(org.haven.db.Database db, UUID userId) {
        db.inTransactionRun(tx -> AuditLog.record(tx, null, "LOGIN_FAILED", "user", userId,
                userId == null ? "failed attempt with an unknown user name" : "failed attempt"));
    }
}
