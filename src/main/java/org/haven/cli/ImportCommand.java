package org.haven.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.intake.DuplicatePolicy;
import org.haven.core.intake.ImportService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `haven import FILE (--operation CODE | --new-operation NAME) [--mapping FILE] [--skip-invalid] [--dry-run]
 * [--link-duplicates | --allow-duplicates]`: a CSV list of people, all or nothing (docs/import.md): one
 * transaction, or on the embedded file for a list of more than 1,000 rows parts of 1,000 under a pending mark.
 * Bad rows and likely duplicates go to stderr, one per line.
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = {"Import a list of people (CSV, UTF-8) under an operation, all or nothing. A list of more than 1,000 rows"
        + " is written in parts of 1,000 rows, each its own commit, under a pending mark that the last part removes: an import"
        + " that fails is removed at once, one that is killed at the next login (on an office database: one transaction)."
        + " See docs/import.md."})
final class ImportCommand implements Callable<Integer> {
    @Mixin HomeOption home;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file (UTF-8; comma, semicolon or tab separated; header line first).")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    static final class Where {
        @Option(names = "--operation", paramLabel = "CODE", description = "An existing operation's code.")
        String operationCode;

        @Option(names = "--new-operation", paramLabel = "NAME", description = "Create a new operation with this name (written with the import's first part; removed with the import if it does not finish).")
        String newOperationName;
    }

    @Option(names = "--mapping", paramLabel = "FILE", description = "Column mapping file: lines haven_field=CSV header (no guessing).")
    Path mapping;

    @Option(names = "--skip-invalid", description = "Import the valid rows and report the others (default: any invalid row stops the import).")
    boolean skipInvalid;

    @Option(names = "--dry-run", description = "Check the file and report, without writing anything.")
    boolean dryRun;

    @ArgGroup(exclusive = true)
    Duplicates duplicates;

    static final class Duplicates {
        @Option(names = "--link-duplicates", description = "Give each row that is likely a person already in Haven a new case on that person.")
        boolean link;

        @Option(names = "--allow-duplicates", description = "Import rows that are likely people already in Haven as new people (audited).")
        boolean allow;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportService.Target target = new ImportService.Target(where.operationCode, where.newOperationName);
        ImportService.Report report;
        try (Haven haven = home.open()) {
            DuplicatePolicy policy = duplicates == null ? DuplicatePolicy.HOLD_BACK
                    : duplicates.link ? DuplicatePolicy.LINK : DuplicatePolicy.ALLOW;
            report = haven.importer().importFile(file, mapping, target, skipInvalid, dryRun, policy);
        }
        for (ImportService.RowResult r : report.rejected()) {
            r.errorLines().forEach(err::println);
        }
        for (ImportService.Held h : report.heldBack()) {
            h.lines().forEach(line -> err.println(Cells.of(line)));
        }
        if (!report.rejected().isEmpty() && !skipInvalid) {
            err.println("haven: " + report.rejected().size() + " invalid row" + (report.rejected().size() == 1 ? "" : "s")
                    + ": nothing was imported. Fix the rows listed above, or use --skip-invalid to import only the valid ones.");
            err.flush();
            return 2;
        }
        if (!report.heldBack().isEmpty() && !skipInvalid) {
            int n = report.heldBack().size();
            err.println("haven: " + n + " row" + (n == 1 ? " is" : "s are") + " likely " + (n == 1 ? "a person" : "people")
                    + " already in Haven: nothing was imported. Check them (haven match), then import again with --link-duplicates"
                    + " (a new case on the existing person) or --allow-duplicates (new people), or remove those rows.");
            err.flush();
            return 2;
        }
        if (!report.dryRun() && !report.committed()) {
            err.println("haven: no row of the file is valid: nothing was imported. Fix the rows listed above.");
            err.flush();
            return 2;
        }
        if (report.dryRun()) {
            out.println("would import " + report.imported() + (report.rejected().isEmpty() ? "" : " (skipping " + report.rejected().size() + " invalid)")
                    + (report.heldBack().isEmpty() ? "" : " (holding back " + report.heldBack().size() + " likely duplicates)"));
        } else {
            out.println("imported " + report.imported());
            for (ImportService.RowResult r : report.possibleDuplicates()) {
                if (report.heldBack().stream().anyMatch(h -> h.rowNumber() == r.rowNumber())) continue;
                String cases = String.join(", ", r.duplicates().stream().map(d -> d.caseNumber()).toList());
                err.println(Cells.of("row " + r.rowNumber() + (duplicates != null && duplicates.link
                        ? ": a new case of the person of case " + r.duplicates().getFirst().caseNumber()
                        : ": imported as a new person although likely the person of case " + cases)));
            }
            if (report.linked() > 0) err.println("haven: " + report.linked() + " of them as new cases of people already in Haven");
            if (!report.rejected().isEmpty()) err.println("haven: skipped " + report.rejected().size() + " invalid rows (listed above)");
            if (!report.heldBack().isEmpty()) err.println("haven: held back " + report.heldBack().size() + " likely duplicate rows (listed above)");
            if (target.newOperationName() != null) err.println("haven: created operation " + report.operationCode());
        }
        out.flush();
        err.flush();
        return 0;
    }
}
