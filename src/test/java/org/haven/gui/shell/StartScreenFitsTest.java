package org.haven.gui.shell;

import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The first window a new install shows fits a field laptop's 1024 x 700 screen, in English and in Khmer. */
@ExtendWith(ApplicationExtension.class)
class StartScreenFitsTest {
    @TempDir Path temp;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.apply();
    }

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void theSetUpScreenFitsInEnglish(FxRobot robot) throws Exception {
        assertFits(robot, Locale.ENGLISH);
    }

    @Test
    void theSetUpScreenFitsInKhmer(FxRobot robot) throws Exception {
        assertFits(robot, Locale.of("km"));
    }

    private void assertFits(FxRobot robot, Locale language) throws Exception {
        Path home = Files.createDirectories(temp.resolve("empty-" + language));
        robot.interact(() -> {
            I18n.setLocale(language);
            TestStage.show(stage, new StartScreen(home, haven -> { }).root(), 1024, 700);
        });
        for (String id : new String[] {"#languagePicker", ".login-card", "#setupUser", "#setupButton", "#setupOffice"}) {
            Node node = robot.lookup(id).query();
            Bounds b = node.localToScene(node.getLayoutBounds());
            assertThat(b.getMinX()).as(id).isGreaterThanOrEqualTo(0);
            assertThat(b.getMinY()).as(id).isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(1024);
            assertThat(b.getMaxY()).as(id).isLessThanOrEqualTo(700);
        }
    }
}
