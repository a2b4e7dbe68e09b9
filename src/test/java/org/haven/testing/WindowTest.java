package org.haven.testing;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The base of a window test on a data folder of its own: a data folder ({@link #dir}) and a folder
 * for saved files ({@link #out}), both new for each test; the test's Haven, closed after each test;
 * for a test of a dialog, TestFX's one stage shown small and empty as its owner ({@link #showOwner}).
 * TestFX looks for {@code @Start} only in the test class itself, so each test has its own
 * {@code @Start} (e.g. {@code void start(Stage s) { showOwner(s); }}).
 */
@ExtendWith(ApplicationExtension.class)
public abstract class WindowTest {
    static {
        // The pom's -Dtestfx.headless=true asks TestFX for Monocle; JavaFX 26's own headless glass
        // platform (-Dglass.platform=Headless) needs no Monocle, so TestFX must not look for it.
        System.setProperty("testfx.headless", "false");
    }

    @TempDir protected Path dir;
    @TempDir protected Path out;
    protected Haven haven;
    protected Stage owner;

    /** Shows the owner window: an empty 200 x 100 scene. */
    protected void showOwner(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.sizeToScene(); // the one test stage may still have an earlier test's size
        stage.show();
    }

    @AfterEach
    void closeHaven() {
        if (haven != null) haven.close();
    }
}
