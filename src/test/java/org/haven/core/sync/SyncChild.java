package org.haven.core.sync;

import java.nio.file.Path;
import org.haven.core.Haven;

/**
 * The child JVM of {@link SyncKillTest}: `haven sync` on a laptop, to be killed (kill -9) at any
 * moment. Args: the laptop's data folder and the account; the password comes from HAVEN_PASSWORD
 * (never an argument). Lines: "SYNCING" once logged in, "SYNCED pushed pulled conflicts" at the end,
 * "FAILED kind" when the sync failed (exit 1).
 */
public final class SyncChild {
    private SyncChild() {}

    public static void main(String[] args) {
        char[] password = System.getenv("HAVEN_PASSWORD").toCharArray();
        try (Haven haven = Haven.login(Path.of(args[0]), args[1], password)) {
            System.out.println("SYNCING");
            System.out.flush();
            LaptopSync.Result r = LaptopSync.sync(haven, args[1], password);
            System.out.println("SYNCED " + r.pushed() + " " + r.pulled() + " " + r.conflicts());
            System.out.flush();
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getClass().getSimpleName());
            System.out.flush();
            System.exit(1);
        }
    }
}
