package org.haven.core.cases;

import static org.haven.core.db.jooq.Tables.CASE_NUMBER_COUNTER;

import org.jooq.DSLContext;

/** The case number counters (ADR 14); {@link CaseNumbers} formats them. */
final class CaseNumberRepository {
    private CaseNumberRepository() {}

    /**
     * Moves the prefix's counter on by {@code count} (creating it at 1 if absent) and returns its
     * value before the move. The update's row lock makes concurrent registrations on the office
     * database queue here, so no number is issued twice.
     */
    static int reserve(DSLContext tx, String prefix, int count) {
        tx.insertInto(CASE_NUMBER_COUNTER, CASE_NUMBER_COUNTER.PREFIX, CASE_NUMBER_COUNTER.NEXT_VALUE)
                .values(prefix, 1).onConflictDoNothing().execute();
        tx.update(CASE_NUMBER_COUNTER).set(CASE_NUMBER_COUNTER.NEXT_VALUE, CASE_NUMBER_COUNTER.NEXT_VALUE.plus(count))
                .where(CASE_NUMBER_COUNTER.PREFIX.eq(prefix)).execute();
        return tx.select(CASE_NUMBER_COUNTER.NEXT_VALUE).from(CASE_NUMBER_COUNTER)
                .where(CASE_NUMBER_COUNTER.PREFIX.eq(prefix)).fetchSingle().value1() - count;
    }


}
