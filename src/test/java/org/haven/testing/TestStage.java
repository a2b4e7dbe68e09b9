package org.haven.testing;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.haven.Haven;
import org.haven.app.MainWindow;
import org.haven.app.Theme;

/** The one stage that TestFX lends every window test, set up the same way in each (Haven's theme, sized to the scene). */
public final class TestStage {
    private TestStage() {}

    /**
     * Shows {@code root} at {@code width} x {@code height} with Haven's theme. The stage is sized to the
     * scene: an earlier test may have left it larger, which puts buttons off the headless screen.
     */
    public static Scene show(Stage stage, Parent root, double width, double height) {
        Theme.apply();
        Scene scene = new Scene(root, width, height);
        Theme.style(scene);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        return scene;
    }

    /** The main window of a logged-in Haven, shown at {@code width} x {@code height}. */
    public static MainWindow mainWindow(Stage stage, Haven haven, double width, double height) {
        Theme.apply();
        MainWindow window = new MainWindow(haven, stage);
        show(stage, window.root(), width, height);
        return window;
    }
}
