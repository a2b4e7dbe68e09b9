package org.haven;

import org.haven.cli.HavenCommand;

/** Entry point: with a command, the CLI; with none, the window. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            exitWithoutDisplay();
            try {
                org.haven.gui.shell.HavenLauncher.launch(args);
            } catch (UnsupportedOperationException e) {
                // JavaFX on Linux draws its windows with GTK 3; a minimal system may not have it.
                if (String.valueOf(e.getMessage()).contains("GTK")) {
                    System.err.println("haven: the window needs GTK 3 (Debian/Ubuntu: sudo apt install libgtk-3-0);"
                            + " the command line works without it: ./haven --help");
                    System.exit(1);
                }
                throw e;
            }
            return;
        }
        System.exit(HavenCommand.run(args));
    }

    /**
     * On Linux and the BSDs the window needs an X11 or Wayland display: without one JavaFX fails with
     * a stack trace, so say what to do in one line instead (exit 1).
     */
    public static void exitWithoutDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) return;
        String glass = System.getProperty("glass.platform", "");
        if (glass.equalsIgnoreCase("Monocle") || glass.equalsIgnoreCase("Headless")) return; // headless by choice
        if (!blank(System.getenv("DISPLAY")) || !blank(System.getenv("WAYLAND_DISPLAY"))) return;
        System.err.println("haven: no display: run on a desktop or use xvfb-run -a ./haven");
        System.exit(1);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
