package org.haven.bench;

import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The benchmark's hook into start-up. With -Dhaven.bench.exitAfterShown=true the process prints
 * {@link #MARKER} once its target window is on screen and exits normally (so the database closes
 * cleanly), which lets the benchmark time "start the JVM to first window". The target is chosen
 * with -Dhaven.bench.startupTarget:
 * <ul>
 *   <li>{@code main} (default): HavenApp logs in at once with HAVEN_USER / HAVEN_PASSWORD and the
 *       marker fires when the main window with its case list is shown; {@link #mark} lines tell when
 *       the login screen was shown and when the unlock finished;</li>
 *   <li>{@code login}: no log-in; the marker fires when the first window (setup or login screen)
 *       is shown, as a user sees it before typing a password.</li>
 * </ul>
 * Without the property it does nothing.
 */
public final class StartupProbe {
    public static final String PROPERTY = "haven.bench.exitAfterShown";
    public static final String TARGET_PROPERTY = "haven.bench.startupTarget";
    public static final String MARKER = "haven-bench: window shown";
    /** Prefix of an intermediate mark line; the mark's name follows. */
    public static final String MARK = "haven-bench: at ";

    private StartupProbe() {}

    private static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** True when the first window itself is the target (no log-in). */
    public static boolean firstWindowTarget() {
        return enabled() && "login".equals(System.getProperty(TARGET_PROPERTY, "main"));
    }

    /** True when the benchmark times start-up to the main window (and the credentials to log in are given). */
    public static boolean active() {
        return enabled() && !firstWindowTarget()
                && System.getenv("HAVEN_USER") != null && System.getenv("HAVEN_PASSWORD") != null;
    }

    /** Fires the marker when this stage is shown (the bare window; Haven's first window in login mode). */
    public static void watch(Stage stage) {
        if (!enabled()) return;
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(StartupProbe::windowShown));
    }

    /** Prints an intermediate mark (the parent timestamps it when it reads the line). */
    public static void mark(String name) {
        if (!enabled()) return;
        System.out.println(MARK + name);
        System.out.flush();
    }

    /** Called once the window is on screen (the next pulse after WINDOW_SHOWN). */
    public static void windowShown() {
        if (!enabled()) return;
        System.out.println(MARKER);
        System.out.flush();
        System.exit(0);
    }
}
