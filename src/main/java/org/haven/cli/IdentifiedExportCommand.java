package org.haven.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.exports.IdentifiedExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `haven export --identified -o FILE.csv` (coordinators, audited). The anonymized export lives in
 * ExportCommand; when both are merged, ExportCommand's --identified branch calls {@link #run}.
 */
@Command(name = "export", description = "Export cases: --identified writes every case with the person's identifying fields (coordinators only, audited).")
public final class IdentifiedExportCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(names = "--identified", required = true, description = "Every case with its person's identifying fields.")
    boolean identified;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.csv") Path output;

    @Option(names = "--xlsx", description = "Write an Excel workbook (also chosen by -o FILE.xlsx).") boolean xlsx;

    @Option(names = "--fields", split = ",", paramLabel = "FIELD,...", description = "Only these columns, in this order.")
    List<String> fields;

    @Option(names = "--password-protect", description = "Encrypt the .xlsx with a password from HAVEN_EXPORT_PASSWORD or the prompt.")
    boolean passwordProtect;

    @Option(names = "--force", description = "Replace the output file if it already exists.")
    boolean force;

    @Option(names = "--consent-override", paramLabel = "REASON",
            description = "Export cases whose consent to data sharing is not recorded; the reason is kept in the audit log.")
    String consentOverride;

    @Override
    public Integer call() {
        return run(home, output, force, xlsx, fields, passwordProtect, consentOverride);
    }

    /** The whole command, callable from a merged `export` command. */
    static int run(HomeOption home, Path output, boolean force, boolean xlsx, List<String> fields, boolean passwordProtect,
                   String consentOverride) {
        if (output == null) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.export.output");
        String reason = org.haven.core.screening.SharingConsent.reason(consentOverride); // a bad reason: exit 2 before any password
        org.haven.core.common.OutputFiles.check(output, home.home(), force);
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean asXlsx = xlsx || name.endsWith(".xlsx");
        if (asXlsx && !name.endsWith(".xlsx")) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.export.xlsxName");
        if (passwordProtect && !asXlsx) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.export.passwordNeedsXlsx");
        }
        List<String> columns = IdentifiedExport.columns(fields); // unknown fields: exit 2 before any password
        char[] password = passwordProtect ? Credentials.exportPassword() : null;
        try {
            if (password != null && password.length < IdentifiedExport.MIN_PASSWORD) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.export.passwordLength", String.valueOf(IdentifiedExport.MIN_PASSWORD));
            }
            try (Haven haven = home.open()) {
                int n = haven.identifiedExport().writeTo(output, new IdentifiedExport.Options(
                        columns, asXlsx ? IdentifiedExport.Format.XLSX : IdentifiedExport.Format.CSV, password), reason);
                System.out.println("exported\t" + n + " cases\t" + output.toAbsolutePath());
                if (password == null) {
                    System.err.println("haven: this file holds identifying data in plain text: keep it on encrypted storage and delete it after use.");
                } else {
                    System.err.println("haven: the file is encrypted; send its password by another channel than the file.");
                }
            }
        } finally {
            IdentifiedExport.wipe(password);
        }
        return 0;
    }
}
