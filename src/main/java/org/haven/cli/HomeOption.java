package org.haven.cli;

import java.nio.file.Path;
import org.haven.Haven;
import org.haven.db.HavenHome;
import picocli.CommandLine.Option;

/** The --home option every data command shares, and opening Haven with the caller's credentials. */
public class HomeOption {
    @Option(names = "--home", paramLabel = "DIR", description = "Data folder (default: HAVEN_HOME or the per-OS folder).")
    Path home;

    Path home() {
        return HavenHome.resolve(home);
    }

    /** Logs in. With no database yet and credentials in the environment, creates it with that user as administrator. */
    Haven open() {
        Path dir = home();
        String user = Credentials.user();
        char[] password = Credentials.password();
        // Only a truly empty folder gets a new database: a lone key file or database file means
        // damage (restore from a backup), never a reason to start over beside it.
        boolean empty = !org.haven.db.Database.existsIn(dir) && !org.haven.security.KeyFile.existsIn(dir);
        Haven haven = empty && System.getenv("HAVEN_PASSWORD") != null
                ? Haven.create(dir, user, password)
                : Haven.login(dir, user, password);
        haven.database().beforeCompaction(() -> System.err.println("haven: compacting the database file (old copies of changed pages)..."));
        return haven;
    }
}
