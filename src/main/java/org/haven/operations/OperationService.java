package org.haven.operations;

import static org.haven.db.jooq.Tables.OPERATION;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.haven.common.HavenException;
import org.haven.common.ValidationErrors;
import org.haven.db.Database;
import org.haven.security.AuditLog;
import org.haven.security.Session;

/** Raids and rescue operations: create, edit, list. */
public final class OperationService {
    private final Database db;
    private final Session session;

    public OperationService(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    public List<Operation> list() {
        session.requireCaseData();
        return OperationRepository.all(db.dsl());
    }

    public Optional<Operation> findByCode(String code) {
        session.requireCaseData();
        return OperationRepository.findByCode(db.dsl(), code);
    }

    public Operation get(UUID id) {
        session.requireCaseData();
        return OperationRepository.find(db.dsl(), id).orElseThrow(() -> HavenException.notFound("This operation no longer exists."));
    }

    public Operation create(Operation draft) {
        session.requireCaseData();
        validate(draft);
        return db.inTransaction(tx -> {
            if (tx.fetchExists(OPERATION, OPERATION.CODE.equalIgnoreCase(draft.code().trim()))) {
                throw HavenException.badInput("An operation with the code '" + draft.code().trim() + "' already exists.");
            }
            Operation saved = OperationRepository.insert(tx, draft, session.user().id());
            AuditLog.record(tx, session.user(), "OPERATION_CREATE", "operation", saved.id(), null);
            return saved;
        });
    }

    public Operation update(Operation changed) {
        session.requireCaseData();
        validate(changed);
        return db.inTransaction(tx -> {
            Operation saved = OperationRepository.update(tx, changed, session.user().id());
            AuditLog.record(tx, session.user(), "OPERATION_UPDATE", "operation", saved.id(), null);
            return saved;
        });
    }

    /** A short unique code for a new operation, e.g. OP-2026-07. */
    public String nextCode(LocalDate date) {
        String prefix = "OP-" + date.getYear() + "-";
        int n = db.dsl().fetchCount(OPERATION, OPERATION.CODE.startsWith(prefix)) + 1;
        while (db.dsl().fetchExists(OPERATION, OPERATION.CODE.eq(prefix + String.format("%02d", n)))) n++;
        return prefix + String.format("%02d", n);
    }

    static void validate(Operation o) {
        ValidationErrors errors = new ValidationErrors();
        if (o.code() == null || o.code().isBlank()) errors.add("code", "required");
        else if (o.code().trim().length() > 40) errors.add("code", "at most 40 characters");
        if (o.name() == null || o.name().isBlank()) errors.add("name", "required");
        if (o.date() == null) errors.add("date", "required");
        else if (o.date().isAfter(LocalDate.now())) errors.add("date", "cannot be in the future");
        if (o.peopleFound() != null && o.peopleFound() < 0) errors.add("peopleFound", "cannot be negative");
        errors.throwIfAny();
    }
}
