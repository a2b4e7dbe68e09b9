package org.haven.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class HavenApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label(I18n.t("app.title")), 800, 600));
        stage.setTitle(I18n.t("app.title"));
        stage.show();
    }
}
