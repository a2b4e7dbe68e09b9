package org.haven.core.summaries;

import org.haven.core.security.Role;

/**
 * A staff member as a document names them. Logins are working identifiers of the system: only the
 * organisation's own (internal) copies print them; external and court copies name staff by their
 * full name, or by their role when no full name is recorded.
 *
 * @param login    the account name (never null)
 * @param fullName the full name as recorded, or null when the account has only a login
 * @param role     the main role (coordinator before caseworker before administrator), or null
 */
public record Staff(String login, String fullName, Role role) {

    public boolean hasFullName() {
        return fullName != null && !fullName.isBlank() && !fullName.strip().equals(login);
    }

    /** As {@link #shownTo}, shorter for table cells: outside copies print the role alone when no full name is recorded. */
    public String shortShownTo(Audience audience, org.haven.core.common.Messages m) {
        if (audience != Audience.INTERNAL && !hasFullName() && role != null) return m.label(role);
        return shownTo(audience, m);
    }

    /** The staff member as printed for this audience; {@code unnamed} when neither a full name nor a role is known. */
    public String shownTo(Audience audience, org.haven.core.common.Messages m) {
        if (audience == Audience.INTERNAL) {
            return hasFullName() ? fullName.strip() + " (" + login + ")" : login;
        }
        if (hasFullName()) return fullName.strip();
        return role == null ? m.t("summary.staff.unnamed") : m.t("summary.staff.unnamedRole", m.label(role));
    }
}
