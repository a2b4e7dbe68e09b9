package org.haven.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.haven.core.db.Database;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;

/**
 * The append-only audit log. Each entry holds who, when, what and which record (ids only, never
 * personal data) and the SHA-256 of the previous entry, so editing or deleting a row breaks the chain.
 * Entries are written with the caller's transaction context, so the log and the change commit together.
 *
 * <p>On the office database (PostgreSQL) an entry is written to {@code audit_pending} with the change,
 * and sealed into the chain right after the commit by {@link #sealPending}: one short transaction that
 * seals every entry waiting. The chain's head lock is then held only by sealing, never through a
 * user's commit, so twenty people saving at once do not queue behind one another's disk writes
 * (docs/adr/0020-audit-chain-sealed-after-commit.md). The embedded database appends directly.
 */
public final class AuditLog {
    /** Entries sealed per transaction: a 90,000-row import's entries are sealed in parts. */
    static final int SEAL_BATCH = 5000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditLog.class);

    private AuditLog() {}

    public static void record(DSLContext tx, User user, String action, String entity, UUID entityId, String detail) {
        append(tx, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS),
                user == null ? null : user.id(), user == null ? null : user.username(), action, entity, entityId, detail);
    }

    /**
     * One entry per record, all with the same action and detail (a batch of 200 summaries): the same
     * chain as {@link #record} called for each, written with one head update and one batch insert.
     */
    public static void recordEach(DSLContext tx, User user, String action, String entity, List<UUID> entityIds, String detail) {
        if (entityIds.isEmpty()) return;
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        if (sealedAfterCommit(tx)) {
            AuditChainRepository.insertPending(tx, at, user == null ? null : user.id(),
                    user == null ? null : user.username(), action, entity, entityIds, detail);
            return;
        }
        AuditChainRepository.appendEach(tx, at, user == null ? null : user.id(), user == null ? null : user.username(),
                action, entity, entityIds, detail);
    }

    /**
     * Appends an entry of the database a restore replaced, written there after the backup was made: its
     * time, user, action and record as they were, its detail marked "carried over", on this chain.
     */
    static void carryOver(DSLContext tx, Entry original) {
        String detail = "carried over from the replaced database (its entry " + original.seq() + ")"
                + (original.detail() == null ? "" : ": " + original.detail());
        append(tx, original.at(), original.userId(), original.username(), original.action(),
                original.entity(), original.entityId(), detail.length() > 500 ? detail.substring(0, 500) : detail);
    }

    private static void append(DSLContext tx, OffsetDateTime at, UUID userId, String username, String action,
            String entity, UUID entityId, String detail) {
        if (sealedAfterCommit(tx)) {
            AuditChainRepository.insertPending(tx, at, userId, username, action, entity, java.util.Collections.singletonList(entityId), detail);
            return;
        }
        AuditChainRepository.append(tx, at, userId, username, action, entity, entityId, detail);
    }

    /** On PostgreSQL the chain is extended after the commit ({@link #sealPending}); H2 appends at once. */
    static boolean sealedAfterCommit(DSLContext tx) {
        return tx.dialect().family() == SQLDialect.POSTGRES;
    }

    /**
     * Seals the entries of every database committed after each of its transactions: installed on the
     * office database when it is opened. A seal that fails (the connection dropped) does not undo the
     * committed change; its entries wait and the next commit, login or {@code audit verify} seals them.
     */
    public static void sealAfterEveryCommit(Database db) {
        db.afterCommit(() -> {
            if (db.isClosed()) return;
            try {
                sealPending(db);
            } catch (DataAccessException notNow) {
                LOG.warn("Audit entries are waiting to be sealed into the chain; the next commit seals them ({})",
                        notNow.getClass().getSimpleName());
            }
        });
    }

    /**
     * Moves every committed entry of {@code audit_pending} into the chain, in the order written, and
     * returns how many. One sealer at a time: the others wait for it and then usually find their own
     * entries already sealed, so a queue of twenty is sealed by one or two transactions.
     */
    public static int sealPending(Database db) {
        DSLContext dsl = db.dsl();
        int sealed = 0;
        // a read first: with nothing waiting, no lock and no transaction to commit
        while (AuditChainRepository.anyPending(dsl)) {
            int n = dsl.transactionResult(cfg -> AuditChainRepository.sealSome(cfg.dsl(), SEAL_BATCH));
            sealed += n;
            if (n < SEAL_BATCH) break;
        }
        return sealed;
    }

    /** The result of checking the chain: intact, or the sequence number of the first bad entry. */
    public record Verification(boolean intact, long entries, Long firstBrokenSeq, String problem) {}

    /** Seals what waits (entries left by a crash between a commit and its seal), then checks the chain. */
    public static Verification verify(Database db) {
        sealPending(db);
        return verify(db.dsl());
    }

    /** Checks the chain as it stands: entries still waiting in {@code audit_pending} are not part of it yet. */
    public static Verification verify(DSLContext dsl) {
        String expectedPrev = "0".repeat(64);
        long expectedSeq = 1;
        long count = 0;
        try (java.util.stream.Stream<Entry> entries = AuditChainRepository.entriesInOrder(dsl)) {
            for (java.util.Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
                Entry row = it.next();
                count++;
                if (row.seq() != expectedSeq) {
                    return new Verification(false, count, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!row.prevHash().equals(expectedPrev) || !row.hash().equals(hashOf(row))) {
                    return new Verification(false, count, row.seq(), "entry " + row.seq() + " was altered");
                }
                expectedPrev = row.hash();
                expectedSeq++;
            }
        }
        Record2<Long, String> head = AuditChainRepository.head(dsl);
        if (head.value1() != expectedSeq - 1 || !head.value2().equals(expectedPrev)) {
            return new Verification(false, count, expectedSeq, "entries after " + (expectedSeq - 1) + " were removed");
        }
        return new Verification(true, count, null, null);
    }

    /**
     * One entry of the chain as stored: {@code hash} is the SHA-256 of the others ({@link #hashOf}),
     * {@code prevHash} the previous entry's hash (64 zeros for the first).
     */
    record Entry(long seq, UUID id, OffsetDateTime at, UUID userId, String username, String action, String entity,
                 UUID entityId, String detail, String prevHash, String hash) {}

    /** The entry's hash: SHA-256 of its fields (all but the hash itself) joined by '|', in hex. */
    static String hashOf(Entry row) {
        String canonical = String.join("|",
                Long.toString(row.seq()),
                row.id().toString(),
                Long.toString(row.at().toInstant().toEpochMilli()),
                Objects.toString(row.userId(), ""),
                Objects.toString(row.username(), ""),
                row.action(),
                Objects.toString(row.entity(), ""),
                Objects.toString(row.entityId(), ""),
                Objects.toString(row.detail(), ""),
                row.prevHash());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
