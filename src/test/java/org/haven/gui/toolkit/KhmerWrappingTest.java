package org.haven.gui.toolkit;

import org.haven.gui.shell.StartScreen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
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

/**
 * Khmer that wraps stays in its box and reads once: JavaFX's own wrapping of a complex script drew
 * the rest of the paragraph on every line (the login description ran out of its card, repeated).
 */
@ExtendWith(ApplicationExtension.class)
class KhmerWrappingTest {
    private static final Locale KHMER = Locale.of("km");
    @TempDir
    static Path home;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.apply();
        I18n.setLocale(Locale.ENGLISH);
        if (!java.nio.file.Files.exists(home.resolve("haven.keys"))) TestHaven.create(home).close();
        TestStage.show(stage, new StartScreen(home, haven -> haven.close()).root(), 1024, 700);
    }

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void loginDescriptionInKhmerStaysInItsCardAndReadsOnce(FxRobot robot) {
        robot.interact(() -> robot.lookup("#languagePicker").<Locale>queryComboBox().setValue(KHMER));
        WaitForAsyncUtils.waitForFxEvents();

        String paragraph = ResourceBundle.getBundle("i18n.messages", KHMER).getString("login.subtitle");
        Label subtitle = robot.lookup("#loginSubtitle").queryAs(Label.class);
        Node card = robot.lookup("#loginCard").query();
        assertThat(subtitle.getText()).isEqualTo(paragraph);
        assertTextInside(subtitle, card);
        List<String> lines = ((WrappingLabel) subtitle).lines();
        assertThat(lines).hasSizeGreaterThan(1);
        assertReadsOnce(lines, paragraph);
    }

    @Test
    void longKhmerParagraphWithoutSpacesWrapsInsideItsBox(FxRobot robot) {
        I18n.setLocale(KHMER);
        ResourceBundle km = ResourceBundle.getBundle("i18n.messages", KHMER);
        // Khmer puts no spaces between words: ICU's dictionary finds where a line may break.
        String paragraph = km.getString("deletion.message").replace(" ", "") + km.getString("autolock.message");
        WrappingLabel label = new WrappingLabel(paragraph);
        VBox box = new VBox(label);
        box.setMaxWidth(280);
        box.setPrefWidth(280);
        robot.interact(() -> stage.getScene().setRoot(new VBox(box)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(label.lines()).hasSizeGreaterThan(3);
        assertReadsOnce(label.lines(), paragraph);
        assertTextInside(label, box);
        assertThat(label.getHeight()).isGreaterThanOrEqualTo(label.lines().size() * 15.0); // every line has its room
    }

    @Test
    void khmerAlertMessageStaysInsideTheDialog(FxRobot robot) {
        I18n.setLocale(KHMER);
        String message = ResourceBundle.getBundle("i18n.messages", KHMER).getString("deletion.message");
        List<Alert> shown = new ArrayList<>();
        robot.interact(() -> {
            Alert alert = Dialogs.alert(stage.getScene().getRoot(), Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
            shown.add(alert);
            alert.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Alert alert = shown.getFirst();
        WrappingLabel text = (WrappingLabel) alert.getDialogPane().lookup("#dialogMessage");
        assertTextInside(text, alert.getDialogPane());
        assertReadsOnce(text.lines(), message);
        robot.interact(alert::close);
    }

    @Test
    void khmerNotesInATextAreaStayInsideTheField(FxRobot robot) {
        ResourceBundle km = ResourceBundle.getBundle("i18n.messages", KHMER);
        String paragraph = km.getString("deletion.message") + " " + km.getString("autolock.message");
        javafx.scene.control.TextArea notes = new javafx.scene.control.TextArea();
        ComplexScriptText.guard(notes);
        notes.setPrefSize(300, 160);
        notes.setMaxWidth(300);
        robot.interact(() -> stage.getScene().setRoot(new VBox(notes)));
        robot.interact(() -> notes.setText(paragraph));
        WaitForAsyncUtils.waitForFxEvents();
        // Not wrapped by JavaFX: one line that holds the paragraph once (wrapped, each piece drew the whole rest).
        assertThat(notes.isWrapText()).isFalse();
        Text shown = (Text) notes.lookup(".content .text");
        assertThat(shown.getLayoutInfo().getTextLines(false)).hasSize(1);
        Node viewport = notes.lookup(".content");
        assertTextInside(viewport, viewport);
        assertThat(notes.getText()).isEqualTo(paragraph);

        robot.interact(() -> notes.setText("A long English note that wraps at the edge of the field, as it always did, over several lines."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notes.isWrapText()).isTrue(); // scripts JavaFX breaks well keep wrapping
    }

    /** Every line of every Text node below {@code node} lies within {@code box} (on screen, in scene coordinates). */
    private static void assertTextInside(Node node, Node box) {
        Bounds outer = box.localToScene(box.getLayoutBounds());
        for (Text text : texts(node)) {
            if (text.getText() == null || text.getText().isEmpty()) continue;
            for (var line : text.getLayoutInfo().getTextLines(false)) {
                var b = line.bounds();
                Bounds inScene = text.localToScene(new javafx.geometry.BoundingBox(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()));
                assertThat(inScene.getMinX()).as("line %s starts inside", line).isGreaterThanOrEqualTo(outer.getMinX() - 0.5);
                assertThat(inScene.getMaxX()).as("line %s of \"%s\" ends inside its box", line, text.getText())
                        .isLessThanOrEqualTo(outer.getMaxX() + 0.5);
            }
        }
    }

    /** The lines, put back together, are the paragraph: nothing lost, nothing repeated (spaces at a break may go). */
    private static void assertReadsOnce(List<String> lines, String paragraph) {
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo(paragraph.replace(" ", ""));
    }

    private static List<Text> texts(Node node) {
        List<Text> out = new ArrayList<>();
        if (node instanceof Text t) out.add(t);
        if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) out.addAll(texts(child));
        return out;
    }
}
