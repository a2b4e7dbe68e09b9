package org.haven.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `haven case assign --case NUMBER... --to USER`: gives cases to a caseworker (coordinators, audited). */
@Command(name = "case", mixinStandardHelpOptions = true, description = "Manage cases.", subcommands = CaseCommand.Assign.class)
final class CaseCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Missing subcommand: case assign.");
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Assigns cases to a user who works on cases (coordinators). All or nothing: an unknown case number assigns none.")
    static final class Assign implements Callable<Integer> {
        @Mixin HomeOption home;

        @Option(names = "--case", required = true, arity = "1..*", paramLabel = "NUMBER", description = "One or more case numbers.")
        List<String> caseNumbers;

        @Option(names = "--to", required = true, paramLabel = "USER", description = "The user name of a caseworker or coordinator.")
        String user;

        @Override
        public Integer call() {
            try (Haven haven = home.open()) {
                int changed = haven.cases().assignByNumber(caseNumbers, user);
                System.out.println("assigned\t" + changed);
            }
            return 0;
        }
    }
}
