package org.haven.gui.toolkit;

import org.haven.core.common.Languages;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Pop-ups speak the window's language and open centred on the window that asked. */
@ExtendWith(ApplicationExtension.class)
class DialogsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.apply();
        stage.setScene(new Scene(new StackPane(new Label()), 1024, 700));
        stage.setX(300);
        stage.setY(150);
        stage.sizeToScene(); // the one test stage may still have an earlier test's size
        stage.show();
    }

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void confirmationInEveryLanguageHasItsOwnButtonsAndTitleAndOpensOnItsOwner(FxRobot robot) {
        for (Locale language : Languages.SUPPORTED) {
            I18n.setLocale(language);
            ResourceBundle b = ResourceBundle.getBundle("i18n.messages", language);
            List<Alert> shown = new ArrayList<>();
            robot.interact(() -> {
                Alert a = Dialogs.alert(stage.getScene().getRoot(), Alert.AlertType.CONFIRMATION, b.getString("quit.confirm"),
                        ButtonType.YES, ButtonType.NO, ButtonType.OK, ButtonType.CANCEL);
                shown.add(a);
                a.show();
            });
            WaitForAsyncUtils.waitForFxEvents();
            Alert alert = shown.getFirst();
            assertThat(alert.getTitle()).as(language.toString()).isEqualTo(b.getString("dialog.title.confirmation"));
            assertThat(((Button) alert.getDialogPane().lookupButton(ButtonType.YES)).getText()).isEqualTo(b.getString("dialog.yes"));
            assertThat(((Button) alert.getDialogPane().lookupButton(ButtonType.NO)).getText()).isEqualTo(b.getString("dialog.no"));
            assertThat(((Button) alert.getDialogPane().lookupButton(ButtonType.OK)).getText()).isEqualTo(b.getString("dialog.ok"));
            assertThat(((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).getText()).isEqualTo(b.getString("dialog.cancel"));
            assertThat(alert.getOwner()).isSameAs(stage);
            Window dialog = alert.getDialogPane().getScene().getWindow();
            assertThat(dialog.getX()).isBetween(stage.getX(), stage.getX() + stage.getWidth() - dialog.getWidth());
            assertThat(dialog.getY()).isBetween(stage.getY(), stage.getY() + stage.getHeight() - dialog.getHeight());
            double centreX = dialog.getX() + dialog.getWidth() / 2;
            assertThat(centreX).isCloseTo(stage.getX() + stage.getWidth() / 2, org.assertj.core.data.Offset.offset(40.0));
            robot.interact(alert::close);
        }
    }

    @Test
    void englishStillReadsEnglish(FxRobot robot) {
        List<Alert> shown = new ArrayList<>();
        robot.interact(() -> {
            Alert a = new Alert(Alert.AlertType.WARNING, "x", ButtonType.OK);
            Dialogs.prepare(a, stage);
            shown.add(a);
        });
        assertThat(shown.getFirst().getTitle()).isEqualTo("Warning");
        assertThat(((Button) shown.getFirst().getDialogPane().lookupButton(ButtonType.OK)).getText()).isEqualTo("OK");
    }

    /** Every dialog of the window goes through Dialogs (localized buttons and title, owner, wrapping message). */
    @Test
    void everyDialogIsPreparedAndEveryDatePickerHasTheOneFormat() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/haven"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString();
                if (name.equals("Dialogs.java") || name.equals("Dates.java")) continue;
                String s = Files.readString(file);
                boolean makesDialog = s.matches("(?s).*(new (javafx\\.scene\\.control\\.)?(Alert|Dialog<|TextInputDialog|ChoiceDialog)|extends Dialog<).*");
                if (makesDialog && !s.contains("Dialogs.prepare(") && !s.contains("Dialogs.alert(")) offenders.add(name + ": dialog not prepared");
                if (s.contains("new Alert(")) offenders.add(name + ": an alert made by hand (use Dialogs.alert)");
                if (s.contains("new DatePicker(")) offenders.add(name + ": DatePicker without the window's date format (use Dates.picker)");
            }
        }
        assertThat(offenders).isEmpty();
    }
}
