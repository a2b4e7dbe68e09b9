package org.haven.core.summaries;

import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.CASE_FILE;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.haven.core.access.CaseAccess;
import org.haven.core.security.User;
import org.jooq.DSLContext;

/** What summaries read beside the cases' own repositories (ADR 14): case numbers, staff names, the organisation. */
final class SummaryRepository {
    private SummaryRepository() {}

    /** Case number -> id, for the numbers exactly as written. */
    static Map<String, UUID> idsByNumber(DSLContext tx, Collection<String> numbers) {
        Map<String, UUID> byNumber = new HashMap<>();
        tx.select(CASE_FILE.CASE_NUMBER, CASE_FILE.ID).from(CASE_FILE).where(CASE_FILE.CASE_NUMBER.in(numbers))
                .forEach(r -> byNumber.put(r.value1(), r.value2()));
        return byNumber;
    }

    /** Which of these cases the user may see. */
    static Set<UUID> visible(DSLContext tx, Collection<UUID> ids, User user) {
        return new HashSet<>(tx.select(CASE_FILE.ID).from(CASE_FILE)
                .where(CASE_FILE.ID.in(ids)).and(CaseAccess.visibleTo(user)).fetch(CASE_FILE.ID));
    }

    /** Id -> case number of these cases (at most about 1,000 at a time). */
    static Map<UUID, String> numbers(DSLContext tx, Collection<UUID> ids) {
        Map<UUID, String> numbers = new HashMap<>();
        tx.select(CASE_FILE.ID, CASE_FILE.CASE_NUMBER).from(CASE_FILE).where(CASE_FILE.ID.in(ids))
                .forEach(r -> numbers.put(r.value1(), r.value2()));
        return numbers;
    }

    static boolean operationHasCases(DSLContext dsl, UUID operationId) {
        return dsl.fetchExists(CASE_FILE, CASE_FILE.OPERATION_ID.eq(operationId));
    }

    /** Every account, as a user. */
    static List<User> users(DSLContext dsl) {
        return dsl.selectFrom(APP_USER).fetch().map(org.haven.core.security.AccountRepository::toUser);
    }

    /** The account's login, or null. */
    static String username(DSLContext tx, UUID userId) {
        return tx.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOne(APP_USER.USERNAME);
    }
}
