package org.haven.core.changes;


import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * The office's change log (docs/sync.md): every change the office holds gets the next number of one
 * change sequence and the row's new office version, so laptops pull "changes after N" and the
 * conflict rule can ask whether a field changed since a version. Only the office database (the
 * PostgreSQL one) keeps it; edits made at the office land here through {@link Outbox}, pushed ones
 * through {@link OfficePush}, resolutions through {@link Conflicts}. Runs in the caller's transaction.
 */
public final class ChangeLog {
    private ChangeLog() {}

    /** Whether this is the office database: the office is PostgreSQL (ADR 15), a laptop is H2. */
    public static boolean isOffice(DSLContext tx) {
        return tx.dialect().family() == SQLDialect.POSTGRES;
    }

    /** The highest change number given so far (0: none). */
    public static long lastSeq(DSLContext tx) {
        return ChangeLogRepository.lastSeq(tx);
    }

    /**
     * The next change number. The counter row stays locked until the caller's transaction ends, so
     * numbers become visible in the order they were given: a pull never skips one that commits late.
     */
    static long nextSeq(DSLContext tx) {
        return ChangeLogRepository.nextSeq(tx);
    }

    /** Raises the person's office version by one and returns the new one. */
    public static int bumpPersonVersion(DSLContext tx, UUID personId) {
        return ChangeLogRepository.bumpPersonVersion(tx, personId);
    }

    /** The person's current office version (0: never changed since the office began counting). */
    static int personVersion(DSLContext tx, UUID personId) {
        return ChangeLogRepository.personVersion(tx, personId);
    }

    /** Appends one change with the next sequence number; returns that number. */
    public static long append(DSLContext tx, UUID opId, Outbox.Op op, String table, UUID rowId, String field, String newValue,
                       int officeVersion, UUID personId, String deviceCode, UUID madeBy, OffsetDateTime madeAt) {
        return append(tx, opId, op, table, rowId, field, newValue, officeVersion, personId, null, deviceCode, madeBy, madeAt);
    }

    /** Like the other, for a change of a case's rows: {@code caseId} limits who pulls it to those who may see that case. */
    public static long append(DSLContext tx, UUID opId, Outbox.Op op, String table, UUID rowId, String field, String newValue,
                       int officeVersion, UUID personId, UUID caseId, String deviceCode, UUID madeBy, OffsetDateTime madeAt) {
        long seq = nextSeq(tx);
        ChangeLogRepository.insert(tx, seq, opId, op, table, rowId, field, newValue, officeVersion, personId, caseId, deviceCode, madeBy, madeAt);
        return seq;
    }
}
