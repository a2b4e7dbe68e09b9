package org.haven.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.sync.Conflicts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `haven conflicts`: the open sync conflicts on the office database (coordinators), and
 * `haven conflicts resolve ID --keep laptop|office`.
 */
@Command(name = "conflicts", mixinStandardHelpOptions = true, subcommands = ConflictsCommand.Resolve.class,
        description = {"Lists the open sync conflicts (coordinators, on the office database): a field changed on a laptop and at the office.",
                "Columns: id, case_number, field, laptop_value, office_value, laptop_user, laptop_device, laptop_at, office_user, office_at."})
final class ConflictsCommand implements Callable<Integer> {
    static final String HEADER = "id\tcase_number\tfield\tlaptop_value\toffice_value\tlaptop_user\tlaptop_device\tlaptop_at\toffice_user\toffice_at";

    @Mixin HomeOption home;

    @Override
    public Integer call() {
        try (Haven haven = home.open()) {
            var open = haven.conflicts().open();
            StringBuilder out = new StringBuilder(HEADER).append('\n');
            for (Conflicts.Open c : open) {
                out.append(c.id()).append('\t').append(Cells.of(c.caseNumber())).append('\t').append(Cells.of(c.field())).append('\t')
                        .append(Cells.of(c.laptopValue())).append('\t').append(Cells.of(c.officeValue())).append('\t')
                        .append(Cells.of(c.laptopUser())).append('\t').append(Cells.of(c.laptopDevice())).append('\t')
                        .append(Cells.of(c.laptopAt())).append('\t').append(Cells.of(c.officeUser())).append('\t')
                        .append(Cells.of(c.officeAt())).append('\n');
            }
            System.out.print(out);
        }
        return 0;
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "Resolves one conflict (coordinators): keeps the laptop's or the office's value; every device gets it at its next sync.")
    static final class Resolve implements Callable<Integer> {
        @Mixin HomeOption home;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Option(names = "--keep", required = true, paramLabel = "laptop|office") String keep;

        @Override
        public Integer call() {
            Conflicts.Keep choice = switch (keep.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "laptop" -> Conflicts.Keep.LAPTOP;
                case "office" -> Conflicts.Keep.OFFICE;
                default -> throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.conflicts.keep");
            };
            UUID conflictId;
            try {
                conflictId = UUID.fromString(id.strip());
            } catch (IllegalArgumentException e) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.conflicts.id");
            }
            try (Haven haven = home.open()) {
                long seq = haven.conflicts().resolve(conflictId, choice);
                System.out.println("resolved\t" + conflictId + "\t" + choice.name().toLowerCase(java.util.Locale.ROOT) + "\t" + seq);
            }
            return 0;
        }
    }
}
