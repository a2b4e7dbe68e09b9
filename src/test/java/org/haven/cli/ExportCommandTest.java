package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export command's usage errors: exit 2 before any credentials are asked for, nothing written. */
class ExportCommandTest {
    @TempDir Path dir;

    @Test
    void badUsageExitsTwoAndWritesNothing() {
        Path out = dir.resolve("x.csv");
        String home = dir.resolve("home").toString();
        assertThat(HavenCommand.run("export", "--home", home, "--anonymized", "--k", "4", "-o", out.toString())).isEqualTo(2);
        assertThat(HavenCommand.run("export", "--home", home, "--anonymized", "--preset", "public", "--k", "6", "-o", out.toString())).isEqualTo(2);
        assertThat(HavenCommand.run("export", "--home", home, "--anonymized", "--preset", "friends", "-o", out.toString())).isEqualTo(2);
        assertThat(HavenCommand.run("export", "--home", home, "--anonymized", "--from", "2025-13", "-o", out.toString())).isEqualTo(2);
        assertThat(HavenCommand.run("export", "--home", home, "-o", out.toString())).isEqualTo(2);
        assertThat(HavenCommand.run("export", "--home", home, "--anonymized")).isEqualTo(2);
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("home")).doesNotExist();
    }
}
