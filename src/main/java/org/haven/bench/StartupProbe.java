package org.haven.bench;

import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The benchmark's hook into start-up. With -Dhaven.bench.exitAfterShown=true (and HAVEN_USER /
 * HAVEN_PASSWORD), HavenApp logs in at once and calls {@link #windowShown()} once the main window
 * with its case list is on screen; the process prints a marker and exits normally (so the database closes cleanly), which lets the benchmark time
 * "start the JVM to first window". Without the property it does nothing.
 */
public final class StartupProbe {
    public static final String PROPERTY = "haven.bench.exitAfterShown";
    public static final String MARKER = "haven-bench: window shown";

    private StartupProbe() {}

    /** True when the benchmark runs this start-up (and the credentials to log in are given). */
    public static boolean active() {
        return Boolean.getBoolean(PROPERTY) && System.getenv("HAVEN_USER") != null && System.getenv("HAVEN_PASSWORD") != null;
    }

    public static void watch(Stage stage) {
        if (!Boolean.getBoolean(PROPERTY)) return;
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(StartupProbe::windowShown));
    }

    /** Called once the window is on screen (the next pulse after WINDOW_SHOWN). */
    public static void windowShown() {
        if (!Boolean.getBoolean(PROPERTY)) return;
        System.out.println(MARKER);
        System.out.flush();
        System.exit(0);
    }
}
