package org.haven.core.security;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.haven.core.db.Database;

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
        String username = q.username() != null && !q.username().isBlank() ? q.username().trim() : null;
        String action = q.action() != null && !q.action().isBlank() ? q.action().trim() : null;
        int limit = q.limit() <= 0 ? MAX_ROWS : Math.min(q.limit(), MAX_ROWS);
        return AuditReadRepository.find(db.dsl(), username, action, q.from(), q.to(), ZoneId.systemDefault(), limit);
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
        if (!cases.isEmpty()) AuditReadRepository.caseNumbers(dsl, cases, names);
        var people = ids.getOrDefault("person", java.util.Set.of());
        if (!people.isEmpty()) AuditReadRepository.personCaseNumbers(dsl, people, names);
        var operations = ids.getOrDefault("operation", java.util.Set.of());
        if (!operations.isEmpty()) AuditReadRepository.operationCodes(dsl, operations, names);
        var users = ids.getOrDefault("user", java.util.Set.of());
        if (!users.isEmpty()) AuditReadRepository.usernames(dsl, users, names);
        return names;
    }

    /** The actions that occur in the log, for the filter's choices. */
    public List<String> actions() {
        requireReader();
        return AuditReadRepository.actions(db.dsl());
    }

    /** The user names that occur in the log, for the filter's choices. */
    public List<String> usernames() {
        requireReader();
        return AuditReadRepository.usernames(db.dsl());
    }

    public AuditLog.Verification verify() {
        requireReader();
        return AuditLog.verify(db);
    }

    private void requireReader() {
        if (!session.user().has(Role.COORDINATOR) && !session.user().has(Role.ADMIN)) {
            throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.DENIED, "error.audit.denied");
        }
    }
}
