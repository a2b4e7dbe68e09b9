package org.haven.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.haven.Haven;
import org.haven.common.HavenException;
import org.haven.summaries.Audience;
import org.haven.summaries.SummaryOptions;
import org.haven.summaries.SummaryService;
import org.haven.summaries.SummaryServices;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `haven summary (--case NUMBER... | --operation CODE) --audience internal|external|court -o FILE.pdf`. */
@Command(name = "summary", mixinStandardHelpOptions = true, description = "Case summaries as one PDF, for some cases or a whole operation.")
final class SummaryCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--case", paramLabel = "NUMBER", arity = "1..*", description = "One or more case numbers.")
        List<String> cases;

        @Option(names = "--operation", paramLabel = "CODE", description = "Every case of this operation you can see.")
        String operation;
    }

    @Option(names = "--audience", required = true, paramLabel = "internal|external|court",
            description = "internal: full record; external: no names, aliases, document number, contacts or notes; court: no contacts or notes.")
    String audience;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.pdf")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it already exists.")
    boolean force;

    @Override
    public Integer call() {
        Audience a = parseAudience(audience);
        org.haven.common.OutputFiles.check(output, home.home(), force);
        try (Haven haven = home.open()) {
            SummaryService service = SummaryServices.of(haven);
            List<UUID> ids = which.operation != null ? service.casesOfOperation(which.operation) : service.casesByNumber(which.cases);
            SummaryService.Result r = service.writePdf(ids, SummaryOptions.all(a), output, SummaryService.Progress.NONE, () -> false);
            System.out.println("cases\t" + r.cases());
            System.out.println("pages\t" + r.pages());
            System.out.println("file\t" + output.toAbsolutePath().normalize());
        }
        return 0;
    }

    static Audience parseAudience(String text) {
        try {
            return Audience.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HavenException.badInput("--audience must be internal, external or court.");
        }
    }
}
