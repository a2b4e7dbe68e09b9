package org.haven.gui.toolkit;

import org.haven.core.common.Languages;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.haven.core.timeline.DatePrecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dates are typed in the window's language's order, ISO always works, and a date Haven cannot read
 * stays in the field, marked, instead of vanishing on Tab.
 */
@ExtendWith(ApplicationExtension.class)
class DateFieldsTest {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    private Stage stage;
    private DatePicker picker;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.apply();
        stage.setScene(new Scene(new VBox(), 400, 200));
        stage.sizeToScene(); // the one test stage may still have an earlier test's size
        stage.show();
    }

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private void showPicker(FxRobot robot, Locale language) {
        I18n.setLocale(language);
        robot.interact(() -> {
            picker = Dates.picker();
            picker.setId("date");
            TextField next = new TextField();
            next.setId("next");
            VBox root = new VBox(8, picker, next);
            Scene scene = new Scene(root, 400, 200);
            Theme.style(scene);
            stage.setScene(scene);
        });
    }

    private void type(FxRobot robot, String text) {
        robot.clickOn(picker.getEditor());
        robot.interact(() -> picker.getEditor().clear());
        robot.write(text).type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void khmerDatesAreDayFirstAndSayTheirFormat(FxRobot robot) {
        showPicker(robot, Locale.of("km"));
        assertThat(picker.getPromptText()).isEqualTo("ថ្ងៃ/ខែ/ឆ្នាំ");

        type(robot, "25/12/1999");

        assertThat(picker.getValue()).isEqualTo(LocalDate.of(1999, 12, 25));
        assertThat(picker.getEditor().getText()).isEqualTo("25/12/1999");
        assertThat(picker.getPseudoClassStates()).doesNotContain(DANGER);
    }

    @Test
    void vietnameseAndIndonesianAreDayFirstToo(FxRobot robot) {
        for (Locale l : new Locale[] {Locale.of("vi"), Locale.of("id")}) {
            showPicker(robot, l);
            type(robot, "5/2/2025");
            assertThat(picker.getValue()).as(l.toString()).isEqualTo(LocalDate.of(2025, 2, 5));
            assertThat(picker.getEditor().getText()).isEqualTo("05/02/2025");
        }
    }

    @Test
    void englishFollowsItsLocaleAndIsoWorksEverywhere(FxRobot robot) {
        showPicker(robot, Locale.ENGLISH); // Haven's English is plain "en": CLDR writes it month first
        assertThat(picker.getPromptText()).isEqualTo("mm/dd/yyyy");
        type(robot, "12/25/1999");
        assertThat(picker.getValue()).isEqualTo(LocalDate.of(1999, 12, 25));

        for (Locale l : Languages.SUPPORTED) {
            showPicker(robot, l);
            type(robot, "1999-12-25");
            assertThat(picker.getValue()).as(l.toString()).isEqualTo(LocalDate.of(1999, 12, 25));
        }
    }

    @Test
    void anUnreadableDateStaysInTheFieldWithAnError(FxRobot robot) {
        showPicker(robot, Locale.ENGLISH);
        robot.interact(() -> picker.setValue(LocalDate.of(2020, 1, 1)));

        type(robot, "25/12/1999"); // day first, but English is month first: not a date here

        assertThat(picker.getEditor().getText()).isEqualTo("25/12/1999");
        assertThat(picker.getValue()).as("no earlier date kept behind the text").isNull();
        assertThat(picker.getPseudoClassStates()).contains(DANGER);
        assertThat(picker.getTooltip().getText()).isEqualTo(I18n.t("date.invalid", "mm/dd/yyyy"));
        assertThat(Dates.isInvalid(picker)).isTrue();

        type(robot, "12/25/1999");
        assertThat(picker.getValue()).isEqualTo(LocalDate.of(1999, 12, 25));
        assertThat(picker.getPseudoClassStates()).doesNotContain(DANGER);
    }

    @Test
    void monthsReadAsTheLanguageWritesThem() {
        LocalDate feb = LocalDate.of(2025, 2, 14);
        assertThat(Dates.month(feb, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2025年2月");
        assertThat(Dates.month(feb, Locale.ENGLISH)).isEqualTo("February 2025");
        assertThat(DatePrecision.MONTH.format(feb, Locale.SIMPLIFIED_CHINESE, "~")).isEqualTo("2025年2月");
    }
}
