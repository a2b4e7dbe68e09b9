package org.haven.core.security;

import org.haven.core.common.HavenException;

/** Who is working now. Services take it to check permissions and to attribute every change. */
public record Session(User user) {
    public void require(Role role) {
        if (!user.has(role)) {
            throw HavenException.of(HavenException.Kind.DENIED, "error.session.role", role.name().toLowerCase());
        }
    }

    public void requireCaseData() {
        if (!user.seesCaseData()) {
            throw HavenException.of(HavenException.Kind.DENIED, "error.session.caseData");
        }
    }
}
