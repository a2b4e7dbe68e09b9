package org.haven.cli;

import java.util.concurrent.Callable;
import org.haven.core.common.HavenException;
import org.haven.core.sync.Join;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `haven join --office https://HOST:PORT --fingerprint SHA256:...`: on an empty data folder, this
 * laptop becomes a replica of the office for the account in HAVEN_USER / HAVEN_PASSWORD.
 */
@Command(name = "join", mixinStandardHelpOptions = true,
        description = {"On an empty data folder: make this laptop a replica of the office for your office account",
                "(HAVEN_USER / HAVEN_PASSWORD), with the cases you may see. Prints 'joined<TAB>N' (cases).",
                "A fingerprint that does not match the office's certificate, or a wrong password: exit 3, nothing written."})
final class JoinCommand implements Callable<Integer> {
    @Mixin HomeOption home;
    @Option(names = "--office", required = true, paramLabel = "https://HOST:PORT", description = "The address 'haven serve' printed at the office.") String office;
    @Option(names = "--fingerprint", required = true, paramLabel = "SHA256:...", description = "The certificate fingerprint 'haven serve' printed (checked before any password is sent).") String fingerprint;

    @Override
    public Integer call() {
        if (home.office() != null) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.join.notOffice");
        }
        String user = Credentials.user();
        char[] password = Credentials.password();
        try {
            int cases = Join.join(home.home(), office, fingerprint, user, password);
            System.out.println("joined\t" + cases);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        return 0;
    }
}
