package org.haven.bench;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.shell.StartupHook;

/**
 * The start-up benchmark's hook into the window (registered as a service in src/bench, so only a run
 * from the repository has it): does nothing unless {@link StartupProbe} is switched on for a timed child JVM.
 */
public final class StartupProbeHook implements StartupHook {
    @Override
    public void beforeFirstWindow(Stage stage) {
        if (StartupProbe.firstWindowTarget()) {
            StartupProbe.watch(stage); // timed to this first (login or setup) window
        } else if (StartupProbe.active()) {
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN,
                    e -> Platform.runLater(() -> StartupProbe.mark("login screen shown")));
        }
    }

    @Override
    public void firstWindowShown(Path home, Consumer<Haven> open) {
        if (!StartupProbe.active()) return;
        // Timed to the first main window: logs in with HAVEN_USER/HAVEN_PASSWORD as a user would by typing.
        FxTasks.run(() -> {
            Haven haven = Haven.login(home, org.haven.core.db.OfficeConnection.fromEnvironment(null), System.getenv("HAVEN_USER"),
                    System.getenv("HAVEN_PASSWORD").toCharArray());
            StartupProbe.mark("unlocked");
            return haven;
        }, open::accept);
    }

    @Override
    public void mainWindowShown() {
        if (StartupProbe.active()) Platform.runLater(StartupProbe::windowShown);
    }
}
