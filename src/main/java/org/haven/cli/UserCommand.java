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
@Command(name = "user", description = "Manage accounts.", subcommands = UserCommand.Add.class)
final class UserCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Missing subcommand: user add.");
    }

    @Command(name = "add", description = "Add an account (its password from HAVEN_NEW_PASSWORD or the prompt).")
    static final class Add implements Callable<Integer> {
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
                char[] password = Credentials.newPassword();
                Accounts.addUser(haven.unlocked(), name, parsed, password);
                System.out.println("added user " + name);
            }
            return 0;
        }
    }
}
