package org.haven.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.exports.AnonymizedExporter;
import org.haven.core.exports.KAnonymizer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `haven export --anonymized|--identified ...`: the case-level exports. The kind of export is one exclusive
 * choice ({@link Kind}); the identified export joins that group as `--identified`.
 */
@Command(name = "export", description = "Export cases to CSV (coordinators only, audited).")
final class ExportCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Kind kind;

    /** Which export: exactly one of these options. */
    static final class Kind {
        @Option(names = "--anonymized", required = true,
                description = "Anonymized case-level export (k-anonymous), with FILE.report.txt beside it.")
        boolean anonymized;

        @Option(names = "--identified", required = true,
                description = "Every case with its person's identifying fields (for the organisation's own records).")
        boolean identified;
    }

    @Option(names = "--preset", paramLabel = "partner|public", defaultValue = "partner",
            description = "partner (k = 5) or public (k = 11). Default: partner.")
    String preset;

    @Option(names = "--k", paramLabel = "N", description = "Raise k above the preset's (never below 5).")
    Integer k;

    @Option(names = "--from", paramLabel = "YYYY-MM", description = "First month of identification to include.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM", description = "Last month of identification to include.")
    String to;

    @Option(names = "--operation", paramLabel = "CODE", description = "Only cases of this operation (repeatable).")
    List<String> operations;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.csv", description = "The CSV file to write (FILE.xlsx for --identified: an Excel workbook).")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it already exists.")
    boolean force;

    @Option(names = "--xlsx", description = "--identified: write an Excel workbook (also chosen by -o FILE.xlsx).")
    boolean xlsx;

    @Option(names = "--fields", split = ",", paramLabel = "FIELD,...",
            description = "--identified: only these columns, in this order (default: all of them).")
    List<String> fields;

    @Option(names = "--password-protect",
            description = "--identified: encrypt the .xlsx (AES) with a password from HAVEN_EXPORT_PASSWORD or the prompt.")
    boolean passwordProtect;

    @Option(names = "--consent-override", paramLabel = "REASON",
            description = "--identified: export cases whose consent to data sharing is not recorded; the reason is kept in the audit log.")
    String consentOverride;

    @Override
    public Integer call() {
        if (kind.anonymized) return anonymized();
        if (kind.identified) return IdentifiedExportCommand.run(home, output, force, xlsx, fields, passwordProtect, consentOverride);
        throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.export.kind");
    }

    private int anonymized() {
        if (xlsx || fields != null || passwordProtect || consentOverride != null) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.export.identifiedOnly");
        }
        AnonymizedExporter.Preset p = AnonymizedExporter.Preset.parse(preset);
        AnonymizedExporter.effectiveK(p, k); // bad k: exit 2 before asking for a password
        YearMonth fromMonth = month("--from", from);
        YearMonth toMonth = month("--to", to);
        org.haven.core.common.OutputFiles.check(output, home.home(), force);
        org.haven.core.common.OutputFiles.check(AnonymizedExporter.reportPathFor(output.toAbsolutePath()), home.home(), force);
        org.haven.core.common.OutputFiles.check(AnonymizedExporter.codebookPathFor(output.toAbsolutePath()), home.home(), force);
        try (Haven haven = home.open()) {
            AnonymizedExporter.Report r = haven.anonymizedExporter()
                    .export(new AnonymizedExporter.Request(p, k, fromMonth, toMonth, operations, output));
            System.out.println("file\t" + r.csv());
            System.out.println("report\t" + r.reportFile());
            System.out.println("codebook\t" + r.codebookFile());
            System.out.println("rows\t" + r.exported());
            System.out.println("suppressed\t" + r.suppressed());
            System.out.println("k\t" + r.kRequired());
            System.out.println("k_reached\t" + r.kReached());
            for (Map.Entry<KAnonymizer.Step, Integer> e : r.generalized().entrySet()) {
                System.out.println("generalized." + e.getKey().name().toLowerCase() + "\t" + e.getValue());
            }
        }
        return 0;
    }

    /** A --from/--to month as YYYY-MM (shared by export and report). */
    static YearMonth month(String option, String text) {
        if (text == null) return null;
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.export.month", String.valueOf(option));
        }
    }
}
