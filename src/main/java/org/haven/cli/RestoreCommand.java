package org.haven.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.haven.core.security.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `haven restore FILE [--force]`: verifies the backup, unlocks it with HAVEN_USER/HAVEN_PASSWORD (an
 * administrator of the backup) in a staging folder, then moves it into the data folder. Without
 * --force the data folder must hold no database; with it, the same credentials must open the current
 * one, whose files are moved aside (not deleted).
 */
@Command(name = "restore", description = "Restore an encrypted backup into the data folder (empty, or --force to replace).")
final class RestoreCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(index = "0", paramLabel = "FILE") Path file;

    @Option(names = "--force", description = "Replace an existing database (kept aside in a replaced-... folder).")
    boolean force;

    @Override
    public Integer call() {
        Backups.verify(file);
        Path dir = home.home();
        org.haven.core.db.OfficeConnection office = home.office();
        Backups.Restored r = office == null
                ? Backups.restore(file, dir, Credentials.user(), Credentials.password(), force)
                : Backups.restoreToOffice(file, dir, office, Credentials.user(), Credentials.password(), force);
        System.out.println("restored\t" + (office == null ? dir.toAbsolutePath().toString() : office.display()) + "\tbackup of " + r.manifest().createdAt());
        if (!r.auditIntact()) System.out.println("warning\tthe restored audit log's chain is broken: run 'haven audit verify'");
        if (r.replacedDataFolder() != null) System.out.println("replaced data kept in\t" + r.replacedDataFolder());
        return 0;
    }
}
