package org.haven.core.sync;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.haven.core.cases.SearchIndex;
import org.haven.core.changes.CaseSyncRepository;
import org.haven.core.changes.ChangeLog;
import org.haven.core.changes.EventSyncRepository;
import org.haven.core.changes.OperationSyncRepository;
import org.haven.core.changes.Outbox;
import org.haven.core.changes.RowsRepository;
import org.haven.core.changes.ScreeningRowsRepository;
import org.haven.core.changes.TraffickingSyncRepository;
import org.haven.core.common.HavenException;
import org.haven.core.db.Audit;
import org.haven.core.db.Database;
import org.haven.core.deletion.PersonDeletion;
import org.haven.core.operations.OperationMembers;
import org.haven.core.operations.OperationRepository;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.core.security.Session;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;

/**
 * The office applying a laptop's pushed outbox entries (docs/sync.md, "Push"), under the pushing
 * account's own access rules. Per field ({@link OfficeFieldChanges}): applied when the field has not changed at the office since
 * the entry's base version (by another device) or already holds the new value; otherwise the office
 * keeps its value and a conflict is recorded and the case flagged. New rows, deletions and merges are
 * applied here. Several entries of one field in a
 * push count as one (first base, last value). A tombstone deletes the person as `person delete` does
 * (coordinators). A change for an unknown or deleted person is dropped. Every operation id is
 * remembered with its answer, so a retry applies nothing twice. A push's field changes and new rows
 * are applied 100 to a transaction, each field (or new row) in a savepoint of its own with its audit entry; the
 * audit names the device and the field, never a value.
 */
public final class OfficePush {
    /** What the office did with an entry. DUPLICATE: it had it already ({@link Result#was} says what it did then). */
    public enum Status { APPLIED, CONFLICT, DROPPED, REFUSED, DUPLICATE }

    public record Result(UUID opId, Status status, Status was, Long seq, UUID conflictId, String reason) {}

    /** The answers, in the order of the entries, and the office's change number after the push. */
    public record Outcome(List<Result> results, long seq) {}

    /** A pushed entry; the pushing account is the one logged in, the device the one named in the push. */
    public record Entry(UUID opId, Outbox.Op op, String table, UUID rowId, String field, String oldValue, String newValue,
                        int baseVersion, OffsetDateTime madeAt) {}

    /**
     * Groups applied in one transaction. Not a whole push: every group updates the same counter rows (the
     * change sequence, the audit chain's head), and PostgreSQL keeps each of their versions until the
     * transaction ends, so each update in a very long transaction costs more than the one before.
     */
    static final int GROUPS_PER_TRANSACTION = 100;

    private final Database db;
    private final Session session;
    /** Field changes (SET entries) of every table, by the conflict rule. */
    private final OfficeFieldChanges fields;

    public OfficePush(Database db, Session session) {
        this.db = db;
        this.session = session;
        this.fields = new OfficeFieldChanges(this, session);
    }

    public Outcome push(String deviceCode, List<Entry> entries) {
        if (!db.isOffice()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.sync.pushOnOffice");
        Map<UUID, Result> answers = new HashMap<>();
        // Operation ids the office already has: answered as then, applied nothing again.
        List<UUID> ids = entries.stream().map(Entry::opId).toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            for (Result r : AppliedOpsRepository.answered(db.dsl(), ids.subList(i, Math.min(ids.size(), i + 1000)))) answers.put(r.opId(), r);
        }
        // The rest in groups: one per field of a row (first base, last value), a tombstone or a merge alone.
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (answers.containsKey(e.opId())) continue;
            String key = e.op() == Outbox.Op.SET ? e.table() + "/" + e.rowId() + "/" + e.field() : e.op() + ":" + e.opId();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        // Field changes and new rows in transactions of up to GROUPS_PER_TRANSACTION groups (a commit per
        // entry was most of a raid's push time), each group in a savepoint of its own so that a refusal
        // undoes only that group. A tombstone (the person's deletion) or a merge runs on its own, between them.
        List<List<Entry>> batch = new ArrayList<>();
        for (List<Entry> group : groups.values()) {
            Outbox.Op op = group.getFirst().op();
            if (op == Outbox.Op.SET || op == Outbox.Op.INSERT) {
                batch.add(group);
                if (batch.size() == GROUPS_PER_TRANSACTION) {
                    applyAll(deviceCode, batch, answers);
                    batch.clear();
                }
                continue;
            }
            applyAll(deviceCode, batch, answers);
            batch.clear();
            answer(answers, group, op == Outbox.Op.MERGE ? merge(deviceCode, group.getFirst()) : delete(deviceCode, group.getFirst()));
        }
        applyAll(deviceCode, batch, answers);
        List<Result> out = new ArrayList<>();
        for (Entry e : entries) out.add(answers.get(e.opId()));
        return new Outcome(out, ChangeLog.lastSeq(db.dsl()));
    }

    /**
     * Applies the groups in one transaction, each in a savepoint: a group refused is rolled back to its
     * savepoint and answered "refused" (audited); any other error rolls these groups back (a 500: the
     * laptop sends them again; what earlier transactions applied answers "duplicate").
     */
    private void applyAll(String device, List<List<Entry>> groups, Map<UUID, Result> answers) {
        if (groups.isEmpty()) return;
        db.inTransactionRun(tx -> {
            // People whose new rows (person, case) applied: their search index is rebuilt once, at the end,
            // not once per row (a registration's person and case are two rows).
            Set<UUID> reindex = new LinkedHashSet<>();
            for (List<Entry> group : groups) {
                Result r;
                try {
                    r = tx.transactionResult(savepoint -> {
                        DSLContext sp = savepoint.dsl();
                        return group.getFirst().op() == Outbox.Op.INSERT ? insert(sp, device, group.getFirst(), reindex) : fields.set(sp, device, group);
                    });
                } catch (Refused refused) {
                    r = refuse(tx, device, group, refused.personId, refused.getMessage());
                }
                answer(answers, group, r);
            }
            for (UUID personId : reindex) SearchIndex.reindex(tx, personId);
        });
    }

    /**
     * A screening made on a laptop, applied once with its answers, consents and choices, on a case the
     * account may see; both screenings are kept when two were made apart, the later one the latest. A
     * screening of a case the office no longer has is dropped.
     */
    private Result insertScreening(DSLContext tx, String device, Entry e) {
        if (!session.user().seesCaseData()) throw new Refused("not allowed: this account does not work with case data");
        ScreeningRowsRepository.Rows rows;
        try {
            rows = ScreeningRowsRepository.read(tx, e.newValue());
        } catch (RuntimeException unreadable) {
            throw new Refused("a row that cannot be read");
        }
        if (!e.rowId().equals(rows.id())) throw new Refused("a row that cannot be read");
        if (ScreeningRowsRepository.exists(tx, e.rowId())) {
            AuditLog.record(tx, session.user(), "SYNC_APPLIED", e.table(), e.rowId(), "device " + device + " new row: here already");
            return record(tx, device, List.of(e), Status.APPLIED, null, null, null);
        }
        UUID caseId = rows.caseId();
        UUID personId = RowsRepository.personOfCase(tx, caseId);
        if (personId == null) return record(tx, device, List.of(e), Status.DROPPED, null, null, null);
        if (!RowsRepository.caseVisible(tx, caseId, session.user())) throw new Refused("not allowed: this case is not assigned to you");
        try {
            ScreeningRowsRepository.insert(tx, rows);
        } catch (DataAccessException clash) {
            throw new Refused("the row clashes with the office's rows");
        }
        long seq = ChangeLog.append(tx, e.opId(), Outbox.Op.INSERT, e.table(), e.rowId(), null,
                ScreeningRowsRepository.json(tx, e.rowId()), 0, personId, caseId, device, session.user().id(), e.madeAt());
        AuditLog.record(tx, session.user(), "SYNC_APPLIED", e.table(), e.rowId(), "device " + device + " new row, change " + seq);
        return record(tx, device, List.of(e), Status.APPLIED, seq, null, null);
    }

    private static void answer(Map<UUID, Result> answers, List<Entry> group, Result r) {
        for (Entry e : group) answers.put(e.opId(), new Result(e.opId(), r.status(), null, r.seq(), r.conflictId(), r.reason()));
    }

    private Result delete(String device, Entry tombstone) {
        if (EventSyncRepository.TABLE.equals(tombstone.table())) return db.inTransaction(tx -> deleteEvent(tx, device, tombstone));
        if ("operation_member".equals(tombstone.table())) return db.inTransaction(tx -> deleteMembership(tx, device, tombstone));
        if (!"person".equals(tombstone.table())) {
            return db.inTransaction(tx -> refuse(tx, device, List.of(tombstone), null, "only a person's deletion is synced so far"));
        }
        if (!session.user().roles().contains(Role.COORDINATOR)) {
            return db.inTransaction(tx -> refuse(tx, device, List.of(tombstone), null, "not allowed: only a coordinator deletes a person"));
        }
        try {
            long[] seq = new long[1];
            new PersonDeletion(db, session).deletePerson(tombstone.rowId(), tx -> {
                seq[0] = ChangeLog.lastSeq(tx); // the tombstone this deletion just logged
                AuditLog.record(tx, session.user(), "SYNC_APPLIED", "person", null, "device " + device + " deletion change " + seq[0]);
                record(tx, device, List.of(tombstone), Status.APPLIED, seq[0], null, null);
            });
            return new Result(tombstone.opId(), Status.APPLIED, null, seq[0], null, null);
        } catch (HavenException e) {
            if (e.kind() != HavenException.Kind.NOT_FOUND) throw e;
            // Deleted already (here or by another device): nothing to undo, nothing to do.
            return db.inTransaction(tx -> record(tx, device, List.of(tombstone), Status.DROPPED, null, null, null));
        }
    }

    /**
     * Two records of one person merged on a coordinator's laptop (docs/sync.md, "Merges"): the same at
     * the office, whatever cases the merged-away record has here by now. Dropped when either record is
     * gone (deleted or merged meanwhile): a deletion is never undone by a sync.
     */
    private Result merge(String device, Entry e) {
        return db.inTransaction(tx -> {
            if (!session.user().has(Role.COORDINATOR)) {
                return refuse(tx, device, List.of(e), null, "not allowed: only a coordinator merges two records");
            }
            UUID keepId;
            try {
                keepId = UUID.fromString(e.newValue());
            } catch (RuntimeException unreadable) {
                return refuse(tx, device, List.of(e), null, "a value that cannot be read");
            }
            if (keepId.equals(e.rowId())) return refuse(tx, device, List.of(e), null, "a value that cannot be read");
            if (!MergeSyncRepository.lockBoth(tx, e.rowId(), keepId)) return record(tx, device, List.of(e), Status.DROPPED, null, null, null);
            MergeSyncRepository.merge(tx, e.rowId(), keepId, session.user().id());
            long seq = org.haven.core.changes.MergeRowsRepository.logAtOffice(tx, e.opId(), e.rowId(), keepId, device, session.user().id(), e.madeAt());
            AuditLog.record(tx, session.user(), "SYNC_APPLIED", "person", keepId, "device " + device + " merge, change " + seq);
            return record(tx, device, List.of(e), Status.APPLIED, seq, null, null);
        });
    }

    /** A membership removed on a coordinator's laptop: removed at the office too; gone already: dropped. */
    private Result deleteMembership(DSLContext tx, String device, Entry tombstone) {
        if (!session.user().has(Role.COORDINATOR)) {
            return refuse(tx, device, List.of(tombstone), null, "not allowed: only a coordinator removes a member");
        }
        if (!RowsRepository.deleteRow(tx, RowsRepository.table("operation_member"), tombstone.rowId())) {
            return record(tx, device, List.of(tombstone), Status.DROPPED, null, null, null);
        }
        long seq = ChangeLog.append(tx, tombstone.opId(), Outbox.Op.DELETE, "operation_member", tombstone.rowId(), null, null, 0,
                null, null, device, session.user().id(), tombstone.madeAt());
        AuditLog.record(tx, session.user(), "SYNC_APPLIED", "operation_member", tombstone.rowId(), "device " + device + " membership removed, change " + seq);
        return record(tx, device, List.of(tombstone), Status.APPLIED, seq, null, null);
    }

    /**
     * A timeline entry deleted on a laptop: deleted at the office too when it is on a case the account
     * may see (status changes are never deleted, as in the window); gone already: dropped.
     */
    private Result deleteEvent(DSLContext tx, String device, Entry tombstone) {
        UUID caseId = EventSyncRepository.caseOf(tx, tombstone.rowId());
        if (caseId == null) return record(tx, device, List.of(tombstone), Status.DROPPED, null, null, null);
        if (!RowsRepository.caseVisible(tx, caseId, session.user())) {
            return refuse(tx, device, List.of(tombstone), null, "not allowed: this case is not assigned to you");
        }
        String type = EventSyncRepository.value(tx, tombstone.rowId(), EventSyncRepository.field("event_type"));
        if (type != null && !org.haven.core.timeline.EventType.valueOf(type).isManual()) {
            return refuse(tx, device, List.of(tombstone), null, "a status change is never deleted");
        }
        EventSyncRepository.deleteAtOffice(tx, tombstone.rowId(), tombstone.opId(), device, session.user().id(), tombstone.madeAt());
        long seq = ChangeLog.lastSeq(tx);
        AuditLog.record(tx, session.user(), "SYNC_APPLIED", "case", caseId, "device " + device + " timeline entry deleted, change " + seq);
        return record(tx, device, List.of(tombstone), Status.APPLIED, seq, null, null);
    }

    /** A refusal found while applying a group: it rolls back what the group wrote (to its savepoint). */
    static final class Refused extends RuntimeException {
        final UUID personId;

        Refused(String why) {
            this(why, null);
        }

        Refused(String why, UUID personId) {
            super(why, null, false, false);
            this.personId = personId;
        }
    }

    /**
     * A new row made on the laptop (docs/sync.md, "New rows"): inserted once (a row whose key the office
     * holds already is not inserted again), under the rules of the services: a person by anyone who
     * works with case data; a case only into an operation the account may add people to and only one it
     * may then see; an event only on a case it may see. A case of a person the office no longer has, or
     * an event of such a case, is dropped. The change log gets the row with the next change number.
     */
    private Result insert(DSLContext tx, String device, Entry e, Set<UUID> reindex) {
        if (ScreeningRowsRepository.TABLE.equals(e.table())) return insertScreening(tx, device, e);
        Table<?> table = RowsRepository.table(e.table());
        if (table == null) throw new Refused("new rows of this kind do not travel yet");
        if (!session.user().seesCaseData()) throw new Refused("not allowed: this account does not work with case data");
        List<TableRecord<?>> rows;
        try {
            rows = RowsRepository.read(tx, table, e.newValue());
        } catch (RuntimeException unreadable) {
            throw new Refused("a row that cannot be read");
        }
        if (rows.size() != 1 || !e.rowId().equals(RowsRepository.id(rows.getFirst()))) throw new Refused("a row that cannot be read");
        TableRecord<?> row = rows.getFirst();
        if (RowsRepository.exists(tx, table, e.rowId())) {
            AuditLog.record(tx, session.user(), "SYNC_APPLIED", e.table(), e.rowId(), "device " + device + " new row: here already");
            return record(tx, device, List.of(e), Status.APPLIED, null, null, null);
        }
        UUID personId = RowsRepository.personOf(tx, row);
        UUID caseId = RowsRepository.caseOf(row);
        boolean operationRow = RowsRepository.isOperationRow(row);
        if (row.getTable() == RowsRepository.table("operation_member")) {
            if (RowsRepository.membershipExists(tx, row)) {
                AuditLog.record(tx, session.user(), "SYNC_APPLIED", e.table(), e.rowId(), "device " + device + " new row: here already");
                return record(tx, device, List.of(e), Status.APPLIED, null, null, null);
            }
            if (!RowsRepository.mayAddMembership(tx, row, session.user())) {
                throw new Refused("not allowed: only a coordinator, or the operation's creator for themself, adds a member");
            }
        }
        if (!e.table().equals("person") && !operationRow) {
            // A case of a person, or an event of a case, that the office no longer has: never resurrected.
            if (!RowsRepository.personExists(tx, personId)) return record(tx, device, List.of(e), Status.DROPPED, null, null, null);
        }
        if (e.table().equals("case_event") && !RowsRepository.caseVisible(tx, caseId, session.user())) {
            throw new Refused("not allowed: this case is not assigned to you");
        }
        UUID operationId = RowsRepository.operationOf(row);
        if (operationId != null) {
            var operation = OperationRepository.find(tx, operationId).orElseThrow(() -> new Refused("an operation the office does not have"));
            if (!OperationMembers.mayAddPeople(tx, session.user(), operation.id())) {
                throw new Refused("not allowed: you are not a member of this case's operation");
            }
        }
        try {
            RowsRepository.insert(tx, row);
        } catch (DataAccessException clash) {
            throw new Refused("the row clashes with the office's rows");
        }
        if (e.table().equals("case_file") && !RowsRepository.caseVisible(tx, caseId, session.user())) {
            throw new Refused("not allowed: a case this account could not see");
        }
        long seq = ChangeLog.append(tx, e.opId(), Outbox.Op.INSERT, e.table(), e.rowId(), null, RowsRepository.json(tx, row), 0,
                personId, caseId, device, session.user().id(), e.madeAt());
        if (!e.table().equals("case_event") && !operationRow) reindex.add(personId);
        AuditLog.record(tx, session.user(), "SYNC_APPLIED", e.table(), e.rowId(), "device " + device + " new row, change " + seq);
        return record(tx, device, List.of(e), Status.APPLIED, seq, null, null);
    }

    private Result refuse(DSLContext tx, String device, List<Entry> group, UUID personId, String why) {
        AuditLog.record(tx, session.user(), "SYNC_REFUSED", "person", personId, "device " + device
                + (group.getFirst().op() == Outbox.Op.INSERT ? " new row" : group.getFirst().op() == Outbox.Op.MERGE ? " merge"
                        : group.getFirst().field() == null ? " deletion" : " field " + fieldForAudit(group.getFirst().field())) + ": " + why);
        return record(tx, device, group, Status.REFUSED, null, null, why);
    }

    /** A field's name for the audit: a known field's own name; anything else a laptop sent is not copied. */
    private static String fieldForAudit(String field) {
        return PersonSyncRepository.field(field) != null || CaseSyncRepository.field(field) != null || TraffickingSyncRepository.field(field) != null
                || EventSyncRepository.field(field) != null || OperationSyncRepository.field(field) != null ? field : "(not a field that syncs)";
    }

    Result record(DSLContext tx, String device, List<Entry> group, Status status, Long seq, UUID conflictId, String reason) {
        OffsetDateTime now = Audit.now();
        for (Entry e : group) AppliedOpsRepository.remember(tx, e.opId(), status, seq, conflictId, device, session.user().id(), now);
        return new Result(group.getLast().opId(), status, null, seq, conflictId, reason);
    }

}
