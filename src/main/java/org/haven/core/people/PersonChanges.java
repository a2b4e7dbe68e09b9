package org.haven.core.people;

import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Saving an edited person together with its outbox entries: one per field whose stored value
 * changed (derived ones included, such as a re-derived Latin name), in the caller's transaction, so
 * an edit and its record for the office are committed or rolled back together.
 */
public final class PersonChanges {
    private PersonChanges() {}

    /** {@link PersonRepository#update} (optimistic lock included) plus the outbox entries of what it changed. */
    public static Person save(DSLContext tx, UUID userId, Person changed) {
        return PersonRepository.updateRecorded(tx, userId, changed);
    }
}
