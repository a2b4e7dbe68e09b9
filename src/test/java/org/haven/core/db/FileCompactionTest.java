package org.haven.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.people.Person;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every commit is appended to the file (REUSE_SPACE=FALSE), so a database used for months would only
 * grow: a clean close rewrites the file when old page copies fill most of it.
 */
class FileCompactionTest {
    @TempDir
    Path home;

    @Test
    void aCleanCloseShrinksAFileMostlyMadeOfOldPageCopiesAndKeepsTheData() throws Exception {
        Path file = home.resolve(Database.FILE_BASE + ".mv.db");
        Haven haven = TestHaven.create(home);
        CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Lan", "Nguyễn Thị Lan")));
        int saves = 0;
        while (Files.size(file) < 3 * Database.COMPACT_MIN_FILE_BYTES && saves < 5000) {
            Person p = haven.cases().open(c.id()).person();
            haven.cases().updatePerson(c.id(), p.withContactAndNotes(p.aliases(), p.familyContact(), "Visit " + saves));
            saves++;
        }
        long grown = Files.size(file);
        java.util.concurrent.atomic.AtomicInteger notices = new java.util.concurrent.atomic.AtomicInteger();
        haven.database().beforeCompaction(notices::incrementAndGet);
        assertThat(grown).as("the file grew with %d saves", saves).isGreaterThanOrEqualTo(3 * Database.COMPACT_MIN_FILE_BYTES);
        haven.close();

        long closed = Files.size(file);
        assertThat(notices.get()).as("the CLI's 'compacting' notice").isEqualTo(1);
        assertThat(closed).as("after a clean close (was %d bytes)", grown).isLessThan(grown / 2);
        Haven reopened = TestHaven.login(home);
        reopened.database().beforeCompaction(notices::incrementAndGet);
        try {
            assertThat(reopened.cases().open(c.id()).person().notes()).isEqualTo("Visit " + (saves - 1));
        } finally {
            reopened.close();
        }
        assertThat(Files.size(file)).as("a compact file is left as it is").isLessThanOrEqualTo(closed + (1 << 20));
        assertThat(notices.get()).isEqualTo(1);
    }

    @Test
    void onlyAFileOfSomeSizeWithLittleLiveDataIsCompacted() {
        assertThat(Database.shouldCompact(100L << 20, 95, 30)).isTrue();
        assertThat(Database.shouldCompact(100L << 20, 95, 40)).isFalse();
        assertThat(Database.shouldCompact(1L << 20, 50, 20)).as("a small file").isFalse();
    }
}
