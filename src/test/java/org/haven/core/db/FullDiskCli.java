package org.haven.core.db;

import org.haven.cli.HavenCommand;

/**
 * Runs one `haven` command in a JVM whose disk fills up after {@code -Dhaven.test.diskBudget} bytes
 * written to the database (see {@link FullDiskFilePath}), as DiskFullTest's child process.
 */
public final class FullDiskCli {
    private FullDiskCli() {}

    public static void main(String[] args) {
        FullDiskFilePath.install(Long.getLong("haven.test.diskBudget"));
        System.exit(HavenCommand.run(args));
    }
}
