package org.haven.gui.sync;

import java.util.Arrays;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.haven.gui.toolkit.Dialogs;
import org.haven.gui.toolkit.I18n;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The sync line in a laptop's status bar: last sync, changes waiting, the last problem, and "Sync now".
 * The line is read again every {@value #REFRESH_SECONDS} s (edits add waiting changes); once a sync
 * worked in this session, a sync runs by itself every {@value #AUTO_SYNC_EVERY} refreshes, so a laptop
 * back in reach of the office sends and fetches without being asked.
 */
public final class SyncStatusBar extends HBox {
    static final int REFRESH_SECONDS = 15;
    static final int AUTO_SYNC_EVERY = 8;
    private final SyncStatusModel model;
    private final Timeline timer;
    private int ticks;

    public SyncStatusBar(SyncStatusModel model) {
        super(8);
        this.model = model;
        setId("syncStatus");
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label line = new Label();
        line.setId("syncLine");
        line.setGraphic(new FontIcon("mdi2s-sync"));
        line.textProperty().bind(model.textProperty());
        Label problem = new Label();
        problem.setId("syncProblem");
        problem.getStyleClass().add("text-danger");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        // What the last sync did, as a tooltip of the line (the bar has little room).
        model.outcomeProperty().addListener((obs, old, now) -> line.setTooltip(now.isEmpty() ? null : new javafx.scene.control.Tooltip(now)));
        Button now = new Button(I18n.t("sync.now"));
        now.setId("syncNow");
        now.getStyleClass().add("small");
        now.disableProperty().bind(model.busyProperty());
        now.setOnAction(e -> syncNow());
        getChildren().addAll(line, problem, now);
        timer = new Timeline(new KeyFrame(Duration.seconds(REFRESH_SECONDS), e -> tick()));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
        model.refresh();
    }

    /** Stops the timer and wipes the kept password (the session ended). */
    public void stop() {
        timer.stop();
        model.forgetPassword();
    }

    private void tick() {
        if (++ticks % AUTO_SYNC_EVERY == 0) model.syncIfPossible();
        else model.refresh();
    }

    private void syncNow() {
        if (model.knowsPassword()) {
            model.syncIfPossible();
            return;
        }
        askPassword().ifPresent(password -> {
            model.syncNow(password);
            Arrays.fill(password, '\0');
        });
    }

    private Optional<char[]> askPassword() {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.setTitle(I18n.t("sync.password.title"));
        PasswordField field = new PasswordField();
        field.setId("syncPassword");
        Label prompt = new Label(I18n.t("sync.password.prompt"));
        prompt.setWrapText(true);
        prompt.setMaxWidth(380);
        dialog.getDialogPane().setContent(new VBox(10, prompt, field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK && !field.getText().isEmpty() ? field.getText().toCharArray() : null);
        Dialogs.prepare(dialog, this);
        javafx.application.Platform.runLater(field::requestFocus); // once the dialog is shown: type at once
        return dialog.showAndWait();
    }
}
