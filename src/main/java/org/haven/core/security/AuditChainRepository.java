package org.haven.core.security;

import static org.haven.core.db.jooq.Tables.AUDIT_HEAD;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;
import static org.haven.core.db.jooq.Tables.AUDIT_PENDING;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.haven.core.db.Ids;
import org.haven.core.db.jooq.tables.records.AuditLogRecord;
import org.haven.core.db.jooq.tables.records.AuditPendingRecord;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SQLDialect;

/**
 * The SQL of the audit chain ({@link AuditLog}): appending to it on the embedded database, the office
 * database's entries that wait to be sealed into it and their sealing ({@link AuditLog#sealPending}),
 * and reading it back (verification, the key file's head, a restore's carried-over entries).
 * The hash of an entry is {@link AuditLog#hashOf}'s.
 */
final class AuditChainRepository {
    /** The key of the PostgreSQL advisory lock that lets one sealer at a time extend the chain. */
    static final long SEAL_LOCK = 0x4861_7665_6E41_7564L; // "HavenAud"

    private AuditChainRepository() {}

    /**
     * Appends one entry directly to the chain (the embedded database), in the caller's transaction:
     * the head's lock first, so concurrent writers queue and the chain stays linear.
     */
    static void append(DSLContext tx, OffsetDateTime at, UUID userId, String username, String action,
            String entity, UUID entityId, String detail) {
        // Updating the head row first takes its lock: concurrent writers queue here, and the chain stays linear.
        tx.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_SEQ.plus(1)).where(AUDIT_HEAD.ID.eq(1)).execute();
        Record2<Long, String> head = tx.select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH)
                .from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
        AuditLogRecord row = chained(tx, head.value1(), head.value2(), Ids.newId(), at, userId, username, action, entity, entityId, detail);
        row.insert();
        tx.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_HASH, row.getHash()).where(AUDIT_HEAD.ID.eq(1)).execute();
    }

    /** Appends one entry per record directly to the chain, as {@link #append} for each, with one head update and one batch insert. */
    static void appendEach(DSLContext tx, OffsetDateTime at, UUID userId, String username, String action,
            String entity, List<UUID> entityIds, String detail) {
        int n = entityIds.size();
        // Taking the head's lock reserves n sequence numbers at once, as n single appends would one by one.
        tx.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_SEQ.plus(n)).where(AUDIT_HEAD.ID.eq(1)).execute();
        Record2<Long, String> head = tx.select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH)
                .from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
        long seq = head.value1() - n;
        String prev = head.value2();
        List<AuditLogRecord> rows = new ArrayList<>(n);
        for (UUID entityId : entityIds) {
            AuditLogRecord row = chained(tx, ++seq, prev, Ids.newId(), at, userId, username, action, entity, entityId, detail);
            prev = row.getHash();
            rows.add(row);
        }
        tx.batchInsert(rows).execute();
        tx.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_HASH, prev).where(AUDIT_HEAD.ID.eq(1)).execute();
    }

    /** A new entry of the chain at {@code seq} after the entry whose hash is {@code prevHash}, hashed, not yet inserted. */
    private static AuditLogRecord chained(DSLContext tx, long seq, String prevHash, UUID id, OffsetDateTime at, UUID userId,
            String username, String action, String entity, UUID entityId, String detail) {
        AuditLogRecord row = tx.newRecord(AUDIT_LOG);
        row.setSeq(seq);
        row.setId(id);
        row.setAt(at);
        row.setUserId(userId);
        row.setUsername(username);
        row.setAction(action);
        row.setEntity(entity);
        row.setEntityId(entityId);
        row.setDetail(detail);
        row.setPrevHash(prevHash);
        row.setHash(hashOf(row));
        return row;
    }

    /** One waiting entry per record, in the caller's transaction (they commit with the change). */
    static void insertPending(DSLContext tx, OffsetDateTime at, UUID userId, String username, String action,
            String entity, List<UUID> entityIds, String detail) {
        List<AuditPendingRecord> rows = new ArrayList<>(entityIds.size());
        for (UUID entityId : entityIds) {
            AuditPendingRecord row = tx.newRecord(AUDIT_PENDING);
            row.setId(Ids.newId()); // time-ordered: the order of sealing within one millisecond
            row.setAt(at);
            row.setUserId(userId);
            row.setUsername(username);
            row.setAction(action);
            row.setEntity(entity);
            row.setEntityId(entityId);
            row.setDetail(detail);
            rows.add(row);
        }
        if (rows.size() == 1) {
            rows.get(0).insert();
        } else {
            tx.batchInsert(rows).execute();
        }
    }

    static boolean anyPending(DSLContext dsl) {
        return dsl.fetchExists(AUDIT_PENDING);
    }

    static int countPending(DSLContext dsl) {
        return dsl.fetchCount(AUDIT_PENDING);
    }

    /**
     * Seals up to {@code batch} committed waiting entries, oldest first, onto the chain's head, in the
     * caller's transaction; returns how many (0 when the sealer waited for had sealed them all).
     */
    static int sealSome(DSLContext tx, int batch) {
        lockChain(tx);
        List<AuditPendingRecord> waiting = tx.selectFrom(AUDIT_PENDING)
                .orderBy(AUDIT_PENDING.AT, AUDIT_PENDING.ID).limit(batch).fetch();
        if (waiting.isEmpty()) return 0;
        Record2<Long, String> head = tx.select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH)
                .from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
        long seq = head.value1();
        String prev = head.value2();
        List<AuditLogRecord> rows = new ArrayList<>(waiting.size());
        List<UUID> ids = new ArrayList<>(waiting.size());
        for (AuditPendingRecord p : waiting) {
            AuditLogRecord row = chained(tx, ++seq, prev, p.getId(), p.getAt(), p.getUserId(), p.getUsername(), p.getAction(),
                    p.getEntity(), p.getEntityId(), p.getDetail());
            prev = row.getHash();
            rows.add(row);
            ids.add(p.getId());
        }
        tx.batchInsert(rows).execute();
        tx.deleteFrom(AUDIT_PENDING).where(AUDIT_PENDING.ID.in(ids)).execute();
        tx.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_SEQ, seq).set(AUDIT_HEAD.LAST_HASH, prev)
                .where(AUDIT_HEAD.ID.eq(1)).execute();
        return waiting.size();
    }

    /** The chain's head: its last sequence number and last hash. */
    static Record2<Long, String> head(DSLContext dsl) {
        return dsl.select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH).from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
    }

    /** The hash of entry {@code seq}, or null when the chain has no such entry. */
    static String hashAt(DSLContext dsl, long seq) {
        return dsl.select(AUDIT_LOG.HASH).from(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(seq)).fetchOne(AUDIT_LOG.HASH);
    }

    /** Every entry of the chain in order, read lazily (close the stream). */
    static Stream<AuditLog.Entry> entriesInOrder(DSLContext dsl) {
        return dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetchStream().map(AuditChainRepository::entry);
    }

    /** Every entry of the chain in order, in memory. */
    static List<AuditLog.Entry> entries(DSLContext dsl) {
        return dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetch(AuditChainRepository::entry);
    }

    /** The hashes of every entry of the chain. */
    static Set<String> hashes(DSLContext dsl) {
        return dsl.select(AUDIT_LOG.HASH).from(AUDIT_LOG).fetchSet(AUDIT_LOG.HASH);
    }

    private static AuditLog.Entry entry(AuditLogRecord r) {
        return new AuditLog.Entry(r.getSeq(), r.getId(), r.getAt(), r.getUserId(), r.getUsername(), r.getAction(),
                r.getEntity(), r.getEntityId(), r.getDetail(), r.getPrevHash(), r.getHash());
    }

    /** The hash of a row being written: its hash field is not part of it. */
    private static String hashOf(AuditLogRecord row) {
        return AuditLog.hashOf(entry(row));
    }

    /**
     * One sealer at a time. On PostgreSQL an advisory lock: unlike a row lock it gives a sealer that
     * finds nothing left to seal no transaction id, so its commit writes nothing to disk and the queue
     * behind it moves at once. On H2 (entries left by a restored office backup) the head row's lock.
     */
    private static void lockChain(DSLContext tx) {
        if (tx.dialect().family() == SQLDialect.POSTGRES) {
            tx.fetch("SELECT pg_advisory_xact_lock(?)", SEAL_LOCK);
        } else {
            tx.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).forUpdate().fetch();
        }
    }
}
