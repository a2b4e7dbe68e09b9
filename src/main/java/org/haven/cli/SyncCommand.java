package org.haven.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.common.OutputFiles;
import org.haven.core.sync.Bundle;
import org.haven.core.sync.LaptopSync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `haven sync` on a laptop that joined the office: sends this laptop's changes, fetches the office's.
 * With no connection: exit 1, one line, nothing lost (the next sync sends it). With no network at all,
 * the same exchange through sealed files on a USB stick: --to-bundle (laptop), --apply-bundle -o REPLY
 * (the office database, a coordinator), --from-bundle (laptop).
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"On a laptop that joined the office: push this laptop's changes and pull the office's.",
                "Prints 'pushed<TAB>N', 'pulled<TAB>M', 'conflicts<TAB>K'. No connection: exit 1, nothing lost.",
                "No network: --to-bundle FILE (laptop), --apply-bundle FILE -o REPLY (office), --from-bundle REPLY (laptop)."})
final class SyncCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(names = "--to-bundle", paramLabel = "FILE", description = "Laptop: write this laptop's changes as an encrypted bundle for the office.")
    Path toBundle;

    @Option(names = "--apply-bundle", paramLabel = "FILE", description = "Office (a coordinator): apply a laptop's bundle and write its reply (-o).")
    Path applyBundle;

    @Option(names = "--from-bundle", paramLabel = "REPLY", description = "Laptop: apply the office's reply to this laptop's bundle.")
    Path fromBundle;

    @Option(names = {"-o", "--output"}, paramLabel = "REPLY", description = "With --apply-bundle: the reply file to write.")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it already exists.")
    boolean force;

    @Override
    public Integer call() {
        int modes = (toBundle != null ? 1 : 0) + (applyBundle != null ? 1 : 0) + (fromBundle != null ? 1 : 0);
        if (modes > 1) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.sync.oneMode");
        if (output != null && applyBundle == null) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.sync.replyOnlyForApply");
        if (toBundle != null) {
            OutputFiles.check(toBundle, home.home(), force);
            try (Haven haven = home.open()) {
                System.out.println("bundled\t" + Bundle.toBundle(haven, toBundle));
            }
            return 0;
        }
        if (applyBundle != null) {
            if (output == null) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.sync.replyFile");
            OutputFiles.check(output, home.home(), force);
            try (Haven haven = home.open()) {
                Bundle.Applied a = Bundle.apply(haven, applyBundle, output);
                System.out.println("pushed\t" + a.pushed());
                System.out.println("conflicts\t" + a.conflicts());
                System.out.println("reply\t" + a.reply());
            }
            return 0;
        }
        try (Haven haven = home.open()) {
            LaptopSync.Result r = fromBundle != null ? Bundle.fromBundle(haven, fromBundle) : LaptopSync.sync(haven, haven.user().username(), home.password);
            System.out.println("pushed\t" + r.pushed());
            System.out.println("pulled\t" + r.pulled());
            System.out.println("conflicts\t" + r.conflicts());
        }
        return 0;
    }
}
