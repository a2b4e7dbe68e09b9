package org.haven.core.sync;

import java.nio.file.Path;
import org.haven.core.db.OfficeConnection;

/**
 * The child JVM of {@link SyncKillTest} that plays the office's `haven serve`, to be killed (kill -9)
 * while a laptop pushes: args the office's data folder and the port; the office database from
 * HAVEN_DB_URL / HAVEN_DB_USER / HAVEN_DB_PASSWORD. Prints "LISTENING" once it serves.
 */
public final class ServeChild {
    private ServeChild() {}

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(args[0]);
        SyncServer server = SyncServer.start(home, OfficeConnection.fromEnvironment(null), Integer.parseInt(args[1]), ServiceCertificate.inFolder(home));
        System.out.println("LISTENING " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // until killed
    }
}
