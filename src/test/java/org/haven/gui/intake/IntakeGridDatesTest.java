package org.haven.gui.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.gui.intake.IntakeGridTesting.focusedCell;
import static org.haven.gui.intake.IntakeGridTesting.status;
import static org.haven.gui.intake.IntakeGridTesting.text;
import static org.haven.gui.intake.IntakeGridTesting.waitFor;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;
import org.haven.core.operations.Operation;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The grid reads a birth date in the window's one date format: day first in Khmer, so 05/06/1999 is 5 June. */
@ExtendWith(ApplicationExtension.class)
class IntakeGridDatesTest {
    @TempDir static Path dir;
    Haven haven;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.of("km"));
        haven = TestHaven.create(dir.resolve("home"));
        Operation raid = IntakeGridTesting.raid(haven, "OP-DATES", "Raid dates");
        IntakeGridTesting.show(stage, haven, raid);
    }

    @AfterEach
    void close() {
        haven.close();
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void aKhmerBirthDateIsReadDayFirst(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#intake-0-0").tryQuery().isPresent());
        robot.clickOn("#intake-0-0");
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("សុខ ដារ៉ា\tSok Dara\tFemale\t05/06/1999\tKH\tKhmer\tno\tlost\r\n");
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#intake-save");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> haven.cases().count(CaseQuery.text("", 10)) == 1);
        CaseListItem item = haven.cases().search(CaseQuery.text("Sok Dara", 5)).getFirst();
        assertThat(haven.cases().open(item.caseId()).person().birthDate()).isEqualTo(LocalDate.of(1999, 6, 5));
    }
}
