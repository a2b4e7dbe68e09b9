package org.haven.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.haven.Haven;
import org.haven.intake.ImportService;
import org.haven.intake.IntakeHooks;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `haven import FILE (--operation CODE | --new-operation NAME) [--mapping FILE] [--skip-invalid] [--dry-run]`:
 * a CSV list of people in one transaction (docs/import.md). Bad rows go to stderr, one per line.
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import a list of people (CSV, UTF-8) under an operation, in one transaction. See docs/import.md.")
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

        @Option(names = "--new-operation", paramLabel = "NAME", description = "Create a new operation with this name (in the same transaction).")
        String newOperationName;
    }

    @Option(names = "--mapping", paramLabel = "FILE", description = "Column mapping file: lines haven_field=CSV header (no guessing).")
    Path mapping;

    @Option(names = "--skip-invalid", description = "Import the valid rows and report the others (default: any invalid row stops the import).")
    boolean skipInvalid;

    @Option(names = "--dry-run", description = "Check the file and report, without writing anything.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportService.Target target = new ImportService.Target(where.operationCode, where.newOperationName);
        ImportService.Report report;
        try (Haven haven = home.open()) {
            report = new ImportService(haven, IntakeHooks.duplicateCheck(haven)).importFile(file, mapping, target, skipInvalid, dryRun);
        }
        for (ImportService.RowResult r : report.rejected()) {
            r.errorLines().forEach(err::println);
        }
        for (ImportService.RowResult r : report.possibleDuplicates()) {
            for (var d : r.duplicates()) {
                err.println("row " + r.rowNumber() + ": possible duplicate of case " + d.caseNumber() + " (score " + d.score() + ")");
            }
        }
        if (!report.rejected().isEmpty() && !skipInvalid) {
            err.println("haven: " + report.rejected().size() + " invalid row" + (report.rejected().size() == 1 ? "" : "s")
                    + ": nothing was imported. Fix the rows listed above, or use --skip-invalid to import only the valid ones.");
            err.flush();
            return 2;
        }
        if (!report.dryRun() && !report.committed()) {
            err.println("haven: no row of the file is valid: nothing was imported. Fix the rows listed above.");
            err.flush();
            return 2;
        }
        if (report.dryRun()) {
            out.println("would import " + report.imported() + (report.rejected().isEmpty() ? "" : " (skipping " + report.rejected().size() + " invalid)"));
        } else {
            out.println("imported " + report.imported());
            if (!report.rejected().isEmpty()) err.println("haven: skipped " + report.rejected().size() + " invalid rows (listed above)");
            if (target.newOperationName() != null) err.println("haven: created operation " + report.operationCode());
        }
        out.flush();
        err.flush();
        return 0;
    }
}
