package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 11: a data folder Haven cannot write to (a read-only mount, or chmod 0500 for an ordinary
 * user) gives one clear line, not "unexpected error". As an ordinary user the folder is made 0500. As
 * root, whom file modes do not stop, the command runs in its own mount namespace where the folder is
 * bind-mounted read-only (`unshare -m`), a real read-only file system; where that is not allowed the test
 * is skipped.
 */
class ReadOnlyDataFolderCliTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @AfterEach
    void writableAgain() throws IOException {
        Path home = dir.resolve("home");
        if (Files.isDirectory(home)) Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aReadOnlyDataFolderIsNamedAndNothingIsChanged() throws Exception {
        Path home = dir.resolve("home");
        assertThat(haven(false, "init", "--admin", "boss").exit()).isZero();
        long size = Files.size(home.resolve("haven.mv.db"));
        if (ROOT) {
            Assumptions.assumeTrue(haven(true, "--version").exit() == 0, "no mount namespace here: cannot make a read-only folder as root");
        } else {
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-x------"));
        }
        for (List<String> command : List.of(List.of("stats"), List.of("search", "x"), List.of("demo", "--people", "3"))) {
            Run run = haven(true, command.toArray(String[]::new));
            assertThat(run.exit()).as(command + ": " + run.err()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("haven: The data folder " + home.toAbsolutePath()
                    + " is read-only: Haven needs to write there. Make it writable, or copy it to a writable place and set HAVEN_HOME, and try again.\n");
        }
        writableAgain();
        assertThat(Files.size(home.resolve("haven.mv.db"))).isEqualTo(size);
        assertThat(haven(false, "stats").out()).contains("people\t0");
    }

    private Run haven(boolean readOnly, String... args) throws IOException, InterruptedException {
        Path home = dir.resolve("home");
        List<String> cmd = new ArrayList<>();
        if (readOnly && ROOT) {
            // a private mount namespace: the bind mount is gone when the command ends
            cmd.addAll(List.of("unshare", "-m", "sh", "-c",
                    "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\"", home.toString()));
        }
        cmd.addAll(org.haven.cli.HavenCli.command(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HAVEN_HOME", home.toString());
        pb.environment().put("HAVEN_USER", "boss");
        pb.environment().put("HAVEN_PASSWORD", "secret-pass-123");
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        int exit = pb.start().waitFor();
        return new Run(exit, Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
