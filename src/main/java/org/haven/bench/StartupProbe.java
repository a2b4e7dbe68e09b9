package org.haven.bench;

import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The benchmark's hook into start-up. HavenApp calls {@link #watch(Stage)} on its main window before
 * showing it; with -Dhaven.bench.exitAfterShown=true the process prints a marker once that window is
 * shown and then exits normally (so the database closes cleanly), which lets the benchmark time
 * "start the JVM to first window". Without the property it does nothing.
 */
public final class StartupProbe {
    public static final String PROPERTY = "haven.bench.exitAfterShown";
    public static final String MARKER = "haven-bench: window shown";

    private StartupProbe() {}

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
