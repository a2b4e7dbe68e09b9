package org.haven.gui.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.summaries.Audience;
import org.haven.core.summaries.SummaryService;
import org.haven.testing.WindowTest;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

class SummaryDialogTest extends WindowTest {
    @Start
    void start(Stage stage) {
        showOwner(stage);
    }

    @Test
    void previewAppearsAndSavingWritesTheChosenAudiencesPdf(FxRobot robot) throws TimeoutException, IOException {
        SummaryDialog[] dialog = {open(robot, register())};
        courtCopyWithReason(robot);
        assertThat(dialog[0].options().audience()).isEqualTo(Audience.COURT);
        snapshot(robot, dialog[0]);

        Path file = out.resolve("dialog.pdf");
        save(robot, dialog[0], file);
        assertThat(Files.size(file)).isPositive();
        assertThat(text(file)).contains("Prepared for: Court", "សុខ ដារ៉ា");
    }

    @Test
    void theChosenLanguageIsTheLanguageOfTheSavedSummary(FxRobot robot) throws TimeoutException, IOException {
        SummaryDialog[] dialog = {open(robot, register())};
        courtCopyWithReason(robot);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<java.util.Locale> language = robot.lookup("#summary-language").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> language.setValue(java.util.Locale.of("km")));
        assertThat(dialog[0].options().language()).isEqualTo(java.util.Locale.of("km"));

        Path file = out.resolve("dialog-km.pdf");
        save(robot, dialog[0], file);
        assertThat(text(file)).contains("ខ្ញុំសូមបញ្ជាក់ថា", "អត្តសញ្ញាណ", "សុខ ដារ៉ា").doesNotContain("Prepared for");
    }

    /** Sok Dara's case, registered in a new data folder. */
    private CaseFile register() {
        haven = TestHaven.create(dir);
        return haven.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", "សុខ ដារ៉ា")));
    }

    /** The summary dialog over the owner window, for the case {@code c}. */
    private SummaryDialog open(FxRobot robot, CaseFile c) {
        SummaryService service = haven.summaries();
        SummaryDialog[] dialog = new SummaryDialog[1];
        robot.interact(() -> dialog[0] = SummaryDialog.show(owner, service, List.of(c.id())));
        return dialog[0];
    }

    /** Once the preview shows, the court's copy chosen, with the reason that stands in for the missing consent. */
    private static void courtCopyWithReason(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof ImageView).tryQuery().isPresent());
        robot.clickOn("#audience-court");
        giveConsentReason(robot);
    }

    /** Saves the summary to {@code file} and waits until the dialog says it is saved. */
    private static void save(FxRobot robot, SummaryDialog dialog, Path file) throws TimeoutException {
        robot.interact(() -> dialog.saveTo(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#summary-status").queryAs(Label.class).getText().startsWith("Saved"));
    }

    private static String text(Path file) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    /** With -Dhaven.summary.keep=DIR, a picture of the dialog for a human to look at. */
    private static void snapshot(FxRobot robot, SummaryDialog d) throws IOException {
        String keep = System.getProperty("haven.summary.keep");
        if (keep == null) return;
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = d.stage().getScene().getRoot().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", Path.of(keep, "dialog.png").toFile());
    }

    /** The case has no screening, so no consent to sharing: the court copy needs a reason. */
    private static void giveConsentReason(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#summary-consent-reason").tryQuery().map(javafx.scene.Node::isVisible).orElse(false)
                && robot.lookup("#summary-consent-reason").query().getParent().isVisible());
        robot.clickOn("#summary-consent-reason").write("Court order 12/2026");
    }

    @Test
    void aCourtCopyWithoutRecordedConsentSaysSoAndNeedsAnAuditedReason(FxRobot robot) throws TimeoutException, IOException {
        CaseFile c = register();
        SummaryDialog[] dialog = {open(robot, c)};
        robot.clickOn("#audience-internal");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#summary-save").queryButton().isDisabled());
        assertThat(robot.lookup("#summary-consent-warning").query().getParent().isVisible()).isFalse();

        robot.clickOn("#audience-court");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#summary-consent-warning").query().getParent().isVisible());
        assertThat(robot.lookup("#summary-consent-warning").queryAs(Label.class).getText())
                .isEqualTo(org.haven.gui.toolkit.I18n.t("summary.ui.consent.missing", 1, c.caseNumber()));
        assertThat(robot.lookup("#summary-save").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#summary-print").queryButton().isDisabled()).isTrue();

        robot.clickOn("#summary-consent-reason").write("Court order 12/2026");
        assertThat(robot.lookup("#summary-save").queryButton().isDisabled()).isFalse();
        Path file = out.resolve("court.pdf");
        save(robot, dialog[0], file);
        assertThat(file).exists();
        assertThat(haven.database().dsl().select(org.haven.core.db.jooq.Tables.AUDIT_LOG.DETAIL).from(org.haven.core.db.jooq.Tables.AUDIT_LOG)
                .where(org.haven.core.db.jooq.Tables.AUDIT_LOG.ACTION.eq("CONSENT_OVERRIDE")).fetch(org.haven.core.db.jooq.Tables.AUDIT_LOG.DETAIL))
                .containsExactly("summary COURT: Court order 12/2026");
    }
}
