package org.haven.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.security.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `haven backup -o FILE`: an encrypted backup of the database and its key file (administrators). */
@Command(name = "backup", description = "Write an encrypted backup (database + key file, with checksums) to FILE. Administrators only.")
final class BackupCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE") Path output;

    @Option(names = "--force", description = "Replace the output file if it already exists.")
    boolean force;

    @Override
    public Integer call() {
        org.haven.core.common.OutputFiles.check(output, home.home(), force);
        try (Haven haven = home.open()) {
            Backups.Manifest m = Backups.backup(haven.unlocked(), output, home.password);
            System.out.println("backup written\t" + output.toAbsolutePath() + "\t" + m.createdAt());
        }
        return 0;
    }
}
