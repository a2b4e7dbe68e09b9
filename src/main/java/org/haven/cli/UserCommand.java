package org.haven.cli;

import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `haven user add NAME --role ROLE`. */
@Command(name = "user", description = "Manage accounts.", subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class,
        UserCommand.Passwd.class, UserCommand.ResetPassword.class, UserCommand.Disable.class, UserCommand.Enable.class,
        UserCommand.FullName.class, UserCommand.SetRole.class})
final class UserCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Missing subcommand: user add, list, passwd, reset-password, disable or enable.");
    }

    /** A subcommand on the account NAME: opens the data folder, makes the change, prints what it did. */
    abstract static class OnAccount implements Callable<Integer> {
        @Mixin HomeOption home;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        /** Makes the change in {@code haven}; returns the line that says it is done. */
        abstract String change(Haven haven);

        @Override
        public Integer call() {
            try (Haven haven = home.open()) {
                System.out.println(change(haven));
            }
            return 0;
        }
    }

    /** A subcommand on the account NAME with --role: the roles are checked before the data folder is opened. */
    abstract static class WithRoles extends OnAccount {
        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "caseworker, coordinator or admin (several: comma-separated).")
        String[] roles;

        /** The roles of --role, once checked. */
        EnumSet<Role> parsed;

        @Override
        public Integer call() {
            parsed = EnumSet.noneOf(Role.class);
            for (String r : roles) parsed.add(Role.parse(r));
            return super.call();
        }
    }

    @Command(name = "add", description = "Add an account (its password from HAVEN_NEW_PASSWORD or the prompt).")
    static final class Add extends WithRoles {
        @Option(names = "--full-name", paramLabel = "TEXT",
                description = "The person's full name, printed on court and partner summaries (which never print logins).")
        String fullName;

        @Override
        String change(Haven haven) {
            char[] password = Credentials.newPassword();
            Accounts.addUser(haven.unlocked(), name, fullName, parsed, password);
            return "added user " + name;
        }
    }

    @Command(name = "list", description = "List accounts (administrators): name, roles, active.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin HomeOption home;

        @Override
        public Integer call() {
            try (Haven haven = home.open()) {
                System.out.println("user\troles\tactive");
                for (var u : Accounts.listUsers(haven.unlocked())) {
                    System.out.println(Cells.of(u.username()) + "\t" + String.join(",", u.roles().stream()
                            .map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList()) + "\t" + u.active());
                }
            }
            return 0;
        }
    }

    @Command(name = "full-name", description = "Set an account's full name (printed on court and partner summaries); \"\" clears it.")
    static final class FullName extends OnAccount {
        @Parameters(index = "1", paramLabel = "FULL-NAME")
        String fullName;

        @Override
        String change(Haven haven) {
            Accounts.setFullName(haven.unlocked(), name, fullName);
            return "full name set for " + name;
        }
    }

    @Command(name = "role", description = "Set an account's roles (administrators): they take effect at its next login.")
    static final class SetRole extends WithRoles {

        @Override
        String change(Haven haven) {
            Accounts.setRoles(haven.unlocked(), name, parsed);
            return "roles set for " + name;
        }
    }

    @Command(name = "passwd", description = "Change your own password (current one from HAVEN_PASSWORD, new one from HAVEN_NEW_PASSWORD or the prompt).")
    static final class Passwd implements Callable<Integer> {
        @Mixin HomeOption home;

        @Override
        public Integer call() {
            char[] current = Credentials.password();
            try (Haven haven = home.openToChangePassword()) {
                char[] next = Credentials.confirmedSecret("New password: ");
                Accounts.changePassword(haven.unlocked(), current, next);
                System.out.println("password changed for " + haven.user().username());
            }
            return 0;
        }
    }

    @Command(name = "reset-password", description = "Set a temporary password for a user (administrators; from HAVEN_NEW_PASSWORD or the prompt). The user must change it.")
    static final class ResetPassword extends OnAccount {
        @Override
        String change(Haven haven) {
            Accounts.resetPassword(haven.unlocked(), name, Credentials.newPassword());
            return "password reset for " + name;
        }
    }

    @Command(name = "disable", description = "Disable an account (administrators): it can no longer log in, and its key-file entry is removed.")
    static final class Disable extends OnAccount {
        @Override
        String change(Haven haven) {
            Accounts.disableUser(haven.unlocked(), name);
            return "disabled user " + name;
        }
    }

    @Command(name = "enable", description = "Enable a disabled account again with a temporary password (administrators; from HAVEN_NEW_PASSWORD or the prompt).")
    static final class Enable extends OnAccount {
        @Override
        String change(Haven haven) {
            Accounts.enableUser(haven.unlocked(), name, Credentials.newPassword());
            return "enabled user " + name;
        }
    }
}
