package org.haven.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `haven gui`: opens the window (the same as no command at all). */
@Command(name = "gui", description = "Open the Haven window.")
final class GuiCommand implements Runnable {
    @Mixin HomeOption home;

    @Override
    public void run() {
        org.haven.Main.exitWithoutDisplay();
        if (home.home != null) System.setProperty("haven.home", home.home().toString());
        if (home.db != null) System.setProperty(org.haven.core.db.OfficeConnection.URL_PROPERTY, home.db);
        org.haven.gui.shell.HavenLauncher.launch(new String[0]);
    }
}
