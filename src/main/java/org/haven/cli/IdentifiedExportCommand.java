package org.haven.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.haven.Haven;
import org.haven.common.HavenException;
import org.haven.security.IdentifiedExport;
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

    @Option(names = "--force", description = "Replace the output file if it already exists.")
    boolean force;

    @Override
    public Integer call() {
        return run(home, output, force);
    }

    /** The whole command, callable from a merged `export` command. */
    static int run(HomeOption home, Path output, boolean force) {
        if (output == null) throw HavenException.badInput("Give the output file with -o FILE.csv.");
        org.haven.common.OutputFiles.check(output, home.home(), force);
        try (Haven haven = home.open()) {
            int n = new IdentifiedExport(haven.database(), haven.session()).writeTo(output);
            System.out.println("exported\t" + n + " cases\t" + output.toAbsolutePath());
            System.err.println("haven: this file holds identifying data in plain text: keep it on encrypted storage and delete it after use.");
        }
        return 0;
    }
}
