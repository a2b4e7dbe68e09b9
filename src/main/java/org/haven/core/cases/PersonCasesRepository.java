package org.haven.core.cases;

import static org.haven.core.db.jooq.Tables.CASE_FILE;

import java.util.List;
import java.util.UUID;
import org.haven.core.access.CaseAccess;
import org.haven.core.security.User;
import org.jooq.DSLContext;

/** A person's cases as {@link CaseService} reads them beside one case (ADR 14). */
final class PersonCasesRepository {
    private PersonCasesRepository() {}

    /** Whether the person has a case the user may see. */
    static boolean hasVisibleCase(DSLContext tx, UUID personId, User user) {
        return tx.fetchExists(CASE_FILE, CASE_FILE.PERSON_ID.eq(personId).and(CaseAccess.visibleTo(user)));
    }

    /** The person's other cases (not {@code caseId}) the user may see, oldest first. */
    static List<PersonHistory.OtherCase> visibleOthers(DSLContext dsl, UUID personId, UUID caseId, User user) {
        var others = CASE_FILE;
        return dsl.select(others.ID, others.CASE_NUMBER, others.OPENED_ON, others.CLOSED_ON,
                        others.STATUS, others.OUTCOME)
                .from(others).where(others.PERSON_ID.eq(personId)).and(others.ID.ne(caseId))
                .and(CaseAccess.visibleTo(user))
                .orderBy(others.OPENED_ON, others.CASE_NUMBER).fetch(r -> new PersonHistory.OtherCase(r.get(others.ID),
                        r.get(others.CASE_NUMBER), r.get(others.OPENED_ON), r.get(others.CLOSED_ON),
                        r.get(others.STATUS),
                        r.get(others.OUTCOME)));
    }

    /** How many other cases (not {@code caseId}) the person has, seen or not. */
    static int countOthers(DSLContext dsl, UUID personId, UUID caseId) {
        return dsl.fetchCount(CASE_FILE, CASE_FILE.PERSON_ID.eq(personId).and(CASE_FILE.ID.ne(caseId)));
    }
}
