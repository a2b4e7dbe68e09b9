package org.haven.core.operations;

import static org.haven.core.db.jooq.Tables.OPERATION;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.haven.core.common.HavenException;
import org.haven.core.db.Audit;
import org.haven.core.db.Ids;
import org.haven.core.db.jooq.tables.records.OperationRecord;
import org.jooq.DSLContext;

/** Operation rows <-> {@link Operation} records, inside the caller's transaction. */
public final class OperationRepository {
    private OperationRepository() {}

    public static Operation insert(DSLContext tx, Operation o, UUID userId) {
        OperationRecord row = tx.newRecord(OPERATION);
        write(row, o);
        row.setId(Ids.newId());
        Audit.insertNew(row, userId);
        org.haven.core.changes.Outbox.recordInsert(tx, userId, row, null, null); // an operation made on a laptop travels (docs/sync.md)
        return toOperation(row);
    }

    public static Operation update(DSLContext tx, Operation o, UUID userId) {
        OperationRecord before = tx.selectFrom(OPERATION).where(OPERATION.ID.eq(o.id())).fetchOne();
        OperationRecord row = tx.newRecord(OPERATION);
        write(row, o);
        row.setVersion(o.version() + 1);
        row.setUpdatedAt(Audit.now());
        row.setUpdatedBy(userId);
        int n = tx.update(OPERATION).set(row).where(OPERATION.ID.eq(o.id())).and(OPERATION.VERSION.eq(o.version())).execute();
        if (n == 0) {
            throw HavenException.of(HavenException.Kind.CONFLICT, "error.operation.changedReopen");
        }
        // The edit travels to the office and the other laptops, field by field (docs/sync.md).
        org.haven.core.changes.OperationSyncRepository.recordEdit(tx, userId, before, tx.selectFrom(OPERATION).where(OPERATION.ID.eq(o.id())).fetchSingle());
        return find(tx, o.id()).orElseThrow();
    }

    public static Optional<Operation> find(DSLContext tx, UUID id) {
        return tx.selectFrom(OPERATION).where(OPERATION.ID.eq(id)).fetchOptional().map(OperationRepository::toOperation);
    }

    public static Optional<Operation> findByCode(DSLContext tx, String code) {
        return tx.selectFrom(OPERATION).where(OPERATION.CODE.equalIgnoreCase(code.trim()))
                .fetchOptional().map(OperationRepository::toOperation);
    }

    public static List<Operation> all(DSLContext tx) {
        return tx.selectFrom(OPERATION).orderBy(OPERATION.OPERATION_DATE.desc(), OPERATION.CODE)
                .fetch(OperationRepository::toOperation);
    }

    private static void write(OperationRecord row, Operation o) {
        row.setCode(o.code().trim());
        row.setName(o.name().trim());
        row.setOperationDate(o.date());
        row.setProvince(o.province());
        row.setPlace(o.place());
        row.setAgencies(o.agencies());
        row.setPeopleFound(o.peopleFound());
        row.setNotes(o.notes());
    }

    static Operation toOperation(OperationRecord r) {
        return new Operation(r.getId(), r.getCode(), r.getName(), r.getOperationDate(), r.getProvince(), r.getPlace(),
                r.getAgencies(), r.getPeopleFound(), r.getNotes(), r.getVersion());
    }
}
