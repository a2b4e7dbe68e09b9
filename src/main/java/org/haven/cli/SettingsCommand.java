package org.haven.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `haven settings set KEY VALUE` (administrators, audited) and `haven settings list`. */
@Command(name = "settings", mixinStandardHelpOptions = true, description = "Organisation-wide settings: organisation.name, organisation.address, organisation.logo (a PNG or JPEG file up to 1 MB; \"\" removes it).",
        subcommands = {SettingsCommand.Set.class, SettingsCommand.ListSettings.class})
final class SettingsCommand {

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Sets one setting (administrators).")
    static final class Set implements Callable<Integer> {
        @Mixin HomeOption home;

        @Parameters(index = "0", paramLabel = "KEY", description = "organisation.name, organisation.address or organisation.logo")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE", description = "the text, or for organisation.logo the image file's path")
        String value;

        @Override
        public Integer call() {
            try (Haven haven = home.open()) {
                haven.organisation().set(key, value);
            }
            System.out.println("set\t" + key);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Prints every setting as key<TAB>value.")
    static final class ListSettings implements Callable<Integer> {
        @Mixin HomeOption home;

        @Override
        public Integer call() {
            try (Haven haven = home.open()) {
                System.out.println("key\tvalue");
                for (Map.Entry<String, String> e : haven.organisation().list().entrySet()) {
                    System.out.println(Cells.of(e.getKey()) + "\t" + Cells.of(e.getValue()));
                }
            }
            return 0;
        }
    }
}
