package org.haven.gui.shell;

import org.haven.gui.toolkit.ErrorDialog;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Theme;

import org.haven.core.common.Languages;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.core.db.HavenHome;

/**
 * The JavaFX application: theme, then the setup screen (no database yet) or the login screen, then
 * the main window. Log out, Quit (Ctrl+Q) and closing the window all end the session the same way:
 * the database is closed cleanly off the FX thread behind a "closing" screen (a close may rewrite
 * the file, see Database.close), then the login screen returns or the application ends.
 */
public final class HavenApp extends Application {
    /** Start-up watchers on the class path (the benchmark's timer when run from the repository; none in the installer). */
    private static final java.util.List<StartupHook> HOOKS = java.util.ServiceLoader.load(StartupHook.class).stream()
            .map(java.util.ServiceLoader.Provider::get).toList();
    /** With this system property set to true, the window exits once its first window is shown (AOT cache training). */
    public static final String EXIT_AFTER_FIRST_WINDOW = "haven.exitAfterFirstWindow";
    private Stage stage;
    private Path home;
    private MainWindow mainWindow;
    private boolean closing;
    private Runnable exit = Platform::exit;

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
        // 1200 x 760 where the screen has room; a field laptop's 1024 x 700 screen gets a window that fits it
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        show(new StartScreen(home, this::opened).root(), Math.min(1200, screen.getWidth()), Math.min(760, screen.getHeight()));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> {
            // The window stays until the database is closed; a second click while closing waits too.
            if (mainWindow == null && !closing) return;
            e.consume();
            if (mainWindow != null && !mainWindow.mayEndSession("quit.menu", "quit.confirm")) return;
            endSessionThen(exit);
        });
        HOOKS.forEach(h -> h.beforeFirstWindow(stage));
        if (Boolean.getBoolean(EXIT_AFTER_FIRST_WINDOW)) {
            // The installer's AOT training: start, show the first window, end normally (the JVM writes its cache at exit).
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(Platform::exit));
        }
        stage.show();
        HOOKS.forEach(h -> h.firstWindowShown(home, this::opened));
    }

    private void opened(Haven haven) {
        mainWindow = new MainWindow(haven, stage);
        stage.getScene().setRoot(mainWindow.root());
        mainWindow.onQuit(() -> endSessionThen(exit));
        mainWindow.onLogout(() -> endSessionThen(() -> show(new StartScreen(home, this::opened).root(),
                stage.getScene().getWidth(), stage.getScene().getHeight())));
        HOOKS.forEach(StartupHook::mainWindowShown);
    }

    /** Ends the user's session (once), closes the database in the background, then runs {@code next} on the FX thread. */
    private void endSessionThen(Runnable next) {
        MainWindow ending = mainWindow;
        if (ending == null) return;
        mainWindow = null;
        closing = true;
        ending.endSession();
        show(closingView(), stage.getScene().getWidth(), stage.getScene().getHeight());
        FxTasks.run(() -> {
            ending.haven().close(); // the window's own part ended above, on the FX thread
            return true;
        }, closed -> {
            closing = false;
            next.run();
        }, failure -> {
            closing = false;
            ErrorDialog.show(failure);
            next.run();
        });
    }

    /** A fresh scene each time, so nothing of the last session (auto-lock, shortcuts) stays attached. */
    private void show(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        Theme.style(scene);
        stage.setScene(scene);
    }

    private static Parent closingView() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("closingProgress");
        VBox box = new VBox(16, progress, new Label(I18n.t("logout.closing")));
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("login-page");
        return box;
    }

    /** The main window while a user is logged in, else null (for tests). */
    MainWindow mainWindow() {
        return mainWindow;
    }

    /** What ends the application after the last session closed (tests keep the toolkit running). */
    void setExit(Runnable exit) {
        this.exit = exit;
    }

    /** Platform.exit from elsewhere (the OS): close what is still open, here and now. */
    @Override
    public void stop() {
        if (mainWindow != null) {
            mainWindow.close();
            mainWindow = null;
        }
    }
}
