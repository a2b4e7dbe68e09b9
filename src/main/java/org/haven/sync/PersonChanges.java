package org.haven.sync;

import static org.haven.db.jooq.Tables.PERSON;

import java.util.Set;
import java.util.UUID;
import org.haven.common.HavenException;
import org.haven.db.jooq.tables.records.PersonRecord;
import org.haven.people.Person;
import org.haven.people.PersonRepository;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Saving an edited person together with its outbox entries: one per field whose stored value
 * changed (derived ones included, such as a re-derived Latin name), in the caller's transaction, so
 * an edit and its record for the office are committed or rolled back together.
 */
public final class PersonChanges {
    /** Bookkeeping, not the person's data: never sent as a field change. */
    private static final Set<Field<?>> NOT_FIELDS = Set.of(PERSON.ID, PERSON.VERSION, PERSON.OFFICE_VERSION,
            PERSON.CREATED_AT, PERSON.CREATED_BY, PERSON.UPDATED_AT, PERSON.UPDATED_BY);

    private PersonChanges() {}

    /** {@link PersonRepository#update} (optimistic lock included) plus the outbox entries of what it changed. */
    public static Person save(DSLContext tx, UUID userId, Person changed) {
        PersonRecord before = tx.selectFrom(PERSON).where(PERSON.ID.eq(changed.id())).fetchOne();
        if (before == null) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.personGone");
        Person saved = PersonRepository.update(tx, changed, userId);
        PersonRecord after = tx.selectFrom(PERSON).where(PERSON.ID.eq(changed.id())).fetchSingle();
        int base = before.getOfficeVersion() == null ? 0 : before.getOfficeVersion();
        Outbox.recordChanges(tx, userId, PERSON, saved.id(), base, saved.id(), before, after, NOT_FIELDS);
        return saved;
    }
}
