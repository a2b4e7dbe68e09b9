package org.haven.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.haven.cli.HavenCli;
import org.haven.cli.HavenCli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 11: a key file from another install, a 0-byte database and a key file edited to
 * absurd Argon2 costs, as a script sees them (a real JVM, exit codes, one line on stderr).
 */
class KeyAndDatabaseMismatchCliTest {
    @TempDir Path dir;

    Run haven(Path home, String... args) throws IOException, InterruptedException {
        return HavenCli.onHome(home, dir, "boss", "secret-pass-123").run(Map.of(), args);
    }

    @Test
    void keyFileFromAnotherInstallIsNotAllowed() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        assertThat(haven(a, "init", "--admin", "boss").exit()).isZero();
        assertThat(haven(b, "init", "--admin", "boss").exit()).isZero();
        Files.copy(b.resolve("haven.keys"), a.resolve("haven.keys"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Run run = haven(a, "stats");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.errorLines()).hasSize(1);
        assertThat(run.err()).contains("does not belong").doesNotContain("Exception");
    }

    @Test
    void zeroByteDatabaseIsDamagedAndNeverReplaced() throws Exception {
        Path home = dir.resolve("home");
        assertThat(haven(home, "init", "--admin", "boss").exit()).isZero();
        Files.write(home.resolve("haven.mv.db"), new byte[0]);

        Run run = haven(home, "stats");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errorLines()).hasSize(1);
        assertThat(run.err()).contains("damaged").contains("backup");
        assertThat(Files.size(home.resolve("haven.mv.db"))).isZero();
    }

    @Test
    void absurdArgonCostsAreADamagedKeyFile() throws Exception {
        Path home = dir.resolve("home");
        assertThat(haven(home, "init", "--admin", "boss").exit()).isZero();
        Path keys = home.resolve("haven.keys");
        for (String[] edit : new String[][] {{"m", "2147483647"}, {"t", "2000000000"}, {"p", "16777215"}}) {
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(keys)) {
                props.load(in);
            }
            Properties edited = (Properties) props.clone();
            edited.setProperty("user.boss." + edit[0], edit[1]);
            edited.setProperty("check", KeyFile.checksum(edited)); // an editor who also fixes the checksum
            try (OutputStream out = Files.newOutputStream(keys)) {
                edited.store(out, null);
            }

            Run run = haven(home, "stats");
            assertThat(run.exit()).as(edit[0]).isEqualTo(1);
            assertThat(run.errorLines()).hasSize(1);
            assertThat(run.err()).contains("key file").contains("damaged").doesNotContain("Error").doesNotContain("\tat ");

            try (OutputStream out = Files.newOutputStream(keys)) {
                props.store(out, null);
            }
        }
        assertThat(haven(home, "stats").exit()).isZero();
    }
}
