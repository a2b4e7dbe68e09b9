package org.haven.core.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.haven.core.access.CaseAccess;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.haven.core.operations.Operation;
import org.haven.core.operations.OperationMembers;
import org.haven.core.operations.OperationRepository;
import org.haven.core.people.Person;
import org.haven.core.people.PersonChanges;
import org.haven.core.people.PersonRepository;
import org.haven.core.people.PersonValidator;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.core.security.Session;
import org.haven.core.timeline.CaseEvent;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventRepository;
import org.haven.core.timeline.EventType;
import org.jooq.DSLContext;

/**
 * Registering people, opening, searching and moving cases. Each write is one transaction with its
 * audit row; every read and write checks that the user may see the case.
 *
 * <p>Just over 400 lines: it is the one door to a case for the window, the CLI, the import and the
 * intake grid, and each method is the same short shape (permission, validation, one transaction,
 * audit row; ADR 15). The SQL is in CaseRepository, the rules in CaseWorkflow and the validators,
 * the index in SearchIndex; splitting the remaining doors by verb would only scatter that shape.
 */
public final class CaseService {
    private final Database db;
    private final Session session;

    public CaseService(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /** Registers a new person with an open case and an identification event on its timeline. */
    public CaseFile register(NewCase request) {
        session.requireCaseData();
        LocalDate today = LocalDate.now();
        LocalDate identified = request.identifiedOn() == null ? today : request.identifiedOn();
        PersonValidator.validate(request.person(), identified, today).throwIfAny();
        return db.inTransaction(tx -> registerIn(tx, request, identified));
    }

    /** Registers many people in one transaction: all of them, or none (used by intake and demo data). */
    public List<CaseFile> registerAll(List<NewCase> requests) {
        session.requireCaseData();
        LocalDate today = LocalDate.now();
        for (NewCase r : requests) {
            PersonValidator.validate(r.person(), r.identifiedOn() == null ? today : r.identifiedOn(), today).throwIfAny();
        }
        return db.inTransaction(tx -> {
            List<CaseFile> saved = new ArrayList<>(requests.size());
            for (NewCase r : requests) saved.add(registerIn(tx, r, r.identifiedOn() == null ? today : r.identifiedOn()));
            return saved;
        });
    }

    /** Inside a caller's transaction (intake, import): person, case, identification event, index, audit. */
    public CaseFile registerIn(DSLContext tx, NewCase request, LocalDate identified) {
        return registerIn(tx, request, identified, null);
    }

    /**
     * Like {@link #registerIn(DSLContext, NewCase, LocalDate)}, with the search and match index rows
     * left to {@code batch} (a large import writes them sorted, see {@link SearchIndex.Batch} and
     * {@link SearchIndex.Deferred}); the caller writes them before the import commits its end. A null
     * batch indexes at once.
     */
    public CaseFile registerIn(DSLContext tx, NewCase request, LocalDate identified, SearchIndex.NewPeople batch) {
        UUID userId = session.user().id();
        Person person = PersonRepository.insert(tx, request.person(), userId);
        CaseFile saved = openCaseIn(tx, person.id(), request, identified, batch == null);
        if (batch != null) batch.add(person, saved.caseNumber());
        AuditLog.record(tx, session.user(), "PERSON_CREATE", "person", person.id(), null);
        return saved;
    }

    /** A new case for a person already in Haven (re-trafficked, or a duplicate linked at intake). */
    public CaseFile openNewCaseFor(UUID personId, NewCase request) {
        session.requireCaseData();
        LocalDate identified = request.identifiedOn() == null ? LocalDate.now() : request.identifiedOn();
        return db.inTransaction(tx -> {
            if (PersonRepository.find(tx, personId).isEmpty()) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.personGone");
            return openCaseIn(tx, personId, request, identified, true);
        });
    }

    /**
     * A new case for a person already in Haven, inside the caller's transaction (an import linking a
     * likely duplicate). The person's existing case must be one the user may see, as when linking in the window.
     */
    public CaseFile openNewCaseIn(DSLContext tx, UUID personId, NewCase request, LocalDate identified) {
        session.requireCaseData();
        if (PersonRepository.find(tx, personId).isEmpty()) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.personGone");
        if (!PersonCasesRepository.hasVisibleCase(tx, personId, session.user())) {
            throw HavenException.of(HavenException.Kind.DENIED, "error.notYourPerson");
        }
        return openCaseIn(tx, personId, request, identified, true);
    }

    /**
     * A case goes under an operation only for its members and coordinators (form, grid, import,
     * linking a duplicate): otherwise anyone could file people under another team's raid.
     */
    private void requireMayAddTo(DSLContext tx, UUID operationId) {
        if (operationId == null) return;
        Operation op = OperationRepository.find(tx, operationId).orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.case.operationGone"));
        OperationMembers.requireMayAddPeople(tx, session.user(), op);
    }

    private CaseFile openCaseIn(DSLContext tx, UUID personId, NewCase request, LocalDate identified, boolean index) {
        requireMayAddTo(tx, request.operationId());
        UUID userId = session.user().id();
        UUID assignee = request.assignedTo() != null ? request.assignedTo()
                : (session.user().has(Role.CASEWORKER) ? userId : null);
        CaseFile draft = new CaseFile(null, CaseNumbers.next(tx, identified), personId, request.operationId(), assignee,
                CaseStatus.IDENTIFIED, null, null, LegalRole.NONE, identified, null, 0);
        CaseFile saved = CaseRepository.insert(tx, draft, userId);
        EventRepository.insert(tx, saved.id(), EventType.IDENTIFICATION, identified, DatePrecision.DAY, request.note(), userId);
        if (index) SearchIndex.reindex(tx, personId);
        AuditLog.record(tx, session.user(), "CASE_CREATE", "case", saved.id(), null);
        return saved;
    }

    /** The case with its person and whole timeline; the view is recorded in the audit log. */
    public CaseDetails open(UUID caseId) {
        session.requireCaseData();
        return db.inTransaction(tx -> {
            CaseAccess.requireVisible(tx, session.user(), caseId);
            CaseFile c = CaseRepository.find(tx, caseId).orElseThrow();
            Person p = PersonRepository.find(tx, c.personId()).orElseThrow();
            Operation o = c.operationId() == null ? null : OperationRepository.find(tx, c.operationId()).orElse(null);
            String assignee = c.assignedTo() == null ? null
                    : org.haven.core.security.AccountRepository.username(tx, c.assignedTo());
            List<CaseEvent> events = EventRepository.forCase(tx, caseId);
            AuditLog.record(tx, session.user(), "CASE_VIEW", "case", caseId, null);
            return new CaseDetails(c, p, o, assignee, events, CaseRepository.nonPunishmentFlag(tx, caseId));
        });
    }

    /**
     * The other cases of this case's person (issue 18: a person linked as a likely duplicate brings
     * their history): those the user may see, oldest first, and a count of the others.
     */
    public PersonHistory history(UUID caseId) {
        session.requireCaseData();
        DSLContext dsl = db.dsl();
        CaseAccess.requireVisible(dsl, session.user(), caseId);
        CaseFile c = CaseRepository.find(dsl, caseId).orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.caseGone"));
        List<PersonHistory.OtherCase> visible = PersonCasesRepository.visibleOthers(dsl, c.personId(), caseId, session.user());
        int all = PersonCasesRepository.countOthers(dsl, c.personId(), caseId);
        return new PersonHistory(c.openedOn(), visible, all - visible.size());
    }

    public CaseDetails openByNumber(String caseNumber) {
        session.requireCaseData();
        CaseFile c = CaseRepository.findByNumber(db.dsl(), caseNumber)
                .orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.cli.noCase", caseNumber.trim()));
        return open(c.id());
    }

    public List<CaseListItem> search(CaseQuery query) {
        session.requireCaseData();
        return CaseRepository.search(db.dsl(), query, session.user());
    }

    /**
     * A page of the case list with the count shown beside it, counted up to {@code offset +
     * countAhead} (at least the page; {@link CasePage#more()} then says "more than"): what the list runs per keystroke.
     */
    public CasePage page(CaseQuery query, int countAhead) {
        session.requireCaseData();
        return CaseRepository.page(db.dsl(), query, session.user(), Math.max(0, query.offset()) + Math.max(countAhead, query.limit()));
    }

    /** The number of matching cases, counted up to {@code cap + 1} (more than cap: "more than cap"). */
    public int countUpTo(CaseQuery query, int cap) {
        session.requireCaseData();
        return CaseRepository.countUpTo(db.dsl(), query, session.user(), cap);
    }

    public int count(CaseQuery query) {
        session.requireCaseData();
        return CaseRepository.count(db.dsl(), query, session.user());
    }

    /** Saves the person's edited details (optimistic lock: a stale version is refused, nothing lost). */
    public Person updatePerson(UUID caseId, Person changed) {
        session.requireCaseData();
        CaseFile c = db.inTransaction(tx -> {
            CaseAccess.requireVisible(tx, session.user(), caseId);
            return CaseRepository.find(tx, caseId).orElseThrow();
        });
        if (!c.personId().equals(changed.id())) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.case.personNotOfCase");
        PersonValidator.validate(changed, c.openedOn(), LocalDate.now()).throwIfAny();
        return db.inTransaction(tx -> {
            // Checked again inside the writing transaction: the case may have been reassigned meanwhile.
            CaseAccess.requireVisible(tx, session.user(), caseId);
            // The outbox entries for the office are written with the edit, in this transaction.
            Person saved = PersonChanges.save(tx, session.user().id(), changed);
            SearchIndex.reindex(tx, saved.id());
            AuditLog.record(tx, session.user(), "PERSON_UPDATE", "person", saved.id(), null);
            return saved;
        });
    }

    /**
     * Edits the person of a case from its stored values (the command line's {@code person set}):
     * {@code edit} gets the person as saved and returns the changed one, which is then saved as the
     * form's edits are ({@link #updatePerson}: access, validation, optimistic lock, outbox, audit).
     */
    public Person editPerson(UUID caseId, java.util.function.UnaryOperator<Person> edit) {
        session.requireCaseData();
        Person current = db.inTransaction(tx -> {
            CaseAccess.requireVisible(tx, session.user(), caseId);
            CaseFile c = CaseRepository.find(tx, caseId).orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.caseGone"));
            return PersonRepository.find(tx, c.personId()).orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.personGone"));
        });
        return updatePerson(caseId, edit.apply(current));
    }

    /** Moves the case to a new status (workflow rules apply) and records it on the timeline. */
    public CaseFile move(UUID caseId, int version, CaseStatus to, Outcome outcome, String reason, LocalDate date) {
        session.requireCaseData();
        LocalDate when = date == null ? LocalDate.now() : date;
        return db.inTransaction(tx -> {
            CaseAccess.requireVisible(tx, session.user(), caseId);
            CaseFile current = CaseRepository.find(tx, caseId).orElseThrow();
            if (current.version() != version) {
                throw HavenException.of(HavenException.Kind.CONFLICT, "error.case.changedReload");
            }
            CaseWorkflow.check(current.status(), to, outcome, reason);
            if (when.isAfter(LocalDate.now())) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.case.statusDateFuture");
            if (when.isBefore(current.openedOn())) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.case.statusDateBeforeOpened");
            boolean closing = to == CaseStatus.CLOSED;
            CaseFile moved = new CaseFile(current.id(), current.caseNumber(), current.personId(), current.operationId(),
                    current.assignedTo(), to, closing ? outcome : null, closing ? reason.strip() : null,
                    current.legalRole(), current.openedOn(), closing ? when : null, current.version());
            CaseFile saved = CaseRepository.update(tx, moved, session.user().id());
            String note = current.status() + " -> " + to + (closing ? " (" + outcome + ")" : "")
                    + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
            EventRepository.insert(tx, caseId, EventType.STATUS_CHANGE, when, DatePrecision.DAY, note, session.user().id());
            AuditLog.record(tx, session.user(), "CASE_STATUS", "case", caseId, current.status() + "->" + to
                    + (closing ? ":" + outcome : ""));
            return saved;
        });
    }

    /**
     * Assigns several cases, named by their numbers, to one user in one transaction (coordinators).
     * Unknown numbers or a user who cannot see case data change nothing. Returns how many cases changed hands.
     */
    public int assignByNumber(List<String> caseNumbers, String username) {
        session.require(Role.COORDINATOR);
        return db.inTransaction(tx -> {
            var user = assignee(tx, username);
            List<CaseFile> cases = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String number : caseNumbers) {
                CaseRepository.findByNumber(tx, number).ifPresentOrElse(cases::add, () -> unknown.add(number.trim()));
            }
            if (!unknown.isEmpty()) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.assign.unknownCases", String.join(", ", unknown));
            }
            return assignIn(tx, cases, user);
        });
    }

    /**
     * Assigns the cases selected in the window (one or many) to one user, in one transaction
     * (coordinators; the same rules and audit as {@link #assignByNumber}). Returns how many changed hands.
     */
    public int assignCases(List<UUID> caseIds, String username) {
        session.require(Role.COORDINATOR);
        if (caseIds == null || caseIds.isEmpty()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.assign.noCase");
        return db.inTransaction(tx -> {
            var user = assignee(tx, username);
            List<CaseFile> cases = new ArrayList<>();
            for (UUID id : caseIds) {
                cases.add(CaseRepository.find(tx, id).orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.assign.caseGone")));
            }
            return assignIn(tx, cases, user);
        });
    }

    /** Who a case can be given to: active accounts that work on cases (caseworkers, coordinators), by login. Coordinators only. */
    public List<org.haven.core.security.User> assignableUsers() {
        session.require(Role.COORDINATOR);
        return org.haven.core.security.AccountRepository.activeByUsername(db.dsl()).stream().filter(org.haven.core.security.User::seesCaseData).toList();
    }

    private static org.haven.core.security.User assignee(DSLContext tx, String username) {
        if (username == null || username.isBlank()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.assign.noUser");
        var user = org.haven.core.security.AccountRepository.findByUsername(tx, username.trim())
                .filter(org.haven.core.security.User::active)
                .orElseThrow(() -> HavenException.of(HavenException.Kind.BAD_INPUT, "error.assign.unknownUser", username.trim()));
        if (!user.seesCaseData()) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.assign.adminOnly", user.username());
        }
        return user;
    }

    private int assignIn(DSLContext tx, List<CaseFile> cases, org.haven.core.security.User user) {
        int changed = 0;
        for (CaseFile current : cases) {
            if (user.id().equals(current.assignedTo())) continue;
            CaseFile moved = new CaseFile(current.id(), current.caseNumber(), current.personId(), current.operationId(),
                    user.id(), current.status(), current.outcome(), current.closingReason(), current.legalRole(),
                    current.openedOn(), current.closedOn(), current.version());
            CaseRepository.update(tx, moved, session.user().id());
            AuditLog.record(tx, session.user(), "CASE_ASSIGN", "case", current.id(), user.username());
            changed++;
        }
        return changed;
    }

    /** Records the person's role in legal proceedings (witness, complainant, suspect). */
    public CaseFile setLegalRole(UUID caseId, int version, LegalRole role) {
        session.requireCaseData();
        return db.inTransaction(tx -> {
            CaseAccess.requireVisible(tx, session.user(), caseId);
            CaseFile current = CaseRepository.find(tx, caseId).orElseThrow();
            CaseFile changed = new CaseFile(current.id(), current.caseNumber(), current.personId(), current.operationId(),
                    current.assignedTo(), current.status(), current.outcome(), current.closingReason(), role,
                    current.openedOn(), current.closedOn(), version);
            CaseFile saved = CaseRepository.update(tx, changed, session.user().id());
            AuditLog.record(tx, session.user(), "CASE_LEGAL_ROLE", "case", caseId, role.name());
            return saved;
        });
    }


    /** The trafficking details recorded for the case (country of exploitation, recruiter relation, methods of control). */
    public TraffickingDetails traffickingDetails(UUID caseId) {
        session.requireCaseData();
        return db.inTransaction(tx -> {
            CaseAccess.requireVisible(tx, session.user(), caseId);
            return TraffickingDetailsRepository.find(tx, caseId);
        });
    }

    /**
     * Records the case's trafficking details (all three fields at once; empty ones clear them). The
     * country must be an ISO 3166 alpha-2 code. The audit row names the fields, never their values.
     */
    public TraffickingDetails saveTraffickingDetails(TraffickingDetails details) {
        session.requireCaseData();
        String country = details.countryOfExploitation() == null || details.countryOfExploitation().isBlank() ? null
                : details.countryOfExploitation().strip().toUpperCase(java.util.Locale.ROOT);
        if (country != null && !org.haven.core.people.Countries.all().containsKey(country)) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.case.exploitationCountry");
        }
        TraffickingDetails clean = new TraffickingDetails(details.caseId(), country, details.recruiterRelations(),
                details.methodsOfControl());
        return db.inTransaction(tx -> {
            CaseAccess.requireVisible(tx, session.user(), details.caseId());
            TraffickingDetails before = TraffickingDetailsRepository.find(tx, details.caseId());
            TraffickingDetailsRepository.save(tx, clean, session.user().id());
            List<String> changed = new ArrayList<>();
            if (!java.util.Objects.equals(before.countryOfExploitation(), clean.countryOfExploitation())) changed.add("country_of_exploitation");
            if (!before.recruiterRelations().equals(clean.recruiterRelations())) changed.add("recruiter_relation");
            if (!before.methodsOfControl().equals(clean.methodsOfControl())) changed.add("methods_of_control");
            AuditLog.record(tx, session.user(), "CASE_HTCDS", "case", details.caseId(),
                    changed.isEmpty() ? "unchanged" : String.join(",", changed));
            return clean;
        });
    }

    /**
     * Inside a caller's transaction (an import): records the trafficking details a row gave for the
     * case just opened; nothing when there are none. The country is already an ISO code (the import
     * resolves it). The audit row names the fields, never their values, as the tab's save does.
     */
    public void recordTraffickingDetailsIn(DSLContext tx, UUID caseId, TraffickingDetails details) {
        if (details == null || details.isEmpty()) return;
        session.requireCaseData();
        TraffickingDetails d = new TraffickingDetails(caseId, details.countryOfExploitation(), details.recruiterRelations(),
                details.methodsOfControl());
        if (d.countryOfExploitation() != null && !org.haven.core.people.Countries.all().containsKey(d.countryOfExploitation())) {
            throw new IllegalArgumentException("not an ISO 3166 alpha-2 code");
        }
        TraffickingDetailsRepository.save(tx, d, session.user().id());
        List<String> fields = new ArrayList<>();
        if (d.countryOfExploitation() != null) fields.add("country_of_exploitation");
        if (!d.recruiterRelations().isEmpty()) fields.add("recruiter_relation");
        if (!d.methodsOfControl().isEmpty()) fields.add("methods_of_control");
        AuditLog.record(tx, session.user(), "CASE_HTCDS", "case", caseId, String.join(",", fields));
    }

    /** Counts of the cases of one operation that the user may see, for the operation page. */
    public OperationSummary operationSummary(UUID operationId) {
        session.requireCaseData();
        var dsl = db.dsl();
        org.jooq.Condition cases = OperationSummaryRepository.cases(operationId, session.user());
        java.util.Map<String, Integer> status = OperationSummaryRepository.byStatus(dsl, cases);
        java.util.Map<CaseStatus, Long> byStatus = new java.util.EnumMap<>(CaseStatus.class);
        long total = 0;
        for (CaseStatus st : CaseStatus.values()) {
            long n = status.getOrDefault(st.name(), 0);
            byStatus.put(st, n);
            total += n;
        }
        java.util.Map<String, Long> byNationality = OperationSummaryRepository.byNationality(dsl, cases);
        java.util.Map<String, Integer> sex = OperationSummaryRepository.bySex(dsl, cases);
        java.util.Map<org.haven.core.people.Sex, Long> bySex = new java.util.EnumMap<>(org.haven.core.people.Sex.class);
        for (org.haven.core.people.Sex x : org.haven.core.people.Sex.values()) bySex.put(x, (long) sex.getOrDefault(x.name(), 0));
        return new OperationSummary(total, byStatus, byNationality, bySex);
    }
}
