package org.haven.core.people;

import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SEARCH_TOKEN;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.haven.core.changes.Outbox;
import org.haven.core.common.HavenException;
import org.haven.core.db.Audit;
import org.haven.core.db.Ids;
import org.haven.core.db.jooq.tables.records.PersonRecord;
import org.haven.core.people.names.LatinNames;
import org.jooq.DSLContext;

/** Person rows <-> {@link Person} records. Every method runs inside the caller's transaction. */
public final class PersonRepository {
    private PersonRepository() {}

    public static Person insert(DSLContext tx, Person p, UUID userId) {
        PersonRecord row = tx.newRecord(PERSON);
        UUID id = Ids.newId();
        write(row, p);
        row.setId(id);
        Audit.insertNew(row, userId);
        // A new person travels to the office with their case (docs/sync.md, "New rows").
        Outbox.recordInsert(tx, userId, row, id, null);
        return toPerson(row);
    }

    /** Saves changes if nobody else saved the person since it was read; else a CONFLICT. */
    public static Person update(DSLContext tx, Person p, UUID userId) {
        PersonRecord row = tx.newRecord(PERSON);
        write(row, p);
        row.setVersion(p.version() + 1);
        row.setUpdatedAt(Audit.now());
        row.setUpdatedBy(userId);
        row.changed(PERSON.ID, false);
        int n = tx.update(PERSON).set(row).where(PERSON.ID.eq(p.id())).and(PERSON.VERSION.eq(p.version())).execute();
        if (n == 0) {
            if (!tx.fetchExists(PERSON, PERSON.ID.eq(p.id()))) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.personGone");
            throw HavenException.of(HavenException.Kind.CONFLICT, "error.personChangedInputKept");
        }
        return find(tx, p.id()).orElseThrow();
    }

    public static Optional<Person> find(DSLContext tx, UUID id) {
        return tx.selectFrom(PERSON).where(PERSON.ID.eq(id)).fetchOptional().map(PersonRepository::toPerson);
    }

    /**
     * Makes the person's search tokens (names, aliases, case numbers) exactly {@code tokens}, writing
     * only the difference: a save that changes no name writes nothing here.
     */
    public static void replaceTokens(DSLContext tx, UUID personId, Set<String> tokens) {
        Set<String> old = new HashSet<>(tx.select(SEARCH_TOKEN.TOKEN).from(SEARCH_TOKEN)
                .where(SEARCH_TOKEN.PERSON_ID.eq(personId)).fetch(SEARCH_TOKEN.TOKEN));
        Set<String> gone = new HashSet<>(old);
        gone.removeAll(tokens);
        if (!gone.isEmpty()) {
            tx.deleteFrom(SEARCH_TOKEN).where(SEARCH_TOKEN.PERSON_ID.eq(personId)).and(SEARCH_TOKEN.TOKEN.in(gone)).execute();
        }
        List<String> added = tokens.stream().filter(t -> !old.contains(t)).toList();
        if (added.isEmpty()) return;
        var insert = tx.insertInto(SEARCH_TOKEN, SEARCH_TOKEN.TOKEN, SEARCH_TOKEN.PERSON_ID);
        for (String token : added) insert = insert.values(token, personId);
        insert.execute();
    }

    private static void write(PersonRecord row, Person p) {
        row.setNameNative(blankToNull(p.nameNative()));
        String typedLatin = p.typedLatin() == null || p.typedLatin().isBlank() ? null : p.typedLatin().strip();
        // No Latin name typed: a derived one, marked, re-derived from the native name on every save.
        row.setNameLatin(typedLatin != null ? typedLatin : LatinNames.derive(p.nameNative()));
        row.setNameLatinDerived(typedLatin == null);
        row.setAliases(blankToNull(p.aliases()));
        row.setSex(p.sex());
        row.setBirthDate(p.birthDate());
        row.setEstimatedAge(p.estimatedAge());
        row.setNationality(p.nationality() == null ? null : Countries.toCode(p.nationality()).orElse(null));
        row.setLanguages(blankToNull(p.languages()));
        row.setInterpreterNeeded(p.interpreterNeeded());
        row.setDocumentStatus(p.documentStatus());
        row.setDocumentNumber(p.documentNumber() == null ? null : blankToNull(p.documentNumber().trim()));
        row.setFamilyContact(blankToNull(p.familyContact()));
        row.setNotes(blankToNull(p.notes()));
    }

    public static Person toPerson(PersonRecord r) {
        return new Person(r.getId(), r.getNameNative(), r.getNameLatin(), r.getAliases(), r.getSex(),
                r.getBirthDate(), r.getEstimatedAge(), r.getNationality(), r.getLanguages(),
                Boolean.TRUE.equals(r.getInterpreterNeeded()), r.getDocumentStatus(),
                r.getDocumentNumber(), r.getFamilyContact(), r.getNotes(), r.getVersion(),
                Boolean.TRUE.equals(r.getNameLatinDerived()));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Bookkeeping, not the person's data: never sent as a field change. */
    private static final Set<org.jooq.Field<?>> NOT_RECORDED = Set.of(PERSON.ID, PERSON.VERSION, PERSON.OFFICE_VERSION,
            PERSON.CREATED_AT, PERSON.CREATED_BY, PERSON.UPDATED_AT, PERSON.UPDATED_BY);

    /** See {@link PersonChanges#save}: the edit and one outbox entry per stored value it changed, in the caller's transaction. */
    static Person updateRecorded(DSLContext tx, UUID userId, Person changed) {
        PersonRecord before = tx.selectFrom(PERSON).where(PERSON.ID.eq(changed.id())).fetchOne();
        if (before == null) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.personGone");
        Person saved = update(tx, changed, userId);
        PersonRecord after = tx.selectFrom(PERSON).where(PERSON.ID.eq(changed.id())).fetchSingle();
        int base = before.getOfficeVersion() == null ? 0 : before.getOfficeVersion();
        Outbox.recordChanges(tx, userId, PERSON, saved.id(), base, saved.id(), before, after, NOT_RECORDED);
        return saved;
    }
}
