package org.haven.security;

import org.haven.common.HavenException;

/** Who is working now. Services take it to check permissions and to attribute every change. */
public record Session(User user) {
    public void require(Role role) {
        if (!user.has(role)) {
            throw HavenException.denied("Not allowed: this needs the " + role.name().toLowerCase() + " role.");
        }
    }

    public void requireCaseData() {
        if (!user.seesCaseData()) {
            throw HavenException.denied("Not allowed: this account cannot see case data (it needs the caseworker or coordinator role).");
        }
    }
}
