package org.haven.security;

import static org.haven.db.jooq.Tables.AUDIT_HEAD;
import static org.haven.db.jooq.Tables.AUDIT_LOG;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.haven.db.Ids;
import org.haven.db.jooq.tables.records.AuditLogRecord;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * The append-only audit log. Each entry holds who, when, what and which record (ids only, never
 * personal data) and the SHA-256 of the previous entry, so editing or deleting a row breaks the chain.
 * Entries are written with the caller's transaction context, so the log and the change commit together.
 */
public final class AuditLog {
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
        int n = entityIds.size();
        // Taking the head's lock reserves n sequence numbers at once, as n single appends would one by one.
        tx.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_SEQ.plus(n)).where(AUDIT_HEAD.ID.eq(1)).execute();
        Record2<Long, String> head = tx.select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH)
                .from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
        long seq = head.value1() - n;
        String prev = head.value2();
        List<AuditLogRecord> rows = new ArrayList<>(n);
        for (UUID entityId : entityIds) {
            AuditLogRecord row = tx.newRecord(AUDIT_LOG);
            row.setSeq(++seq);
            row.setId(Ids.newId());
            row.setAt(at);
            row.setUserId(user == null ? null : user.id());
            row.setUsername(user == null ? null : user.username());
            row.setAction(action);
            row.setEntity(entity);
            row.setEntityId(entityId);
            row.setDetail(detail);
            row.setPrevHash(prev);
            row.setHash(hashOf(row));
            prev = row.getHash();
            rows.add(row);
        }
        tx.batchInsert(rows).execute();
        tx.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_HASH, prev).where(AUDIT_HEAD.ID.eq(1)).execute();
    }

    /**
     * Appends an entry of the database a restore replaced, written there after the backup was made: its
     * time, user, action and record as they were, its detail marked "carried over", on this chain.
     */
    static void carryOver(DSLContext tx, AuditLogRecord original) {
        String detail = "carried over from the replaced database (its entry " + original.getSeq() + ")"
                + (original.getDetail() == null ? "" : ": " + original.getDetail());
        append(tx, original.getAt(), original.getUserId(), original.getUsername(), original.getAction(),
                original.getEntity(), original.getEntityId(), detail.length() > 500 ? detail.substring(0, 500) : detail);
    }

    private static void append(DSLContext tx, OffsetDateTime at, UUID userId, String username, String action,
            String entity, UUID entityId, String detail) {
        // Updating the head row first takes its lock: concurrent writers queue here, and the chain stays linear.
        tx.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_SEQ.plus(1)).where(AUDIT_HEAD.ID.eq(1)).execute();
        Record2<Long, String> head = tx.select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH)
                .from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
        long seq = head.value1();
        AuditLogRecord row = tx.newRecord(AUDIT_LOG);
        row.setSeq(seq);
        row.setId(Ids.newId());
        row.setAt(at);
        row.setUserId(userId);
        row.setUsername(username);
        row.setAction(action);
        row.setEntity(entity);
        row.setEntityId(entityId);
        row.setDetail(detail);
        row.setPrevHash(head.value2());
        row.setHash(hashOf(row));
        row.insert();
        tx.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_HASH, row.getHash()).where(AUDIT_HEAD.ID.eq(1)).execute();
    }

    /** The result of checking the chain: intact, or the sequence number of the first bad entry. */
    public record Verification(boolean intact, long entries, Long firstBrokenSeq, String problem) {}

    public static Verification verify(DSLContext dsl) {
        String expectedPrev = "0".repeat(64);
        long expectedSeq = 1;
        long count = 0;
        for (AuditLogRecord row : dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetchLazy()) {
            count++;
            if (row.getSeq() != expectedSeq) {
                return new Verification(false, count, expectedSeq, "entry " + expectedSeq + " is missing");
            }
            if (!row.getPrevHash().equals(expectedPrev) || !row.getHash().equals(hashOf(row))) {
                return new Verification(false, count, row.getSeq(), "entry " + row.getSeq() + " was altered");
            }
            expectedPrev = row.getHash();
            expectedSeq++;
        }
        Record2<Long, String> head = dsl.select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH)
                .from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
        if (head.value1() != expectedSeq - 1 || !head.value2().equals(expectedPrev)) {
            return new Verification(false, count, expectedSeq, "entries after " + (expectedSeq - 1) + " were removed");
        }
        return new Verification(true, count, null, null);
    }

    static String hashOf(AuditLogRecord row) {
        String canonical = String.join("|",
                Long.toString(row.getSeq()),
                row.getId().toString(),
                Long.toString(row.getAt().toInstant().toEpochMilli()),
                Objects.toString(row.getUserId(), ""),
                Objects.toString(row.getUsername(), ""),
                row.getAction(),
                Objects.toString(row.getEntity(), ""),
                Objects.toString(row.getEntityId(), ""),
                Objects.toString(row.getDetail(), ""),
                row.getPrevHash());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
