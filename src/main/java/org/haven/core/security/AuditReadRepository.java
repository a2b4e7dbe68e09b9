package org.haven.core.security;

import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.OPERATION;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Reading the audit log for the audit view (ADR 14); the writing and the chain stay in {@link AuditLog}.
 * Also the failures the office's login delay counts.
 */
final class AuditReadRepository {
    private AuditReadRepository() {}

    /** Newest first, at most {@code limit}; any filter may be null. Dates inclusive, in the zone. */
    static List<AuditService.Entry> find(DSLContext dsl, String username, String action, LocalDate from, LocalDate to, ZoneId zone,
                                         int limit) {
        List<Condition> where = new ArrayList<>();
        if (username != null) where.add(AUDIT_LOG.USERNAME.eq(username));
        if (action != null) where.add(AUDIT_LOG.ACTION.eq(action));
        if (from != null) where.add(AUDIT_LOG.AT.ge(from.atStartOfDay(zone).toOffsetDateTime()));
        if (to != null) where.add(AUDIT_LOG.AT.lt(to.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        return dsl.selectFrom(AUDIT_LOG).where(DSL.and(where)).orderBy(AUDIT_LOG.SEQ.desc()).limit(limit)
                .fetch(r -> new AuditService.Entry(r.getSeq(), r.getAt(), r.getUsername(), r.getAction(), r.getEntity(), r.getEntityId(), r.getDetail()));
    }

    static void caseNumbers(DSLContext dsl, Collection<UUID> caseIds, Map<UUID, String> names) {
        dsl.select(CASE_FILE.ID, CASE_FILE.CASE_NUMBER).from(CASE_FILE).where(CASE_FILE.ID.in(caseIds))
                .forEach(r -> names.put(r.value1(), r.value2()));
    }

    /** A person's case numbers, ", "-joined, in number order. */
    static void personCaseNumbers(DSLContext dsl, Collection<UUID> personIds, Map<UUID, String> names) {
        dsl.select(CASE_FILE.PERSON_ID, CASE_FILE.CASE_NUMBER).from(CASE_FILE).where(CASE_FILE.PERSON_ID.in(personIds))
                .orderBy(CASE_FILE.CASE_NUMBER).forEach(r -> names.merge(r.value1(), r.value2(), (a, b) -> a + ", " + b));
    }

    static void operationCodes(DSLContext dsl, Collection<UUID> operationIds, Map<UUID, String> names) {
        dsl.select(OPERATION.ID, OPERATION.CODE).from(OPERATION).where(OPERATION.ID.in(operationIds))
                .forEach(r -> names.put(r.value1(), r.value2()));
    }

    static void usernames(DSLContext dsl, Collection<UUID> userIds, Map<UUID, String> names) {
        dsl.select(APP_USER.ID, APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.in(userIds))
                .forEach(r -> names.put(r.value1(), r.value2()));
    }

    static List<String> actions(DSLContext dsl) {
        return dsl.selectDistinct(AUDIT_LOG.ACTION).from(AUDIT_LOG).orderBy(AUDIT_LOG.ACTION).fetch(AUDIT_LOG.ACTION);
    }

    static List<String> usernames(DSLContext dsl) {
        return dsl.selectDistinct(AUDIT_LOG.USERNAME).from(AUDIT_LOG).where(AUDIT_LOG.USERNAME.isNotNull())
                .orderBy(AUDIT_LOG.USERNAME).fetch(AUDIT_LOG.USERNAME);
    }

    /** The account's LOGIN_FAILED entries since its last LOGIN. */
    static int failuresSinceLastLogin(DSLContext dsl, UUID userId) {
        Long lastLogin = dsl.select(DSL.max(AUDIT_LOG.SEQ)).from(AUDIT_LOG)
                .where(AUDIT_LOG.ACTION.eq("LOGIN")).and(AUDIT_LOG.USER_ID.eq(userId)).fetchOne(0, Long.class);
        return dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("LOGIN_FAILED").and(AUDIT_LOG.ENTITY_ID.eq(userId))
                .and(AUDIT_LOG.SEQ.gt(lastLogin == null ? 0L : lastLogin)));
    }
}
