package org.haven.gui.shell;

import org.haven.gui.toolkit.Dialogs;
import org.haven.gui.toolkit.ErrorDialog;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Theme;

import java.util.Optional;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.scene.Scene;
import org.haven.core.demo.DemoData;

/** Admin > Demo data: asks how many people, generates them in the background with a progress bar. */
final class DemoDataAction {
    static final int DEFAULT_PEOPLE = 2000;

    private DemoDataAction() {}

    static void run(MainWindow window) {
        TextInputDialog ask = new TextInputDialog(Integer.toString(DEFAULT_PEOPLE));
        Dialogs.prepare(ask, window.stage());
        ask.setTitle(I18n.t("demo.title"));
        ask.setHeaderText(I18n.t("demo.header"));
        ask.setContentText(I18n.t("demo.people"));
        ask.getEditor().setId("demoPeople");
        Optional<String> answer = ask.showAndWait();
        if (answer.isEmpty()) return;
        int people;
        try {
            people = Integer.parseInt(answer.get().strip());
        } catch (NumberFormatException e) {
            people = -1;
        }
        if (people < 1 || people > 1_000_000) {
            Alert bad = Dialogs.alert(window.stage(), Alert.AlertType.WARNING, I18n.t("demo.badNumber"), ButtonType.OK);
            bad.setHeaderText(null);
            bad.show();
            return;
        }
        start(window, people);
    }

    static Task<DemoData.Counts> start(MainWindow window, int people) {
        Task<DemoData.Counts> task = new Task<>() {
            @Override
            protected DemoData.Counts call() {
                updateProgress(0, people);
                return new DemoData(window.haven(), 1).generate(people, done -> updateProgress(done, people));
            }
        };
        Stage progress = new Stage();
        progress.initOwner(window.stage());
        progress.initModality(Modality.WINDOW_MODAL);
        progress.setTitle(I18n.t("demo.title"));
        ProgressBar bar = new ProgressBar();
        bar.setId("demoProgress");
        bar.setPrefWidth(360);
        bar.progressProperty().bind(task.progressProperty());
        VBox box = new VBox(12, new Label(I18n.t("demo.running", people)), bar);
        box.setPadding(new Insets(20));
        Scene scene = new Scene(box);
        Theme.style(scene);
        progress.setScene(scene);
        progress.setOnCloseRequest(e -> e.consume()); // the work cannot be stopped half-way; it finishes in chunks
        task.setOnSucceeded(e -> {
            progress.close();
            window.casesChanged();
        });
        task.setOnFailed(e -> {
            progress.close();
            ErrorDialog.show(task.getException());
            window.casesChanged();
        });
        progress.show();
        return FxTasks.start(task);
    }
}
