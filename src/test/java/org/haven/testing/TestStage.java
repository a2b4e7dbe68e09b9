package org.haven.testing;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.shell.MainWindow;
import org.haven.gui.toolkit.Theme;

/** The one stage that TestFX lends every window test, set up the same way in each (Haven's theme, sized to the scene). */
public final class TestStage {
    private TestStage() {}

    /**
     * Shows {@code root} at {@code width} x {@code height} with Haven's theme. The stage is sized to the
     * scene and put at the screen's top left, in front: an earlier test may have left it larger or
     * moved, which puts buttons at its foot off the headless screen, where a robot's click is lost.
     */
    public static Scene show(Stage stage, Parent root, double width, double height) {
        Theme.apply();
        Scene scene = new Scene(root, width, height);
        Theme.style(scene);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.setX(0);
        stage.setY(0);
        stage.show();
        stage.toFront();
        return scene;
    }

    /**
     * After a test of HavenApp itself: the stage is shared with later test classes, so it is left as
     * HavenApp found it (no close handler, no minimum size). {@code before} runs first on the FX thread.
     */
    public static void releaseFromApp(Stage stage, Runnable before) throws java.util.concurrent.TimeoutException {
        org.testfx.api.FxToolkit.setupFixture(() -> {
            before.run();
            stage.setOnCloseRequest(null);
            stage.setMinWidth(0);
            stage.setMinHeight(0);
        });
    }

    /** The main window of a logged-in Haven, shown at {@code width} x {@code height}. */
    public static MainWindow mainWindow(Stage stage, Haven haven, double width, double height) {
        Theme.apply();
        MainWindow window = new MainWindow(haven, stage);
        show(stage, window.root(), width, height);
        return window;
    }
}
