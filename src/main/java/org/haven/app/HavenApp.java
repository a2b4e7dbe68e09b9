package org.haven.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import org.haven.bench.StartupProbe;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.haven.Haven;
import org.haven.db.HavenHome;
import org.haven.security.Accounts;

/**
 * The JavaFX application: theme, then the setup screen (no database yet) or the login screen, then
 * the main window. Closing the window closes the database cleanly.
 */
public final class HavenApp extends Application {
    private Stage stage;
    private MainWindow mainWindow;

    /** The data folder: system property haven.home (set by `haven gui --home`), else HAVEN_HOME or the per-OS default. */
    public static Path home() {
        String prop = System.getProperty("haven.home");
        return HavenHome.resolve(prop == null || prop.isBlank() ? null : Path.of(prop));
    }

    @Override
    public void start(Stage primary) {
        Theme.apply();
        Path home = home();
        I18n.setLocale(Languages.load(home));
        this.stage = primary;
        stage.setTitle(I18n.t("app.title"));
        Theme.icon(stage);
        Parent first = new StartScreen(home, this::opened).root();
        Scene scene = new Scene(first, 1200, 760);
        Theme.style(scene);
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> shutdown());
        if (StartupProbe.firstWindowTarget()) {
            StartupProbe.watch(stage); // the benchmark times start-up to this first (login or setup) window
        } else if (StartupProbe.active()) {
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN,
                    e -> Platform.runLater(() -> StartupProbe.mark("login screen shown")));
        }
        stage.show();
        if (StartupProbe.active()) {
            // The benchmark times start-up to the first main window: it logs in with HAVEN_USER/HAVEN_PASSWORD.
            FxTasks.run(() -> {
                Haven haven = Haven.login(home, System.getenv("HAVEN_USER"), System.getenv("HAVEN_PASSWORD").toCharArray());
                StartupProbe.mark("unlocked");
                return haven;
            }, this::opened);
        }
    }

    private void opened(Haven haven) {
        mainWindow = new MainWindow(haven, stage);
        stage.getScene().setRoot(mainWindow.root());
        mainWindow.onQuit(() -> {
            shutdown();
            Platform.exit();
        });
        if (StartupProbe.active()) Platform.runLater(StartupProbe::windowShown);
    }

    private void shutdown() {
        if (mainWindow != null) {
            mainWindow.close();
            mainWindow = null;
        }
    }

    @Override
    public void stop() {
        shutdown();
    }
}
