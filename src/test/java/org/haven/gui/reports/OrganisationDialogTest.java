package org.haven.gui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.core.reports.OrganisationSettings;
import org.haven.core.reports.ReportCommandTest;
import org.haven.testing.WindowTest;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An administrator sets the organisation's name, address and logo in the window. */
class OrganisationDialogTest extends WindowTest {
    @Start
    void start(Stage stage) {
        showOwner(stage);
    }

    @Test
    void nameAddressAndLogoAreSavedAndAWrongFileIsRefused(FxRobot robot) throws Exception {
        haven = TestHaven.create(dir);
        OrganisationSettings settings = new OrganisationSettings(haven.database(), haven.session());
        OrganisationDialog[] dialog = new OrganisationDialog[1];
        robot.interact(() -> dialog[0] = OrganisationDialog.show(owner, settings));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#org-logo").queryAs(Label.class).getText().equals("No logo"));

        Path fake = out.resolve("fake.png");
        Files.writeString(fake, "not an image");
        robot.interact(() -> dialog[0].chooseLogo(fake));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#org-status").queryAs(Label.class).getText().contains("PNG or JPEG"));

        Path logo = out.resolve("logo.png");
        ReportCommandTest.writeLogo(logo, 120, 40);
        robot.interact(() -> dialog[0].chooseLogo(logo));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#org-logo").queryAs(Label.class).getText().equals("set (PNG, 120x40)"));
        robot.interact(() -> {
            robot.lookup("#org-name").queryAs(TextField.class).setText("Mekong Shelter Network");
            robot.lookup("#org-address").queryAs(TextField.class).setText("12 Street 310, Phnom Penh");
        });
        robot.clickOn("#org-save");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !dialog[0].stage().isShowing());

        assertThat(settings.list()).containsEntry(OrganisationSettings.NAME, "Mekong Shelter Network")
                .containsEntry(OrganisationSettings.ADDRESS, "12 Street 310, Phnom Penh")
                .containsEntry(OrganisationSettings.LOGO, "set (PNG, 120x40)");
    }
}
