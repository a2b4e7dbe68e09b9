package org.haven.core.access;

import java.util.List;
import java.util.UUID;
import org.haven.core.common.HavenException;
import org.haven.core.security.User;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Which cases a user may see: coordinators all of them; caseworkers the cases assigned to them,
 * the cases they registered, and every case of the operations a coordinator made them a member of
 * ({@code operation_member}); administrators none. Registering or importing cases under an operation
 * does not make anyone a member (it once did: a caseworker could import one row into another team's
 * operation and then see all of it). Every service query goes through here, so a hidden button is
 * never the only guard.
 */
public final class CaseAccess {
    private CaseAccess() {}

    public static Condition visibleTo(User user) {
        if (user.seesAllCases()) return DSL.trueCondition();
        if (!user.seesCaseData()) return DSL.falseCondition();
        return CaseAccessRepository.ownOrMember(user);
    }

    /**
     * {@link #requireVisible} for many cases in two queries (a batch of summaries); when one fails, the
     * first failing case in the given order gets the same refusal as alone.
     */
    public static void requireAllVisible(DSLContext tx, User user, java.util.Collection<UUID> caseIds) {
        java.util.Set<UUID> distinct = new java.util.HashSet<>(caseIds);
        if (distinct.isEmpty()) return;
        int visible = 0;
        // In slices: one IN list per query stays small enough for any database.
        List<UUID> all = List.copyOf(distinct);
        for (int i = 0; i < all.size(); i += 1000) {
            List<UUID> slice = all.subList(i, Math.min(all.size(), i + 1000));
            visible += CaseAccessRepository.count(tx, slice, visibleTo(user));
        }
        if (visible == distinct.size()) return;
        for (UUID id : caseIds) requireVisible(tx, user, id);
    }

    public static void requireVisible(DSLContext tx, User user, UUID caseId) {
        if (!CaseAccessRepository.exists(tx, caseId)) {
            throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.caseGone");
        }
        if (!CaseAccessRepository.exists(tx, caseId, visibleTo(user))) {
            throw HavenException.of(HavenException.Kind.DENIED, "error.notYourCase");
        }
    }
}
