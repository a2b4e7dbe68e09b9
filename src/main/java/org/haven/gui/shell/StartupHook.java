package org.haven.gui.shell;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.haven.core.Haven;

/**
 * Something that watches the window's start-up, found through the class path's service list: the
 * benchmark's timer (src/bench), which the jar and the installer do not contain. Without one, start-up
 * is the same as ever.
 */
public interface StartupHook {
    /** The first window (set-up or login) is about to be shown. */
    void beforeFirstWindow(Stage stage);

    /** The first window is shown; {@code open} opens the main window for a session (the benchmark logs in itself). */
    void firstWindowShown(Path home, Consumer<Haven> open);

    /** The main window is on screen. */
    void mainWindowShown();
}
