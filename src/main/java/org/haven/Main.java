package org.haven;

import org.haven.cli.HavenCommand;

/** Entry point: with a command, the CLI; with none, the window. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            org.haven.app.HavenLauncher.launch(args);
            return;
        }
        System.exit(HavenCommand.run(args));
    }
}
