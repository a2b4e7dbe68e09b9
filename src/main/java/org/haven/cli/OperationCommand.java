package org.haven.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.haven.Haven;
import org.haven.common.HavenException;
import org.haven.operations.Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `haven operation member add|remove --operation CODE USER...` and `haven operation member list
 * --operation CODE`: who a coordinator put on an operation (they see all its cases and may add
 * people to it; see docs/security.md).
 */
@Command(name = "operation", mixinStandardHelpOptions = true, description = "Operations (raids, rescues).",
        subcommands = OperationCommand.Member.class)
final class OperationCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Missing subcommand: operation member.");
    }

    @Command(name = "member", mixinStandardHelpOptions = true, description = "The caseworkers of an operation (coordinators add and remove them).",
            subcommands = {Member.Add.class, Member.Remove.class, Member.ListMembers.class})
    static final class Member implements Runnable {
        @Override
        public void run() {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Missing subcommand: operation member add, remove or list.");
        }

        /** Add and remove share their options and loop; each says what it does to one user. */
        abstract static class MemberChange implements Callable<Integer> {
            @Mixin HomeOption home;
            @Option(names = "--operation", required = true, paramLabel = "CODE") String code;
            @Parameters(arity = "1..*", paramLabel = "USER") List<String> users;

            /** Changes one user's membership and returns the line to print. */
            abstract String change(Haven haven, Operation op, String user);

            @Override
            public Integer call() {
                try (Haven haven = home.open()) {
                    Operation op = find(haven, code);
                    for (String user : users) System.out.println(change(haven, op, user));
                }
                return 0;
            }
        }

        @Command(name = "add", mixinStandardHelpOptions = true,
                description = "Put caseworkers on an operation (coordinators): they see all its cases and may import into it. Audited.")
        static final class Add extends MemberChange {
            @Override
            String change(Haven haven, Operation op, String user) {
                return (haven.operations().addMember(op.id(), user) ? "added\t" : "already a member\t") + user.strip();
            }
        }

        @Command(name = "remove", mixinStandardHelpOptions = true,
                description = "Take caseworkers off an operation (coordinators); their own and assigned cases stay theirs. Audited.")
        static final class Remove extends MemberChange {
            @Override
            String change(Haven haven, Operation op, String user) {
                return (haven.operations().removeMember(op.id(), user) ? "removed\t" : "not a member\t") + user.strip();
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "The members of an operation, one user name a line.")
        static final class ListMembers implements Callable<Integer> {
            @Mixin HomeOption home;
            @Option(names = "--operation", required = true, paramLabel = "CODE") String code;

            @Override
            public Integer call() {
                try (Haven haven = home.open()) {
                    Operation op = find(haven, code);
                    System.out.println("user");
                    haven.operations().members(op.id()).forEach(System.out::println);
                }
                return 0;
            }
        }

        private static Operation find(Haven haven, String code) {
            if (code == null || code.isBlank()) throw HavenException.badInput("Give an operation code.");
            return haven.operations().findByCode(code)
                    .orElseThrow(() -> HavenException.notFound("No operation with the code " + code.strip() + "."));
        }
    }
}
