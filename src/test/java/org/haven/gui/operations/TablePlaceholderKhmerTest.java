package org.haven.gui.operations;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
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

/**
 * An empty table says so in the window's language, never JavaFX's English "No content in table";
 * and the operation page's "Members:" carries the language's own colon.
 */
@ExtendWith(ApplicationExtension.class)
class TablePlaceholderKhmerTest {
    private static final Locale KHMER = Locale.of("km");
    @TempDir Path dir;
    Haven haven;
    final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        haven = TestHaven.create(dir);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(root, 1024, 700));
        stage.sizeToScene(); // the one test stage may still have an earlier test's size
        stage.show();
    }

    @AfterEach
    void close() {
        I18n.setLocale(Locale.ENGLISH);
        haven.close();
    }

    @Test
    void anOperationWithNobodyYetShowsTheEmptyTableTextAndMembersInKhmer(FxRobot robot) throws Exception {
        Operation raid = haven.operations().create(new Operation(null, "OP-KH-01", "Raid", LocalDate.now().minusDays(1),
                "Preah Sihanouk", null, "Police", 0, null, 0));
        I18n.setLocale(KHMER);
        robot.interact(() -> root.getChildren().setAll(new OperationPage(haven, raid.id(), id -> { })));
        ResourceBundle km = ResourceBundle.getBundle("i18n.messages", KHMER);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#operationMembersLabel").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#operationCases").queryAs(TableView.class);
        assertThat(table.getItems()).isEmpty();
        // What the user sees: the placeholder laid out in the table, in Khmer.
        List<String> shown = robot.from(table).lookup(".placeholder .label").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).toList();
        assertThat(shown).containsExactly(km.getString("table.empty"));
        assertThat(shown).noneMatch(t -> t.contains("No content"));

        String members = robot.lookup("#operationMembersLabel").queryAs(Label.class).getText();
        assertThat(members).isEqualTo(km.getString("operation.members")).endsWith("៖").doesNotContain(":");
    }

    /** Every table of the window sets its own placeholder, so none falls back to JavaFX's English one. */
    @Test
    void everyTableHasAPlaceholderOfItsOwn() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/haven"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String s = Files.readString(file);
                if ((s.contains("new TableView") || s.contains("new TreeTableView")) && !s.contains(".setPlaceholder(")) {
                    offenders.add(file.getFileName().toString());
                }
            }
        }
        assertThat(offenders).as("tables without a placeholder").isEmpty();
    }
}
