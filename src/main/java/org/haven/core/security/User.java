package org.haven.core.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A staff account. Staff names are not client data, but still never logged beside case data. */
public record User(UUID id, String username, String displayName, Set<Role> roles, boolean active) {
    public User {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Coordinators see every case; caseworkers only theirs; administrators see no case data. */
    public boolean seesAllCases() {
        return has(Role.COORDINATOR);
    }

    public boolean seesCaseData() {
        return has(Role.COORDINATOR) || has(Role.CASEWORKER);
    }
}
