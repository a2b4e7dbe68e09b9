package org.haven.core.matching;


import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseService;
import org.haven.core.cases.NewCase;
import org.haven.core.cases.SearchIndex;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.haven.core.people.Person;
import org.haven.core.people.PersonRepository;
import org.haven.core.people.PersonValidator;
import org.haven.core.people.names.MatchIndex;
import org.haven.core.people.names.NameKeys;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.core.security.Session;
import org.jooq.DSLContext;

/**
 * Duplicate detection and its decisions: find likely existing matches of a person, link a new
 * registration to an existing person, record that two people are different, merge two records.
 * Lookups read only the blocked candidates (see {@link MatchIndex}); writes are one transaction
 * each with their audit row (ids only).
 */
public final class MatchService {
    /** How many blocked people are scored at most (those sharing the most keys). */
    static final int BLOCK_CAP = 400;

    private final Database db;
    private final Session session;
    private final CaseService cases;

    public MatchService(Database db, Session session, CaseService cases) {
        this.db = db;
        this.session = session;
        this.cases = cases;
    }

    /** Likely matches, best first, at most {@code limit}; only people with a case the user may see. */
    public List<MatchCandidate> find(MatchQuery query, int limit) {
        session.requireCaseData();
        List<NameKeys.Variant> names = NameKeys.variants(query.nameLatin(), query.nameNative(), query.aliases());
        if (names.isEmpty()) return List.of();
        MatchScorer.Subject subject = new MatchScorer.Subject(names, query.birthDate(), query.estimatedAge(),
                LocalDate.now(), query.nationality());
        DSLContext dsl = db.dsl();
        List<Hit> hits = hits(dsl, query, names, subject);
        if (hits.isEmpty()) return List.of();

        // Then the best ones in full, a few at a time: the latest case the user may see (a person
        // whose cases they may not see is left out), and the reasons again with the written names.
        List<MatchCandidate> out = new ArrayList<>();
        int chunk = Math.max(limit, 10);
        for (int from = 0; from < hits.size() && out.size() < limit; from += chunk) {
            List<UUID> ids = hits.subList(from, Math.min(hits.size(), from + chunk)).stream().map(Hit::id).toList();
            Map<UUID, List<MatchRepository.VisibleCase>> casesOf = MatchRepository.visibleCases(dsl, ids, session.user());
            Map<UUID, MatchRepository.NamedPerson> people = MatchRepository.namedPeople(dsl, ids);
            for (UUID id : ids) {
                List<MatchRepository.VisibleCase> visible = casesOf.get(id);
                MatchRepository.NamedPerson p = people.get(id);
                if (visible == null || p == null) continue;
                MatchRepository.MatchName m = p.match();
                List<NameKeys.Variant> written = NameKeys.decode(m.variants(), p.nameLatin(), p.nameNative(), p.aliases());
                MatchScorer.Scored scored = MatchScorer.score(subject, subject(m, written));
                if (scored == null) continue;
                MatchRepository.VisibleCase latest = visible.get(0);
                out.add(new MatchCandidate(id, scored.score(), scored.reasons(), p.nameLatin(), p.nameNative(), m.birthDate(),
                        m.estimatedAge(), m.nationality(), latest.id(), latest.caseNumber(), visible.size(), p.sex(), latest.status()));
                if (out.size() >= limit) break;
            }
        }
        return out;
    }

    private record Hit(UUID id, MatchScorer.Scored scored) {}

    /** Every blocked person scored from the compact match_name rows (no transliteration, no wide rows), best first. */
    private List<Hit> hits(DSLContext dsl, MatchQuery query, List<NameKeys.Variant> names, MatchScorer.Subject subject) {
        Integer birthYear = MatchIndex.birthYear(query.birthDate(), query.estimatedAge(), null);
        List<UUID> blocked = new ArrayList<>(MatchIndex.block(dsl, NameKeys.queryKeys(names), birthYear, BLOCK_CAP));
        if (query.excludePersonId() != null) {
            blocked.remove(query.excludePersonId());
            blocked.removeAll(MatchRepository.distinctFrom(dsl, query.excludePersonId()));
        }
        if (blocked.isEmpty()) return List.of();
        List<Hit> hits = new ArrayList<>();
        for (MatchRepository.MatchName m : MatchRepository.matchNames(dsl, blocked)) {
            MatchScorer.Scored scored = MatchScorer.score(subject, subject(m, NameKeys.decode(m.variants(), null, null, null)));
            if (scored != null) hits.add(new Hit(m.personId(), scored));
        }
        hits.sort(Comparator.comparingInt((Hit h) -> -h.scored().score())
                .thenComparing(h -> -h.scored().nameSimilarity()).thenComparing(Hit::id));
        return hits;
    }

    /**
     * How many likely matches {@link #find} leaves out because none of their cases is one the user
     * may see: the caseworker learns that a likely match exists (so they ask a coordinator before
     * registering a duplicate), never whose or which case. Zero for coordinators.
     */
    public int hiddenMatches(MatchQuery query) {
        session.requireCaseData();
        if (session.user().seesAllCases()) return 0;
        List<NameKeys.Variant> names = NameKeys.variants(query.nameLatin(), query.nameNative(), query.aliases());
        if (names.isEmpty()) return 0;
        MatchScorer.Subject subject = new MatchScorer.Subject(names, query.birthDate(), query.estimatedAge(),
                LocalDate.now(), query.nationality());
        DSLContext dsl = db.dsl();
        List<UUID> ids = hits(dsl, query, names, subject).stream().map(Hit::id).toList();
        if (ids.isEmpty()) return 0;
        Set<UUID> visible = MatchRepository.visiblePeople(dsl, ids, session.user());
        return (int) ids.stream().filter(id -> !visible.contains(id)).count();
    }

    private static MatchScorer.Subject subject(MatchRepository.MatchName m, List<NameKeys.Variant> variants) {
        Integer ageYear = m.ageYear();
        return new MatchScorer.Subject(variants, m.birthDate(), m.estimatedAge(),
                ageYear == null ? null : LocalDate.of(ageYear, 7, 1), m.nationality());
    }

    /** Likely matches of a person being registered (a draft) or already saved (excluding themself). */
    public List<MatchCandidate> findFor(Person person, int limit) {
        return find(MatchQuery.of(person), limit);
    }

    /** "Link to this person": the registration becomes a new case of the existing person. */
    public CaseFile linkToExisting(UUID personId, NewCase request) {
        session.requireCaseData();
        requirePersonVisible(personId);
        return cases.openNewCaseFor(personId, request);
    }

    /**
     * "This is someone else": registers the person as new and records that they are not any of
     * {@code notThese}, so those pairs are not proposed again. One transaction.
     */
    public CaseFile registerAsDistinct(NewCase request, Collection<UUID> notThese) {
        return registerAsDistinct(request, notThese, false);
    }

    /**
     * "Register as new" after the resolver: as {@link #registerAsDistinct(NewCase, Collection)}, and
     * when likely matches in cases the user may not see were reported too, that choice is audited
     * (MATCH_HIDDEN_REGISTERED, the case id only) in the same transaction.
     */
    public CaseFile registerAsDistinct(NewCase request, Collection<UUID> notThese, boolean despiteHidden) {
        session.requireCaseData();
        LocalDate today = LocalDate.now();
        LocalDate identified = request.identifiedOn() == null ? today : request.identifiedOn();
        PersonValidator.validate(request.person(), identified, today).throwIfAny();
        return db.inTransaction(tx -> {
            CaseFile saved = cases.registerIn(tx, request, identified);
            for (UUID other : new LinkedHashSet<>(notThese)) recordDistinct(tx, saved.personId(), other);
            if (despiteHidden) AuditLog.record(tx, session.user(), "MATCH_HIDDEN_REGISTERED", "case", saved.id(), null);
            return saved;
        });
    }

    /**
     * Whom a caseworker asks about a likely match in a case they may not see: the display names of
     * the active coordinators (staff names, not client data), sorted.
     */
    public List<String> coordinatorsToAsk() {
        session.requireCaseData();
        return MatchRepository.activeStaff(db.dsl()).stream()
                .filter(r -> java.util.Arrays.asList(r.getValue().split(",")).contains(Role.COORDINATOR.name()))
                .map(Map.Entry::getKey).toList();
    }

    /** Records that two saved people are different people. */
    public void markDistinct(UUID personA, UUID personB) {
        session.requireCaseData();
        if (personA.equals(personB)) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.match.samePerson");
        db.inTransactionRun(tx -> recordDistinct(tx, personA, personB));
    }

    private void recordDistinct(DSLContext tx, UUID a, UUID b) {
        if (a.equals(b)) return;
        UUID first = a.compareTo(b) < 0 ? a : b;
        UUID second = first == a ? b : a;
        if (PersonRepository.find(tx, b).isEmpty() || PersonRepository.find(tx, a).isEmpty()) {
            throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.personGone");
        }
        if (!MatchRepository.insertDistinct(tx, first, second, session.user().id())) return;
        AuditLog.record(tx, session.user(), "MATCH_DISTINCT", "person", first, "not " + second);
    }

    /** A person record with their case numbers, for choosing which record to keep in a merge. */
    public record PersonSummary(Person person, List<String> caseNumbers) {}

    public PersonSummary summary(UUID personId) {
        session.requireCaseData();
        requirePersonVisible(personId);
        DSLContext dsl = db.dsl();
        Person p = PersonRepository.find(dsl, personId).orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.personGone"));
        List<String> numbers = MatchRepository.visibleCaseNumbers(dsl, personId, session.user());
        return new PersonSummary(p, numbers);
    }

    /**
     * Merges two records of the same person (coordinators only): every case moves to the kept
     * person, names of the other become aliases, empty fields are filled from the other, the other
     * record is deleted; one transaction, audited with ids only.
     */
    public Person merge(UUID keepId, UUID otherId) {
        session.require(Role.COORDINATOR);
        if (keepId.equals(otherId)) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.merge.samePerson");
        return db.inTransaction(tx -> {
            Person keep = PersonRepository.find(tx, keepId).orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.personGone"));
            Person other = PersonRepository.find(tx, otherId).orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.personGone"));
            Person merged = PersonMerge.merge(keep, other);
            var errors = PersonValidator.validate(merged, null, LocalDate.now());
            errors.throwIfAny();
            MatchRepository.moveCases(tx, otherId, keepId, session.user().id());
            Person saved = org.haven.core.people.PersonChanges.save(tx, session.user().id(), merged);
            // The other record's outbox entries now belong to the kept person, and the merge itself travels.
            org.haven.core.changes.Outbox.recordMerge(tx, session.user().id(), otherId, keepId);
            MatchRepository.deletePerson(tx, otherId);
            SearchIndex.reindex(tx, keepId);
            AuditLog.record(tx, session.user(), "PERSON_MERGE", "person", keepId, "merged " + otherId);
            return saved;
        });
    }

    private void requirePersonVisible(UUID personId) {
        if (!MatchRepository.personExists(db.dsl(), personId)) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.personGone");
        if (MatchRepository.visiblePeople(db.dsl(), List.of(personId), session.user()).isEmpty()) {
            throw HavenException.of(HavenException.Kind.DENIED, "error.notYourPerson");
        }
    }
}
