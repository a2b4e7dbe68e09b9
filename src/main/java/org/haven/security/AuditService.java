package org.haven.security;

import static org.haven.db.jooq.Tables.APP_USER;
import static org.haven.db.jooq.Tables.AUDIT_LOG;
import static org.haven.db.jooq.Tables.CASE_FILE;
import static org.haven.db.jooq.Tables.OPERATION;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.haven.db.Database;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Reading the audit log: coordinators (who answer for the caseload) and administrators (who answer
 * for accounts) may view and filter it. Entries hold ids and actions only, never personal data.
 */
public final class AuditService {
    public static final int MAX_ROWS = 5000;

    /** One entry, as shown in the audit view. */
    public record Entry(long seq, OffsetDateTime at, String username, String action, String entity, UUID entityId, String detail) {}

    /** Filters: any may be null. Dates are inclusive, in the local time zone. */
    public record Query(String username, String action, LocalDate from, LocalDate to, int limit) {
        public static Query all() {
            return new Query(null, null, null, null, MAX_ROWS);
        }
    }

    private final Database db;
    private final Session session;

    public AuditService(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /** Newest first. */
    public List<Entry> find(Query q) {
        requireReader();
        List<Condition> where = new ArrayList<>();
        if (q.username() != null && !q.username().isBlank()) where.add(AUDIT_LOG.USERNAME.eq(q.username().trim()));
        if (q.action() != null && !q.action().isBlank()) where.add(AUDIT_LOG.ACTION.eq(q.action().trim()));
        ZoneId zone = ZoneId.systemDefault();
        if (q.from() != null) where.add(AUDIT_LOG.AT.ge(q.from().atStartOfDay(zone).toOffsetDateTime()));
        if (q.to() != null) where.add(AUDIT_LOG.AT.lt(q.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        int limit = q.limit() <= 0 ? MAX_ROWS : Math.min(q.limit(), MAX_ROWS);
        return db.dsl().selectFrom(AUDIT_LOG).where(DSL.and(where)).orderBy(AUDIT_LOG.SEQ.desc()).limit(limit)
                .fetch(r -> new Entry(r.getSeq(), r.getAt(), r.getUsername(), r.getAction(), r.getEntity(), r.getEntityId(), r.getDetail()));
    }

    /**
     * What each entry's record is called where people look for it: a case or a person by its case
     * number(s), an operation by its code, a user by the user name. Records no longer in Haven are
     * missing from the map.
     */
    public java.util.Map<UUID, String> recordNames(java.util.Collection<Entry> entries) {
        requireReader();
        java.util.Map<String, java.util.Set<UUID>> ids = new java.util.HashMap<>();
        for (Entry e : entries) {
            if (e.entityId() != null && e.entity() != null) ids.computeIfAbsent(e.entity(), k -> new java.util.HashSet<>()).add(e.entityId());
        }
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        var dsl = db.dsl();
        var cases = ids.getOrDefault("case", java.util.Set.of());
        if (!cases.isEmpty()) dsl.select(CASE_FILE.ID, CASE_FILE.CASE_NUMBER).from(CASE_FILE).where(CASE_FILE.ID.in(cases))
                .forEach(r -> names.put(r.value1(), r.value2()));
        var people = ids.getOrDefault("person", java.util.Set.of());
        if (!people.isEmpty()) dsl.select(CASE_FILE.PERSON_ID, CASE_FILE.CASE_NUMBER).from(CASE_FILE).where(CASE_FILE.PERSON_ID.in(people))
                .orderBy(CASE_FILE.CASE_NUMBER).forEach(r -> names.merge(r.value1(), r.value2(), (a, b) -> a + ", " + b));
        var operations = ids.getOrDefault("operation", java.util.Set.of());
        if (!operations.isEmpty()) dsl.select(OPERATION.ID, OPERATION.CODE).from(OPERATION).where(OPERATION.ID.in(operations))
                .forEach(r -> names.put(r.value1(), r.value2()));
        var users = ids.getOrDefault("user", java.util.Set.of());
        if (!users.isEmpty()) dsl.select(APP_USER.ID, APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.in(users))
                .forEach(r -> names.put(r.value1(), r.value2()));
        return names;
    }

    /** The actions that occur in the log, for the filter's choices. */
    public List<String> actions() {
        requireReader();
        return db.dsl().selectDistinct(AUDIT_LOG.ACTION).from(AUDIT_LOG).orderBy(AUDIT_LOG.ACTION).fetch(AUDIT_LOG.ACTION);
    }

    /** The user names that occur in the log, for the filter's choices. */
    public List<String> usernames() {
        requireReader();
        return db.dsl().selectDistinct(AUDIT_LOG.USERNAME).from(AUDIT_LOG).where(AUDIT_LOG.USERNAME.isNotNull())
                .orderBy(AUDIT_LOG.USERNAME).fetch(AUDIT_LOG.USERNAME);
    }

    public AuditLog.Verification verify() {
        requireReader();
        return AuditLog.verify(db);
    }

    private void requireReader() {
        if (!session.user().has(Role.COORDINATOR) && !session.user().has(Role.ADMIN)) {
            throw org.haven.common.HavenException.denied("Not allowed: the audit log is for coordinators and administrators.");
        }
    }
}
