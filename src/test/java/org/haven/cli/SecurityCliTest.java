package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security commands as a script sees them: exit codes and one-line errors, in a real JVM. */
class SecurityCliTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    Run haven(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = org.haven.cli.HavenCli.command(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HAVEN_HOME", dir.resolve("home").toString());
        pb.environment().put("HAVEN_USER", "boss");
        pb.environment().put("HAVEN_PASSWORD", "secret-pass-123");
        pb.environment().putAll(env);
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        int exit = pb.start().waitFor();
        return new Run(exit, Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void exitCodesAndMessages() throws Exception {
        assertThat(haven(Map.of(), "init", "--admin", "boss").exit()).isZero();

        Run verify = haven(Map.of(), "audit", "verify");
        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).startsWith("audit ok");

        Run wrong = haven(Map.of("HAVEN_PASSWORD", "not-the-password"), "stats");
        assertThat(wrong.exit()).isEqualTo(3);
        assertThat(wrong.err().strip()).isEqualTo("haven: Wrong user name or password.");

        Path keys = dir.resolve("home/haven.keys");
        byte[] good = Files.readAllBytes(keys);
        Files.write(keys, java.util.Arrays.copyOf(good, good.length / 2));
        Run damaged = haven(Map.of(), "stats");
        assertThat(damaged.exit()).isEqualTo(1);
        assertThat(damaged.err().lines()).hasSize(1);
        assertThat(damaged.err()).contains("backup").doesNotContain("Exception").doesNotContain("\tat ");
    }
}
