package org.haven.gui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.security.AuditService;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AuditLogViewTest {
    @TempDir static Path dir;
    static Haven haven;
    static CaseFile caseFile;
    static int instance;
    Scene scene;

    @Start
    void start(Stage stage) {
        haven = TestHaven.create(dir.resolve("home" + (++instance)));
        CaseFile c = caseFile = haven.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Lan", null)));
        haven.cases().open(c.id());
        scene = new Scene(new AuditLogView(new AuditService(haven.database(), haven.session())), 1100, 500);
        stage.setScene(scene);
        stage.sizeToScene(); // the one test stage may still have an earlier test's size
        stage.show();
    }

    @AfterEach
    void close() {
        if (haven != null) haven.close();
    }

    @Test
    void showsEntriesAndFiltersByAction(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<AuditService.Entry> table = robot.lookup("#audit-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() >= 4);
        assertThat(table.getItems()).extracting(AuditService.Entry::action).contains("CASE_VIEW", "CASE_CREATE", "DATABASE_CREATED");

        @SuppressWarnings("unchecked")
        ComboBox<String> action = robot.lookup("#audit-action").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> action.getItems().contains("CASE_VIEW"));
        robot.interact(() -> action.setValue("CASE_VIEW"));
        robot.clickOn("#audit-apply");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(table.getItems().getFirst().action()).isEqualTo("CASE_VIEW");

        robot.interact(() -> action.setValue(null));
        robot.clickOn("#audit-apply");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() >= 4);
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png",
                        Path.of("target", "audit-log-view.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The log reads in words and case numbers, not codes and record ids. */
    @Test
    void showsActionsInWordsAndRecordsByCaseNumber(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<AuditService.Entry> table = robot.lookup("#audit-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() >= 4);
        int viewed = -1;
        for (int i = 0; i < table.getItems().size(); i++) if (table.getItems().get(i).action().equals("CASE_VIEW")) viewed = i;
        assertThat(viewed).isGreaterThanOrEqualTo(0);
        java.util.List<String> shown = new java.util.ArrayList<>();
        for (var column : table.getColumns()) shown.add(String.valueOf(column.getCellData(viewed)));
        assertThat(shown).contains("Case opened", "Case", caseFile.caseNumber());
        assertThat(String.join(" ", shown)).doesNotContain("CASE_VIEW").doesNotContain(caseFile.id().toString());
        assertThat(table.getColumns()).extracting(c -> c.getText()).doesNotContain("Record id");
    }
}
