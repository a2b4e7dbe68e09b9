package org.haven.core.operations;

import java.util.List;
import java.util.UUID;
import org.haven.core.security.Role;
import org.haven.core.security.User;
import org.jooq.DSLContext;

/**
 * Operation membership rows (V10): the caseworkers a coordinator put on an operation, inside the
 * caller's transaction. Membership is what lets a caseworker see every case of an operation and add
 * people to it (see {@link org.haven.core.access.CaseAccess}).
 */
public final class OperationMembers {
    private OperationMembers() {}

    public static boolean isMember(DSLContext tx, UUID operationId, UUID userId) {
        return MemberRepository.exists(tx, operationId, userId);
    }

    /** Coordinators may add people to any operation; anyone else only to an operation they are a member of. */
    public static boolean mayAddPeople(DSLContext tx, User user, UUID operationId) {
        return user.has(Role.COORDINATOR) || (user.seesCaseData() && isMember(tx, operationId, user.id()));
    }

    /** DENIED unless the user may add people to the operation (import, intake grid, registration under it). */
    public static void requireMayAddPeople(DSLContext tx, User user, Operation operation) {
        if (!mayAddPeople(tx, user, operation.id())) {
            throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.DENIED, "error.operation.notMember", operation.code());
        }
    }

    /** Adds the membership; false when it already existed. */
    public static boolean add(DSLContext tx, UUID operationId, UUID userId, UUID by) {
        if (isMember(tx, operationId, userId)) return false;
        UUID id = MemberRepository.insert(tx, operationId, userId, by);
        org.haven.core.changes.Outbox.recordNewRow(tx, by, "operation_member", id); // travels with its operation (docs/sync.md)
        return true;
    }

    /** Removes the membership; false when there was none. */
    public static boolean remove(DSLContext tx, UUID operationId, UUID userId) {
        return MemberRepository.delete(tx, operationId, userId);
    }

    /** The members' user names, sorted. */
    public static List<String> usernames(DSLContext tx, UUID operationId) {
        return MemberRepository.usernames(tx, operationId);
    }

    /** The ids of the operations a user is a member of. */
    public static List<UUID> operationsOf(DSLContext tx, UUID userId) {
        return MemberRepository.operationsOf(tx, userId);
    }
}
