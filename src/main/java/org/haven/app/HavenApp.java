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
    private Path home;
    private MainWindow mainWindow;

    /** The data folder: system property haven.home (set by `haven gui --home`), else HAVEN_HOME or the per-OS default. */
    public static Path home() {
        String prop = System.getProperty("haven.home");
        return HavenHome.resolve(prop == null || prop.isBlank() ? null : Path.of(prop));
    }

    @Override
    public void start(Stage primary) {
        Theme.apply();
        this.home = home();
        I18n.setLocale(Languages.load(home));
        this.stage = primary;
        stage.setTitle(I18n.t("app.title"));
        Theme.icon(stage);
        showStartScreen(1200, 760);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> shutdown());
        stage.show();
        if (StartupProbe.active()) {
            // The benchmark times start-up to the first main window: it logs in with HAVEN_USER/HAVEN_PASSWORD.
            FxTasks.run(() -> Haven.login(home, System.getenv("HAVEN_USER"), System.getenv("HAVEN_PASSWORD").toCharArray()),
                    this::opened);
        }
    }

    private void opened(Haven haven) {
        mainWindow = new MainWindow(haven, stage);
        stage.getScene().setRoot(mainWindow.root());
        mainWindow.onQuit(() -> {
            shutdown();
            Platform.exit();
        });
        mainWindow.onLogout(this::logout);
        if (StartupProbe.active()) Platform.runLater(StartupProbe::windowShown);
    }

    /** A fresh scene, so nothing of the last session (auto-lock, shortcuts) stays attached to it. */
    private void showStartScreen(double width, double height) {
        Scene scene = new Scene(new StartScreen(home, this::opened).root(), width, height);
        Theme.style(scene);
        stage.setScene(scene);
    }

    /** Closes the database off the FX thread (SHUTDOWN writes and syncs the file), then shows the login screen. */
    private void logout() {
        MainWindow ending = mainWindow;
        if (ending == null) return;
        mainWindow = null;
        ending.endSession();
        Runnable backToLogin = () -> showStartScreen(stage.getScene().getWidth(), stage.getScene().getHeight());
        FxTasks.run(() -> {
            ending.close();
            return true;
        }, closed -> backToLogin.run(), failure -> {
            ErrorDialog.show(failure);
            backToLogin.run();
        });
    }

    /** The main window while a user is logged in, else null (for tests). */
    MainWindow mainWindow() {
        return mainWindow;
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
