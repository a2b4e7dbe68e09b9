package org.haven.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.operations.Operation;
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

        /** Add and remove share their options; each changes the whole list or, on a bad name, nobody. */
        abstract static class MemberChange implements Callable<Integer> {
            @Mixin HomeOption home;
            @Option(names = "--operation", required = true, paramLabel = "CODE") String code;
            @Parameters(arity = "1..*", paramLabel = "USER") List<String> users;

            private final String changed;
            private final String unchanged;

            /** The line's first word when the user changed, and when they already were so. */
            MemberChange(String changed, String unchanged) {
                this.changed = changed;
                this.unchanged = unchanged;
            }

            /** Changes the users' membership; per user, whether it changed. */
            abstract List<Boolean> change(Haven haven, Operation op);

            @Override
            public Integer call() {
                try (Haven haven = home.open()) {
                    List<Boolean> results = change(haven, find(haven, code));
                    for (int i = 0; i < users.size(); i++) {
                        System.out.println((results.get(i) ? changed : unchanged) + "\t" + Cells.of(users.get(i).strip()));
                    }
                }
                return 0;
            }
        }

        @Command(name = "add", mixinStandardHelpOptions = true,
                description = "Put caseworkers on an operation (coordinators): they see all its cases and may import into it. Audited.")
        static final class Add extends MemberChange {
            Add() {
                super("added", "already a member");
            }

            @Override
            List<Boolean> change(Haven haven, Operation op) {
                return haven.operations().addMembers(op.id(), users);
            }
        }

        @Command(name = "remove", mixinStandardHelpOptions = true,
                description = "Take caseworkers off an operation (coordinators); their own and assigned cases stay theirs. Audited.")
        static final class Remove extends MemberChange {
            Remove() {
                super("removed", "not a member");
            }

            @Override
            List<Boolean> change(Haven haven, Operation op) {
                return haven.operations().removeMembers(op.id(), users);
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
            if (code == null || code.isBlank()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.operation.code");
            return haven.operations().findByCode(code)
                    .orElseThrow(() -> HavenException.of(HavenException.Kind.NOT_FOUND, "error.cli.operation.notFound", String.valueOf(code.strip())));
        }
    }
}
