package org.haven.gui.shell;

import javafx.application.Application;

/** Starts the JavaFX application from the class path (a main class that extends Application cannot). */
public final class HavenLauncher {
    private HavenLauncher() {}

    public static void launch(String[] args) {
        Application.launch(HavenApp.class, args);
    }
}
