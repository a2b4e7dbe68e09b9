package org.haven.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The start-up baseline: a bare JavaFX window, started the same way as Haven and timed the same way. */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("bare"), 800, 600));
        StartupProbe.watch(stage);
        stage.show();
    }

    /** Launched from a class that is not an Application, as Haven is (class-path JavaFX). */
    public static final class Launcher {
        private Launcher() {}

        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }
}
