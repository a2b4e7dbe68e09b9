package org.haven.core.security;

import java.util.Locale;

/** What a user may do. A user can hold several roles (e.g. the founding administrator is also coordinator). */
public enum Role {
    CASEWORKER, COORDINATOR, ADMIN;

    public static Role parse(String text) {
        try {
            return Role.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.BAD_INPUT, "error.role.unknown", text);
        }
    }
}
