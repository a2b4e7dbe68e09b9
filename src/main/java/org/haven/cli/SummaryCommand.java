package org.haven.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.summaries.Audience;
import org.haven.core.summaries.SummaryOptions;
import org.haven.core.summaries.SummaryService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `haven summary (--case NUMBER... | --operation CODE) --audience internal|external|court [--language en|km|vi|id|zh]
 * -o FILE.pdf`, or `--split -o DIR` for one file per case.
 */
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

    @Option(names = "--language", paramLabel = "en|km|vi|id|zh",
            description = "Language of the summary's labels, words and dates (names print as recorded). Default: the language chosen in the window, else en.")
    String language;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.pdf|DIR",
            description = "The PDF; with --split, the folder (created if missing) that receives one CASE-NUMBER.pdf per case.")
    Path output;

    @Option(names = "--split", description = "One PDF per case in the folder given with -o, named by case number.")
    boolean split;

    @Option(names = "--force", description = "Replace the output file if it already exists.")
    boolean force;

    @Option(names = "--consent-override", paramLabel = "REASON",
            description = "external or court: print cases whose consent to data sharing is not recorded; the reason is kept in the audit log.")
    String consentOverride;

    @Override
    public Integer call() {
        Audience a = parseAudience(audience);
        Locale lang = language == null ? org.haven.core.common.Languages.load(home.home()) : org.haven.core.common.Messages.language(language);
        SummaryOptions options = SummaryOptions.all(a, lang);
        if (split) return splitInto(options);
        org.haven.core.common.OutputFiles.check(output, home.home(), force);
        try (Haven haven = home.open()) {
            SummaryService service = haven.summaries();
            List<UUID> ids = cases(service);
            SummaryService.Result r = service.writePdf(ids, options, output, SummaryService.Progress.NONE, () -> false, consentOverride);
            System.out.println("cases\t" + r.cases());
            System.out.println("pages\t" + r.pages());
            System.out.println("file\t" + output.toAbsolutePath().normalize());
        }
        return 0;
    }

    private List<UUID> cases(SummaryService service) {
        return which.operation != null ? service.casesOfOperation(which.operation) : service.casesByNumber(which.cases);
    }

    /**
     * One file per case, named by its case number (no personal data in a file name). Every file is
     * checked by the -o rules before the first is written, so a refusal leaves the folder as it was.
     */
    private int splitInto(SummaryOptions options) {
        org.haven.core.common.OutputFiles.checkOutsideDataFolder(output, home.home());
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.summary.splitFolder", String.valueOf(output));
        }
        try (Haven haven = home.open()) {
            SummaryService service = haven.summaries();
            List<UUID> ids = cases(service);
            List<String> numbers = service.caseNumbers(ids);
            // Checked for all cases before the first file: a refusal leaves the folder as it was.
            List<String> lacking = service.casesWithoutSharingConsent(ids, options.audience());
            if (!lacking.isEmpty() && org.haven.core.screening.SharingConsent.reason(consentOverride) == null) {
                throw org.haven.core.screening.SharingConsent.missing(lacking);
            }
            List<Path> files = new ArrayList<>();
            for (String n : numbers) {
                Path f = output.resolve(n.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf");
                org.haven.core.common.OutputFiles.check(f, home.home(), force);
                files.add(f);
            }
            try {
                Files.createDirectories(output);
            } catch (IOException e) {
                throw HavenException.of(HavenException.Kind.FAILURE, e, "error.cli.summary.folder", String.valueOf(output));
            }
            // One batch: read together, laid out on all cores, audited in one transaction.
            int pages = service.writeEach(ids, files, options, consentOverride).pages();
            System.out.println("cases\t" + ids.size());
            System.out.println("files\t" + files.size());
            System.out.println("pages\t" + pages);
            System.out.println("folder\t" + output.toAbsolutePath().normalize());
        }
        return 0;
    }

    static Audience parseAudience(String text) {
        try {
            return Audience.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.summary.audience");
        }
    }
}
