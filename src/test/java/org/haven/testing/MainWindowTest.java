package org.haven.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.shell.MainWindow;
import org.haven.gui.toolkit.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The base of a test that drives Haven's main window in TestFX's one stage: the stage it keeps
 * ({@link #keepStage}, from the test's own {@code @Start}: TestFX looks for {@code @Start} only in
 * the test class), the window the test shows there, closed after each test with the language back
 * to English, so that the next test class finds the stage as it was lent.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class MainWindowTest {
    /** Static: TestFX's {@code @Start} runs before a test's own {@code @TempDir} fields are filled. */
    @TempDir static Path folders;
    protected Stage stage;
    protected MainWindow window;

    /** A new Haven in a data folder of its own (for a test's {@code @Start}). */
    protected static Haven newHaven() throws IOException {
        return TestHaven.create(Files.createTempDirectory(folders, "haven"));
    }

    /** For the test's {@code @Start}: Haven's theme, and the stage the main windows will be shown in. */
    protected void keepStage(Stage stage) {
        Theme.apply();
        this.stage = stage;
    }

    @AfterEach
    void closeWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (window != null) window.close();
            I18n.setLocale(Locale.ENGLISH);
        }).get();
    }
}
