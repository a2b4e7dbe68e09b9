package org.haven.gui.shell;

/** Lets UI tests in other packages start the demo data task without its dialog. */
public final class DemoDataStarter {
    private DemoDataStarter() {}

    public static void start(MainWindow window, int people) {
        DemoDataAction.start(window, people);
    }
}
