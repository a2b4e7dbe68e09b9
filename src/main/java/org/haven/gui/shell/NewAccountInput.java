package org.haven.gui.shell;

import org.haven.gui.toolkit.I18n;

import org.haven.core.common.HavenException;
import org.haven.core.security.Accounts;

/** The first administrator typed on the set-up screens (a new data folder, an empty office database). */
final class NewAccountInput {
    private NewAccountInput() {}

    /** What is wrong with the name and password, in the window's language, or null when they may be used. */
    static String problem(String name, String password, String repeat) {
        if (password.length() < Accounts.MIN_PASSWORD_LENGTH) return I18n.t("setup.tooShort", Accounts.MIN_PASSWORD_LENGTH);
        if (!password.equals(repeat)) return I18n.t("setup.mismatch");
        try {
            Accounts.checkUsername(name);
        } catch (HavenException e) {
            return I18n.t("setup.badUser");
        }
        return null;
    }
}
