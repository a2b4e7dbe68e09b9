package org.haven.core.operations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.haven.core.common.HavenException;
import org.haven.core.common.ValidationErrors;
import org.haven.core.db.Database;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.core.security.Session;
import org.haven.core.security.User;
import org.jooq.DSLContext;

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
        return OperationRepository.find(db.dsl(), id).orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.operationGone"));
    }

    public Operation create(Operation draft) {
        session.requireCaseData();
        validate(draft);
        return db.inTransaction(tx -> {
            if (OperationCodeRepository.codeTaken(tx, draft.code().trim(), null)) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.operation.codeTaken", draft.code().trim());
            }
            Operation saved = OperationRepository.insert(tx, draft, session.user().id());
            AuditLog.record(tx, session.user(), "OPERATION_CREATE", "operation", saved.id(), null);
            joinAsCreator(tx, session.user(), saved);
            return saved;
        });
    }

    /** Whoever creates an operation (form or import) is its first member, audited in the same transaction. */
    public static void joinAsCreator(DSLContext tx, User creator, Operation operation) {
        if (OperationMembers.add(tx, operation.id(), creator.id(), creator.id())) {
            AuditLog.record(tx, creator, "OPERATION_MEMBER_ADD", "operation", operation.id(), "user=" + creator.id() + ",creator");
        }
    }

    /** The operations this user may add people to: every one for coordinators, their memberships for caseworkers. */
    public List<Operation> listForRegistration() {
        session.requireCaseData();
        List<Operation> all = OperationRepository.all(db.dsl());
        if (session.user().has(Role.COORDINATOR)) return all;
        java.util.Set<UUID> mine = new java.util.HashSet<>(OperationMembers.operationsOf(db.dsl(), session.user().id()));
        return all.stream().filter(o -> mine.contains(o.id())).toList();
    }

    /** Whether this user may add people to the operation (coordinator, or member). */
    public boolean mayAddPeople(UUID operationId) {
        session.requireCaseData();
        return OperationMembers.mayAddPeople(db.dsl(), session.user(), operationId);
    }

    /** The members' user names (anyone who sees case data may read them: staff names, no client data). */
    public List<String> members(UUID operationId) {
        session.requireCaseData();
        get(operationId);
        return OperationMembers.usernames(db.dsl(), operationId);
    }

    /** Puts a caseworker on the operation (coordinators): they then see all its cases and may add people to it. */
    public boolean addMember(UUID operationId, String username) {
        return addMembers(operationId, List.of(username)).get(0);
    }

    /** Takes a member off the operation (coordinators); their own and assigned cases stay visible to them. */
    public boolean removeMember(UUID operationId, String username) {
        return removeMembers(operationId, List.of(username)).get(0);
    }

    /** Adds several users at once; one unknown name changes nobody. Per name: whether it was added. */
    public List<Boolean> addMembers(UUID operationId, List<String> usernames) {
        return changeMembers(operationId, usernames, true);
    }

    /** Removes several users at once; one unknown name changes nobody. Per name: whether it was removed. */
    public List<Boolean> removeMembers(UUID operationId, List<String> usernames) {
        return changeMembers(operationId, usernames, false);
    }

    private List<Boolean> changeMembers(UUID operationId, List<String> usernames, boolean add) {
        session.require(Role.COORDINATOR);
        return db.inTransaction(tx -> {
            Operation op = OperationRepository.find(tx, operationId).orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.operationGone"));
            // Every name is checked before anything changes, so a typo in a list leaves the members as they were.
            List<UUID> userIds = usernames.stream().map(name -> userId(tx, name)).toList();
            List<Boolean> changed = new java.util.ArrayList<>();
            for (UUID userId : userIds) {
                // a removal travels as a tombstone (docs/sync.md), written while the row is still there
                if (!add) org.haven.core.changes.Outbox.recordMembershipRemoval(tx, session.user().id(), op.id(), userId);
                boolean done = add ? OperationMembers.add(tx, op.id(), userId, session.user().id()) : OperationMembers.remove(tx, op.id(), userId);
                if (done) AuditLog.record(tx, session.user(), add ? "OPERATION_MEMBER_ADD" : "OPERATION_MEMBER_REMOVE", "operation", op.id(), "user=" + userId);
                changed.add(done);
            }
            return changed;
        });
    }

    private static UUID userId(DSLContext tx, String username) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.operation.noUserName");
        UUID id = MemberRepository.userId(tx, name);
        if (id == null) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.operation.unknownUser", name);
        return id;
    }

    public Operation update(Operation changed) {
        session.requireCaseData();
        validate(changed);
        return db.inTransaction(tx -> {
            if (OperationCodeRepository.codeTaken(tx, changed.code().trim(), changed.id())) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.operation.codeTaken", changed.code().trim());
            }
            Operation saved = OperationRepository.update(tx, changed, session.user().id());
            AuditLog.record(tx, session.user(), "OPERATION_UPDATE", "operation", saved.id(), null);
            return saved;
        });
    }

    /** A short unique code for a new operation, e.g. OP-2026-07. */
    public String nextCode(LocalDate date) {
        // On a laptop that syncs, with its device code (as case numbers): two laptops at two raids
        // never make the same code, and the office takes both.
        String device = org.haven.core.changes.Outbox.isJoinedLaptop(db.dsl()) ? org.haven.core.changes.DeviceCode.of(db.dsl()) + "-" : "";
        String prefix = "OP-" + date.getYear() + "-" + device;
        int n = OperationCodeRepository.countWithCodePrefix(db.dsl(), prefix) + 1;
        while (OperationCodeRepository.codeExists(db.dsl(), prefix + String.format("%02d", n))) n++;
        return prefix + String.format("%02d", n);
    }

    /** The field errors of a draft, for inline validation in the operation form (same rules as save). */
    public static ValidationErrors check(Operation o) {
        ValidationErrors errors = new ValidationErrors();
        org.haven.core.common.PlainText.checkLine(errors, "code", o.code());
        org.haven.core.common.PlainText.checkLine(errors, "name", o.name());
        org.haven.core.common.PlainText.checkLine(errors, "province", o.province());
        org.haven.core.common.PlainText.checkLine(errors, "place", o.place());
        org.haven.core.common.PlainText.checkLine(errors, "agencies", o.agencies());
        org.haven.core.common.PlainText.checkMultiLine(errors, "notes", o.notes());
        if (o.code() == null || o.code().isBlank()) errors.add("code", "required");
        else if (o.code().trim().length() > 40) errors.add("code", "at most 40 characters");
        if (o.name() == null || o.name().isBlank()) errors.add("name", "required");
        else if (org.haven.core.common.PlainText.isVisiblyEmpty(o.name())) errors.add("name", org.haven.core.common.PlainText.ONLY_INVISIBLE);
        if (o.date() == null) errors.add("date", "required");
        else if (o.date().isAfter(LocalDate.now())) errors.add("date", "cannot be in the future");
        if (o.peopleFound() != null && o.peopleFound() < 0) errors.add("peopleFound", "cannot be negative");
        return errors;
    }

    static void validate(Operation o) {
        check(o).throwIfAny();
    }
}
