package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 6: `export --identified` killed with SIGKILL while writing leaves its plain-text part
 * file only until the next open of the database, which deletes it; the start of the export is audited.
 */
class KilledExportLeavesNothingTest {
    @TempDir Path dir;

    ProcessBuilder haven(String... args) throws Exception {
        List<String> cmd = org.haven.cli.HavenCli.command(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HAVEN_HOME", dir.resolve("home").toString());
        pb.environment().put("HAVEN_USER", "boss");
        pb.environment().put("HAVEN_PASSWORD", "secret-pass-123");
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        return pb;
    }

    int run(String... args) throws Exception {
        return haven(args).start().waitFor();
    }

    List<Path> parts(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".haven-part")).toList();
        }
    }

    @Test
    void aKilledIdentifiedExportsPartFileIsDeletedOnTheNextOpen() throws Exception {
        assertThat(run("init", "--admin", "boss")).isZero();
        assertThat(run("demo", "--people", "3000")).isZero();
        Path outDir = Files.createDirectories(dir.resolve("exports"));
        Path target = outDir.resolve("all.csv");

        boolean killedMidWrite = false;
        for (int attempt = 0; attempt < 5 && !killedMidWrite; attempt++) {
            Files.deleteIfExists(target);
            Process p = haven("export", "--identified", "--consent-override", "tests: consent not recorded", "-o", target.toString()).start();
            while (p.isAlive() && parts(outDir).isEmpty()) Thread.onSpinWait();
            if (p.isAlive()) {
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block
                p.waitFor();
                killedMidWrite = !Files.exists(target);
            }
        }
        assertThat(killedMidWrite).as("the export was killed while writing its part file").isTrue();
        assertThat(parts(outDir)).as("the part file is still there until Haven opens again").isNotEmpty();

        assertThat(run("stats")).isZero();
        assertThat(parts(outDir)).isEmpty();
        assertThat(target).doesNotExist();

        assertThat(run("audit", "list")).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8)).contains("EXPORT_IDENTIFIED_STARTED");
    }
}
