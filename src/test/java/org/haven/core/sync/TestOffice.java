package org.haven.core.sync;

import static org.haven.core.sync.SyncTesting.PASSWORD;

import java.nio.file.Path;
import java.util.EnumSet;
import org.haven.core.Haven;
import org.haven.core.db.OfficeConnection;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.testing.TestPostgres;

/**
 * The office of a sync scenario test, as a real one stands: a fresh database on the embedded
 * PostgreSQL, its data folder ({@code dir/office}), then its `haven serve` with its own
 * certificate, which laptops join as `haven join` does.
 */
final class TestOffice {
    private final Path dir;
    private final OfficeConnection connection = TestPostgres.newDatabase();
    private final Path home;
    private ServiceCertificate cert;
    private SyncServer server;

    private TestOffice(Path dir) {
        this.dir = dir;
        this.home = dir.resolve("office");
    }

    /** A new office below {@code dir}; the laptops that join it get their folders there too. */
    static TestOffice in(Path dir) {
        return new TestOffice(dir);
    }

    /** The office's first session: its database made, {@code admin} its first account. */
    Haven create(String admin) {
        return Haven.create(home, connection, admin, PASSWORD.toCharArray());
    }

    /** A session at the office (on its PostgreSQL), as {@code user}. */
    Haven login(String user) {
        return Haven.login(home, connection, user, PASSWORD.toCharArray());
    }

    /** Starts the office's `haven serve` on a free port; closing it stops the server. */
    SyncServer serve() {
        cert = ServiceCertificate.inFolder(home);
        server = SyncServer.start(home, connection, 0, cert);
        return server;
    }

    /** A laptop that joined the office as {@code user}, in the folder {@code dir/laptop}. */
    Path join(String laptop, String user) {
        Path folder = dir.resolve(laptop);
        joinCounting(folder, user);
        return folder;
    }

    /** Joins {@code laptop} as {@code user}: what `haven join` returns (how many cases it brought). */
    int joinCounting(Path laptop, String user) {
        return Join.join(laptop, "https://localhost:" + server.port(), cert.fingerprint(), user, PASSWORD.toCharArray());
    }

    /** An account at the office, with the test's password. */
    static void addUser(Haven office, String username, String fullName, Role role) {
        Accounts.addUser(office.unlocked(), username, fullName, EnumSet.of(role), PASSWORD.toCharArray());
    }
}
