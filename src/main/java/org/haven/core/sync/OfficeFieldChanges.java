package org.haven.core.sync;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.haven.core.changes.CaseSyncRepository;
import org.haven.core.changes.EventSyncRepository;
import org.haven.core.changes.OperationSyncRepository;
import org.haven.core.changes.Outbox;
import org.haven.core.changes.RowsRepository;
import org.haven.core.changes.TraffickingSyncRepository;
import org.haven.core.db.Ids;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Session;
import org.haven.core.sync.OfficePush.Entry;
import org.haven.core.sync.OfficePush.Result;
import org.haven.core.sync.OfficePush.Status;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;

/**
 * The office applying a push's field changes (SET entries; docs/sync.md, "The conflict rule"): a
 * person's, a case's, a trafficking detail's, a timeline entry's or an operation's field is applied when
 * it has not changed at the office since the entry's base version by another device (or already holds
 * the value); otherwise the office keeps its value and records a conflict. Each runs in the savepoint
 * {@link OfficePush} opened for its group, and answers through it.
 */
final class OfficeFieldChanges {
    private final OfficePush push;
    private final Session session;

    OfficeFieldChanges(OfficePush push, Session session) {
        this.push = push;
        this.session = session;
    }

    Result set(DSLContext tx, String device, List<Entry> group) {
        Entry first = group.getFirst();
        Entry last = group.getLast();
        if ("case_file".equals(first.table())) return setCase(tx, device, group);
        if (TraffickingSyncRepository.TABLE.equals(first.table())) return setTrafficking(tx, device, group);
        if (EventSyncRepository.TABLE.equals(first.table())) return setEvent(tx, device, group);
        if (OperationSyncRepository.TABLE.equals(first.table())) return setOperation(tx, device, group);
        if (!"person".equals(first.table())) throw new OfficePush.Refused("only a person's fields are synced so far");
        Field<?> column = PersonSyncRepository.field(first.field());
        if (column == null) throw new OfficePush.Refused("not a field that syncs", first.rowId());
        Object typedValue;
        try {
            typedValue = column.getDataType().convert(last.newValue());
        } catch (RuntimeException e) {
            throw new OfficePush.Refused("a value that cannot be read", first.rowId());
        }
        UUID personId = first.rowId();
        Record row = PersonSyncRepository.lock(tx, personId);
        if (row == null) return push.record(tx, device, group, Status.DROPPED, null, null, null);
        UUID caseId = PersonSyncRepository.visibleCase(tx, personId, session.user());
        if (caseId == null) {
            AuditLog.record(tx, session.user(), "SYNC_REFUSED", "person", personId, "device " + device + " field " + first.field() + ": not this account's case");
            return push.record(tx, device, group, Status.REFUSED, null, null, "not allowed: this case is not assigned to you");
        }
        String officeValue = Outbox.text(row.get(column));
        if (Objects.equals(officeValue, Outbox.text(typedValue))) {
            AuditLog.record(tx, session.user(), "SYNC_APPLIED", "person", personId, "device " + device + " field " + first.field() + ": same value already");
            return push.record(tx, device, group, Status.APPLIED, null, null, null);
        }
        if (PersonSyncRepository.breaksRules(tx, row, column, typedValue, caseId)) {
            AuditLog.record(tx, session.user(), "SYNC_REFUSED", "person", personId, "device " + device + " field " + first.field() + ": the rules refuse the value");
            return push.record(tx, device, group, Status.REFUSED, null, null, "the value breaks the rules for this field");
        }
        var theirs = CaseSyncRepository.changedSince(tx, "person", personId, first.field(), first.baseVersion(), device);
        if (theirs != null) {
            UUID conflictId = Ids.newId();
            PersonSyncRepository.conflict(tx, conflictId, personId, caseId, first.field(), last.newValue(), officeValue, session.user().id(),
                    device, last.madeAt(), theirs, last.opId());
            AuditLog.record(tx, session.user(), "SYNC_CONFLICT", "case", caseId, "device " + device + " field " + first.field() + " conflict " + conflictId);
            return push.record(tx, device, group, Status.CONFLICT, null, conflictId, null);
        }
        long seq = PersonSyncRepository.applyField(tx, personId, column, typedValue, Outbox.text(typedValue), last.opId(), device, session.user().id(), last.madeAt());
        AuditLog.record(tx, session.user(), "SYNC_APPLIED", "person", personId, "device " + device + " field " + first.field() + " change " + seq);
        return push.record(tx, device, group, Status.APPLIED, seq, null, null);
    }

    /**
     * A field of a timeline entry (type, date, precision, note): the same rule as the case's fields, with
     * the case's office version, only on a case the account may see.
     */
    private Result setEvent(DSLContext tx, String device, List<Entry> group) {
        Entry first = group.getFirst();
        Entry last = group.getLast();
        Field<?> column = EventSyncRepository.field(first.field());
        if (column == null) throw new OfficePush.Refused("not a field that syncs");
        if (!FieldChecksRepository.eventField(column, last.newValue())) throw new OfficePush.Refused("a value that cannot be read");
        UUID eventId = first.rowId();
        UUID caseId = EventSyncRepository.caseOf(tx, eventId);
        var row = caseId == null ? null : CaseSyncRepository.lock(tx, caseId);
        if (row == null) return push.record(tx, device, group, Status.DROPPED, null, null, null);
        if (!RowsRepository.caseVisible(tx, caseId, session.user())) throw new OfficePush.Refused("not allowed: this case is not assigned to you");
        String officeValue = EventSyncRepository.value(tx, eventId, column);
        String laptopValue = last.newValue() == null ? null : Outbox.text(org.jooq.tools.Convert.convert(last.newValue(), column.getType()));
        if (Objects.equals(officeValue, laptopValue)) {
            AuditLog.record(tx, session.user(), "SYNC_APPLIED", "case", caseId, "device " + device + " entry field " + first.field() + ": same value already");
            return push.record(tx, device, group, Status.APPLIED, null, null, null);
        }
        var theirs = CaseSyncRepository.changedSince(tx, EventSyncRepository.TABLE, eventId, first.field(), first.baseVersion(), device);
        if (theirs != null) {
            UUID conflictId = Ids.newId();
            EventSyncRepository.conflict(tx, conflictId, row, eventId, first.field(), laptopValue, officeValue, session.user().id(), device,
                    last.madeAt(), theirs, last.opId());
            AuditLog.record(tx, session.user(), "SYNC_CONFLICT", "case", caseId, "device " + device + " entry field " + first.field() + " conflict " + conflictId);
            return push.record(tx, device, group, Status.CONFLICT, null, conflictId, null);
        }
        long seq = EventSyncRepository.apply(tx, row, eventId, column, laptopValue, last.opId(), device, session.user().id(), last.madeAt());
        AuditLog.record(tx, session.user(), "SYNC_APPLIED", "case", caseId, "device " + device + " entry field " + first.field() + " change " + seq);
        return push.record(tx, device, group, Status.APPLIED, seq, null, null);
    }

    /**
     * A field of an operation (code, name, date, place...): the same rule as a person's fields, with
     * the operation's office version, by any account that works with case data (as the form); a code
     * another operation has is refused.
     */
    private Result setOperation(DSLContext tx, String device, List<Entry> group) {
        Entry first = group.getFirst();
        Entry last = group.getLast();
        if (!session.user().seesCaseData()) throw new OfficePush.Refused("not allowed: this account does not work with case data");
        Field<?> column = OperationSyncRepository.field(first.field());
        if (column == null) throw new OfficePush.Refused("not a field that syncs");
        if (!OperationSyncRepository.readable(column, last.newValue())) throw new OfficePush.Refused("a value that cannot be read");
        UUID operationId = first.rowId();
        var row = OperationSyncRepository.lock(tx, operationId);
        if (row == null) return push.record(tx, device, group, Status.DROPPED, null, null, null);
        String officeValue = OperationSyncRepository.valueText(row, column);
        String laptopValue = last.newValue() == null ? null : Outbox.text(org.jooq.tools.Convert.convert(last.newValue(), column.getType()));
        if (Objects.equals(officeValue, laptopValue)) {
            AuditLog.record(tx, session.user(), "SYNC_APPLIED", "operation", operationId, "device " + device + " field " + first.field() + ": same value already");
            return push.record(tx, device, group, Status.APPLIED, null, null, null);
        }
        var theirs = CaseSyncRepository.changedSince(tx, OperationSyncRepository.TABLE, operationId, first.field(), first.baseVersion(), device);
        if (theirs != null) {
            UUID conflictId = Ids.newId();
            OperationSyncRepository.conflict(tx, conflictId, operationId, first.field(), laptopValue, officeValue, session.user().id(), device,
                    last.madeAt(), theirs, last.opId());
            AuditLog.record(tx, session.user(), "SYNC_CONFLICT", "operation", operationId, "device " + device + " field " + first.field() + " conflict " + conflictId);
            return push.record(tx, device, group, Status.CONFLICT, null, conflictId, null);
        }
        if (laptopValue != null && "code".equals(first.field()) && OperationSyncRepository.codeTaken(tx, operationId, laptopValue)) {
            throw new OfficePush.Refused("another operation has this code at the office");
        }
        long seq;
        try {
            seq = OperationSyncRepository.apply(tx, operationId, column, laptopValue, last.opId(), device, session.user().id(), last.madeAt());
        } catch (DataAccessException cannotStore) {
            throw new OfficePush.Refused("a value the office cannot store");
        }
        AuditLog.record(tx, session.user(), "SYNC_APPLIED", "operation", operationId, "device " + device + " field " + first.field() + " change " + seq);
        return push.record(tx, device, group, Status.APPLIED, seq, null, null);
    }

    /**
     * A field of a case (status, outcome, assignment...): the same rule as a person's field, with the
     * case's office version; only on a case the account may see; a value of an unknown kind, or one the
     * office cannot store (an unknown caseworker or operation), is refused.
     */
    private Result setCase(DSLContext tx, String device, List<Entry> group) {
        Entry first = group.getFirst();
        Entry last = group.getLast();
        Field<?> column = CaseSyncRepository.field(first.field());
        if (column == null) throw new OfficePush.Refused("not a field that syncs");
        if (!FieldChecksRepository.caseField(column, last.newValue())) throw new OfficePush.Refused("a value that cannot be read");
        UUID caseId = first.rowId();
        var row = CaseSyncRepository.lock(tx, caseId);
        if (row == null) return push.record(tx, device, group, Status.DROPPED, null, null, null);
        if (!RowsRepository.caseVisible(tx, caseId, session.user())) throw new OfficePush.Refused("not allowed: this case is not assigned to you");
        String officeValue = CaseSyncRepository.valueText(row, column);
        String laptopValue = last.newValue() == null ? null : Outbox.text(org.jooq.tools.Convert.convert(last.newValue(), column.getType()));
        if (Objects.equals(officeValue, laptopValue)) {
            AuditLog.record(tx, session.user(), "SYNC_APPLIED", "case", caseId, "device " + device + " field " + first.field() + ": same value already");
            return push.record(tx, device, group, Status.APPLIED, null, null, null);
        }
        var theirs = CaseSyncRepository.changedSince(tx, caseId, first.field(), first.baseVersion(), device);
        if (theirs != null) {
            UUID conflictId = Ids.newId();
            CaseSyncRepository.conflict(tx, conflictId, row, first.field(), laptopValue, officeValue, session.user().id(), device,
                    last.madeAt(), theirs, last.opId());
            AuditLog.record(tx, session.user(), "SYNC_CONFLICT", "case", caseId, "device " + device + " field " + first.field() + " conflict " + conflictId);
            return push.record(tx, device, group, Status.CONFLICT, null, conflictId, null);
        }
        long seq;
        try {
            seq = CaseSyncRepository.apply(tx, row, column, laptopValue, last.opId(), device, session.user().id(), last.madeAt());
        } catch (DataAccessException unknownReference) {
            throw new OfficePush.Refused("a value the office cannot store");
        }
        AuditLog.record(tx, session.user(), "SYNC_APPLIED", "case", caseId, "device " + device + " field " + first.field() + " change " + seq);
        return push.record(tx, device, group, Status.APPLIED, seq, null, null);
    }

    /**
     * A trafficking detail of a case (country of exploitation, recruiter relations, methods of control):
     * the same rule as the case's fields, with the case's office version; only on a case the account may
     * see; a country or name this office does not know is refused.
     */
    private Result setTrafficking(DSLContext tx, String device, List<Entry> group) {
        Entry first = group.getFirst();
        Entry last = group.getLast();
        Field<String> column = TraffickingSyncRepository.field(first.field());
        if (column == null) throw new OfficePush.Refused("not a field that syncs");
        if (!FieldChecksRepository.traffickingDetail(column, last.newValue())) throw new OfficePush.Refused("a value that cannot be read");
        UUID caseId = first.rowId();
        var row = CaseSyncRepository.lock(tx, caseId);
        if (row == null) return push.record(tx, device, group, Status.DROPPED, null, null, null);
        if (!RowsRepository.caseVisible(tx, caseId, session.user())) throw new OfficePush.Refused("not allowed: this case is not assigned to you");
        String officeValue = TraffickingSyncRepository.value(tx, caseId, column);
        String laptopValue = last.newValue();
        if (Objects.equals(officeValue, laptopValue)) {
            AuditLog.record(tx, session.user(), "SYNC_APPLIED", "case", caseId, "device " + device + " field " + first.field() + ": same value already");
            return push.record(tx, device, group, Status.APPLIED, null, null, null);
        }
        var theirs = CaseSyncRepository.changedSince(tx, TraffickingSyncRepository.TABLE, caseId, first.field(), first.baseVersion(), device);
        if (theirs != null) {
            UUID conflictId = Ids.newId();
            CaseSyncRepository.conflict(tx, TraffickingSyncRepository.TABLE, conflictId, row, first.field(), laptopValue, officeValue,
                    session.user().id(), device, last.madeAt(), theirs, last.opId());
            AuditLog.record(tx, session.user(), "SYNC_CONFLICT", "case", caseId, "device " + device + " field " + first.field() + " conflict " + conflictId);
            return push.record(tx, device, group, Status.CONFLICT, null, conflictId, null);
        }
        long seq = TraffickingSyncRepository.apply(tx, row, column, laptopValue, last.opId(), device, session.user().id(), last.madeAt());
        AuditLog.record(tx, session.user(), "SYNC_APPLIED", "case", caseId, "device " + device + " field " + first.field() + " change " + seq);
        return push.record(tx, device, group, Status.APPLIED, seq, null, null);
    }
}
