package org.haven.cli;

import java.nio.file.Path;
import org.haven.core.Haven;
import org.haven.core.db.HavenHome;
import picocli.CommandLine.Option;

/** The --home option every data command shares, and opening Haven with the caller's credentials. */
public class HomeOption {
    @Option(names = "--home", paramLabel = "DIR", description = "Data folder (default: HAVEN_HOME or the per-OS folder).")
    Path home;

    @Option(names = "--db", paramLabel = "URL", description = "Office database (jdbc:postgresql://HOST:5432/DB; default: HAVEN_DB_URL, else the data folder's own database). Service account from HAVEN_DB_USER/HAVEN_DB_PASSWORD.")
    String db;

    /** The password the last open() logged in with (an office backup wraps its key under it). */
    char[] password;

    Path home() {
        return HavenHome.resolve(home);
    }

    /** The office database named by --db or HAVEN_DB_URL, or null for the embedded one. */
    org.haven.core.db.OfficeConnection office() {
        return org.haven.core.db.OfficeConnection.fromEnvironment(db);
    }

    /**
     * Logs in. Never creates a database (only `init` and the first-run window do): a mistyped
     * HAVEN_HOME must not become a new, empty database. An account whose password an administrator
     * reset must change it first (`haven user passwd`).
     */
    Haven open() {
        return open(false);
    }

    /** Logs in for `user passwd`: the one command an account with a temporary password may run. */
    Haven openToChangePassword() {
        return open(true);
    }

    private Haven open(boolean changingPassword) {
        org.haven.core.db.OfficeConnection office = office();
        Path dir = office == null ? requireDatabase() : home();
        String user = Credentials.user();
        char[] password = Credentials.password();
        Haven haven = Haven.login(dir, office, user, password);
        this.password = password;
        if (!changingPassword && org.haven.core.security.Accounts.mustChangePassword(haven.unlocked())) {
            haven.close();
            throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.DENIED, "error.cli.passwordReset");
        }
        haven.database().beforeCompaction(() -> System.err.println("haven: compacting the database file (old copies of changed pages)..."));
        return haven;
    }

    /** The data folder, when it holds a database (or what is left of one: login then says it is damaged). */
    Path requireDatabase() {
        Path dir = home();
        if (!org.haven.core.db.Database.existsIn(dir) && !org.haven.core.security.KeyFile.existsIn(dir)) {
            throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.BAD_INPUT, "error.cli.noDatabase", String.valueOf(dir));
        }
        return dir;
    }
}
