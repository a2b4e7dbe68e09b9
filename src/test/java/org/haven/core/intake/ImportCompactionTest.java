package org.haven.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.haven.core.Haven;
import org.haven.core.demo.DemoData;
import org.haven.core.demo.IntakeCsvGenerator;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 9: every page an import changes is appended to the file (REUSE_SPACE=FALSE, for
 * crash safety), so an import into a database already in use left tens of MB of old page copies
 * that the close's usual rule (live data under a third of the file) did not remove. A large import
 * now has the file rewritten at the close that follows it (the end of the CLI command).
 */
class ImportCompactionTest {
    @TempDir Path dir;

    @Test
    void aLargeImportLeavesNoOldPageCopiesAfterTheClose() throws Exception {
        Path home = dir.resolve("home");
        Path file = home.resolve("haven.mv.db");
        try (Haven haven = TestHaven.create(home)) {
            new DemoData(haven, 3L).generate(PRELOAD, n -> { });
        }
        long live = Files.size(file);
        Path csv = dir.resolve("list.csv");
        IntakeCsvGenerator.write(csv, ROWS, 14L);
        long grown;
        try (Haven haven = TestHaven.login(home)) {
            new ImportService(haven, c -> List.of()).importFile(csv, null, ImportService.Target.create("Raid Bavet"), false, false);
            grown = Files.size(file);
        }
        long closed = Files.size(file);
        assertThat(grown - live).as("the import's growth").isGreaterThan(16L << 20);
        assertThat(closed).as("after the close (the file was %d MB with %d MB before the import)", grown >> 20, live >> 20)
                .isLessThan(live + (grown - live) / 4);
        try (Haven haven = TestHaven.login(home)) {
            assertThat(haven.stats().counts()).containsEntry("people", (long) PRELOAD + ROWS);
        }
    }

    static final int PRELOAD = 4000;
    static final int ROWS = 600;
}
