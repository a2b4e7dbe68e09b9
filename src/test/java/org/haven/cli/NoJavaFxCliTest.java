package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.haven.core.Haven;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line never loads JavaFX, although it is on the class path (ADR 11): `haven --version`,
 * `haven stats` and `haven report` (whose PDF the Statistics page makes too) run in a child JVM that
 * logs every class it loads. `haven serve` runs with no JavaFX on its class path at all (SyncServeTest).
 */
class NoJavaFxCliTest {
    @TempDir Path home;
    @TempDir Path out;

    @Test
    void versionStatsAndReportLoadNoJavaFxClass() throws Exception {
        try (Haven h = TestHaven.create(home)) {
            h.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Huong", "Nguyễn Thị Hương")));
        }
        Path pdf = out.resolve("report.pdf");
        for (List<String> args : List.of(List.of("--version"), List.of("stats"), List.of("report", "--stats", "-o", pdf.toString()))) {
            Path classes = out.resolve("classes-" + args.getFirst().replace("-", "") + ".log");
            List<String> cmd = new java.util.ArrayList<>(HavenCli.command(args.toArray(String[]::new)));
            cmd.add(1, "-Xlog:class+load=info:file=" + classes);
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("HAVEN_HOME", home.toString());
            pb.environment().put("HAVEN_USER", TestHaven.ADMIN);
            pb.environment().put("HAVEN_PASSWORD", new String(TestHaven.PASSWORD));
            pb.redirectOutput(out.resolve("stdout.txt").toFile()).redirectError(out.resolve("stderr.txt").toFile());
            int exit = pb.start().waitFor();
            assertThat(exit).as(args + ": " + Files.readString(out.resolve("stderr.txt"))).isZero();
            List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
            assertThat(loaded).as("the log names the classes loaded").anyMatch(l -> l.contains(" org.haven.Main "));
            assertThat(loaded).as(args + " loads no JavaFX class")
                    .noneMatch(l -> l.matches(".*\\] (javafx\\.|com\\.sun\\.javafx\\.|com\\.sun\\.glass\\.|com\\.sun\\.prism\\.).*"));
        }
        assertThat(pdf).isNotEmptyFile();
    }
}
