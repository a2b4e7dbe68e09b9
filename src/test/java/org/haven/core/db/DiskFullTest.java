package org.haven.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.common.DiskFull;
import org.haven.core.demo.IntakeCsvGenerator;
import org.haven.core.intake.ImportService;
import org.haven.core.security.AuditLog;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 9: a full disk during an import. The disk is made to fill up at H2's file-system
 * level ({@link FullDiskFilePath}: real files, writes refused with the OS's "No space left on
 * device" once a budget is used up), since a test can mount no small file system. The CLI says so
 * in one line (exit 1), the window's dialog says so from the bundle, and the data is unchanged.
 */
class DiskFullTest {
    @TempDir Path dir;

    @AfterEach
    void realDiskAgain() {
        FullDiskFilePath.uninstall();
    }

    @Test
    void theCommandLineSaysTheDiskIsFullAndNothingIsImported() throws Exception {
        Path home = dir.resolve("home");
        TestHaven.create(home).close();
        Path csv = dir.resolve("list.csv");
        IntakeCsvGenerator.write(csv, 2000, 14L);

        List<String> cmd = new ArrayList<>(List.of(org.haven.cli.HavenCli.JAVA, org.haven.cli.HavenCli.QUICK_JIT, org.haven.cli.HavenCli.SERIAL_GC,
                "-Dorg.jooq.no-logo=true", "-Dhaven.test.diskBudget=" + (256 * 1024), "-cp",
                "target/test-classes" + java.io.File.pathSeparator + "target/classes" + java.io.File.pathSeparator
                        + Files.readString(Path.of("target/classpath.txt")).strip(),
                FullDiskCli.class.getName(), "import", csv.toString(), "--new-operation", "Raid Bavet"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HAVEN_HOME", home.toString());
        pb.environment().put("HAVEN_USER", TestHaven.ADMIN);
        pb.environment().put("HAVEN_PASSWORD", new String(TestHaven.PASSWORD));
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        int exit = pb.start().waitFor();
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

        assertThat(exit).as(err).isEqualTo(1);
        assertThat(err).isEqualTo("haven: " + DiskFull.MESSAGE + "\n");
        assertThat(Files.readString(dir.resolve("out.txt"))).isEmpty();
        try (Haven haven = TestHaven.login(home)) {
            assertThat(haven.stats().counts()).containsEntry("people", 0L).containsEntry("cases", 0L).containsEntry("operations", 0L);
            assertThat(AuditLog.verify(haven.database().dsl()).intact()).isTrue();
            // With space again, the same import goes through.
            var report = new ImportService(haven, c -> List.of()).importFile(csv, null, ImportService.Target.create("Raid Bavet"), false, false);
            assertThat(report.imported()).isEqualTo(2000);
        }
    }

    @Test
    void theWindowSaysTheDiskIsFullFromItsBundle() throws Exception {
        Path csv = dir.resolve("list.csv");
        IntakeCsvGenerator.write(csv, 2000, 14L);
        TestHaven.create(dir.resolve("home")).close();
        FullDiskFilePath.install(256 * 1024);
        Throwable failure;
        try (Haven haven = TestHaven.login(dir.resolve("home"))) {
            failure = org.assertj.core.api.Assertions.catchThrowable(() -> new ImportService(haven, c -> List.of())
                    .importFile(csv, null, ImportService.Target.create("Raid Bavet"), false, false));
        }
        assertThat(failure).isNotNull();
        assertThat(DiskFull.isCause(failure)).isTrue();
        assertThat(FxTasks.userMessage(failure)).isEqualTo(I18n.t("error.diskFull"));
        FullDiskFilePath.uninstall();
        try (Haven haven = TestHaven.login(dir.resolve("home"))) {
            assertThat(haven.stats().counts()).containsEntry("people", 0L);
        }
        assertThatThrownBy(() -> { throw new IllegalStateException("something else"); })
                .matches(e -> !DiskFull.isCause(e));
    }
}
