package org.haven.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class HavenApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Haven"), 800, 600));
        stage.setTitle("Haven");
        org.haven.bench.StartupProbe.watch(stage); // benchmark hook: no-op unless -Dhaven.bench.exitAfterShown=true
        stage.show();
    }
}
