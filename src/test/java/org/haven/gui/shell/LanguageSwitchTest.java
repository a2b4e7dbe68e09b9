package org.haven.gui.shell;

import org.haven.gui.toolkit.I18n;

import org.haven.core.common.Languages;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.haven.testing.TestHaven;
import org.haven.testing.TestStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Choosing Khmer on the first screen shows Khmer labels at once and is remembered for the next start. */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {
    @TempDir
    static Path home;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        TestHaven.create(home).close();
        TestStage.show(stage, new StartScreen(home, haven -> haven.close()).root(), 900, 640);
    }

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void switchingToKhmerShowsKhmerLabels(FxRobot robot) throws Exception {
        String khmerLogin = ResourceBundle.getBundle("i18n.messages", Locale.of("km")).getString("login.button");
        assertThat(khmerLogin).matches(".*[\\u1780-\\u17FF].*"); // really Khmer script
        assertThat(robot.lookup("#loginButton").queryAs(Button.class).getText()).isEqualTo(I18n.t("login.button"));

        robot.interact(() -> robot.lookup("#languagePicker").<Locale>queryComboBox().setValue(Locale.of("km")));

        assertThat(robot.lookup("#loginButton").queryAs(Button.class).getText()).isEqualTo(khmerLogin);
        ComboBox<Locale> picker = robot.lookup("#languagePicker").queryComboBox();
        assertThat(picker.getValue()).isEqualTo(Locale.of("km"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Languages.load(home).equals(Locale.of("km")));
    }
}
