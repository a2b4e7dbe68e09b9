package org.haven.cli;

import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.haven.Haven;
import org.haven.security.Accounts;
import org.haven.security.Role;
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

    @Command(name = "add", description = "Add an account (its password from HAVEN_NEW_PASSWORD or the prompt).")
    static final class Add implements Callable<Integer> {
        @Mixin HomeOption home;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "caseworker, coordinator or admin (several: comma-separated).")
        String[] roles;

        @Option(names = "--full-name", paramLabel = "TEXT",
                description = "The person's full name, printed on court and partner summaries (which never print logins).")
        String fullName;

        @Override
        public Integer call() {
            EnumSet<Role> parsed = EnumSet.noneOf(Role.class);
            for (String r : roles) parsed.add(Role.parse(r));
            try (Haven haven = home.open()) {
                char[] password = Credentials.newPassword();
                Accounts.addUser(haven.unlocked(), name, fullName, parsed, password);
                System.out.println("added user " + name);
            }
            return 0;
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
    static final class FullName implements Callable<Integer> {
        @Mixin HomeOption home;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "FULL-NAME")
        String fullName;

        @Override
        public Integer call() {
            try (Haven haven = home.open()) {
                Accounts.setFullName(haven.unlocked(), name, fullName);
                System.out.println("full name set for " + name);
            }
            return 0;
        }
    }

    @Command(name = "role", description = "Set an account's roles (administrators): they take effect at its next login.")
    static final class SetRole implements Callable<Integer> {
        @Mixin HomeOption home;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "caseworker, coordinator or admin (several: comma-separated).")
        String[] roles;

        @Override
        public Integer call() {
            EnumSet<Role> parsed = EnumSet.noneOf(Role.class);
            for (String r : roles) parsed.add(Role.parse(r));
            try (Haven haven = home.open()) {
                Accounts.setRoles(haven.unlocked(), name, parsed);
                System.out.println("roles set for " + name);
            }
            return 0;
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
    static final class ResetPassword implements Callable<Integer> {
        @Mixin HomeOption home;
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            try (Haven haven = home.open()) {
                Accounts.resetPassword(haven.unlocked(), name, Credentials.newPassword());
                System.out.println("password reset for " + name);
            }
            return 0;
        }
    }

    @Command(name = "disable", description = "Disable an account (administrators): it can no longer log in, and its key-file entry is removed.")
    static final class Disable implements Callable<Integer> {
        @Mixin HomeOption home;
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            try (Haven haven = home.open()) {
                Accounts.disableUser(haven.unlocked(), name);
                System.out.println("disabled user " + name);
            }
            return 0;
        }
    }

    @Command(name = "enable", description = "Enable a disabled account again with a temporary password (administrators; from HAVEN_NEW_PASSWORD or the prompt).")
    static final class Enable implements Callable<Integer> {
        @Mixin HomeOption home;
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            try (Haven haven = home.open()) {
                Accounts.enableUser(haven.unlocked(), name, Credentials.newPassword());
                System.out.println("enabled user " + name);
            }
            return 0;
        }
    }
}
