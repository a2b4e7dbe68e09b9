package org.haven.cli;

import java.util.concurrent.Callable;
import org.haven.Haven;
import org.haven.sync.LaptopSync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * `haven sync` on a laptop that joined the office: sends this laptop's changes, fetches the office's.
 * With no connection: exit 1, one line, nothing lost (the next sync sends it).
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"On a laptop that joined the office: push this laptop's changes and pull the office's.",
                "Prints 'pushed<TAB>N', 'pulled<TAB>M', 'conflicts<TAB>K'. No connection: exit 1, nothing lost."})
final class SyncCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Override
    public Integer call() {
        try (Haven haven = home.open()) {
            LaptopSync.Result r = LaptopSync.sync(haven, haven.user().username(), home.password);
            System.out.println("pushed\t" + r.pushed());
            System.out.println("pulled\t" + r.pulled());
            System.out.println("conflicts\t" + r.conflicts());
        }
        return 0;
    }
}
