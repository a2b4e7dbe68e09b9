package org.haven.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.INTAKE_DRAFT_ROW;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.intake.IntakeService;
import org.haven.core.operations.Operation;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 5: a deletion killed after its commit but before the final compaction is finished by
 * the next open: the file is rewritten before anything else, so neither the raw files nor the
 * decrypted file hold the person any more, and the unsaved intake drafts naming them are gone too.
 */
class KilledDeletionTest {
    static final int KILLED = 137;
    @TempDir Path dir;

    @Test
    void aDeletionKilledBeforeItsCompactionIsCompletedByTheNextOpen() throws Exception {
        Path home = dir.resolve("home");
        byte[] key;
        CaseFile gone;
        try (Haven h = TestHaven.create(home)) {
            key = h.unlocked().databaseKey().clone();
            gone = h.cases().register(TestHaven.newCase(BackupAndDeletionTest.marked()));
            h.cases().register(TestHaven.newCase(TestHaven.person("Wang Wei", "王伟")));
            h.cases().updatePerson(gone.id(), h.cases().open(gone.id()).person());
            Operation op = h.operations().create(new Operation(null, "OP-K", "Raid K", LocalDate.now(), null, null, null, null, null, 0));
            // Unsaved grid rows: one typed again for the person who will be deleted, one for someone else.
            new IntakeService(h, candidate -> List.of()).saveDraft(op.id(), List.of(
                    List.of(BackupAndDeletionTest.NATIVE, BackupAndDeletionTest.NAME, "F", "31", "VN", "", "", ""),
                    List.of("", "Tran Van Minh", "M", "40", "VN", "", "", "")));
        }
        assertThat(indexOf(BackupAndDeletionTest.decrypted(home.resolve("haven.mv.db"), key), BackupAndDeletionTest.DOC))
                .as("control: the document number is in the decrypted file before").isNotNegative();

        Process child = deleteInChildJvm(home, gone);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).as("committed, then killed at the compaction").contains("DELETED").doesNotContain("NOT KILLED");
        assertThat(child.exitValue()).isEqualTo(KILLED);

        Path marker = home.resolve("compaction-owed");
        assertThat(marker).as("the owed compaction is recorded").exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(marker))).isEqualTo("rw-------");
        BackupAndDeletionTest.assertNoPlaintext(marker);
        assertThat(Files.readString(marker)).doesNotContain(gone.personId().toString(), gone.id().toString(), gone.caseNumber());
        assertThat(indexOf(BackupAndDeletionTest.decrypted(home.resolve("haven.mv.db"), key), BackupAndDeletionTest.DOC))
                .as("the killed deletion left old pages holding the person in the file").isNotNegative();

        try (Haven h = TestHaven.login(home)) {
            assertThat(marker).as("done and forgotten on open").doesNotExist();
            byte[] plain = BackupAndDeletionTest.decrypted(home.resolve("haven.mv.db"), key);
            for (String s : List.of(BackupAndDeletionTest.DOC, BackupAndDeletionTest.NAME, BackupAndDeletionTest.NATIVE)) {
                for (var cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                    assertThat(BackupAndDeletionTest.indexOf(plain, s.getBytes(cs))).as("%s (%s) in the decrypted file", s, cs).isEqualTo(-1);
                }
            }
            var dsl = h.database().dsl();
            assertThat(dsl.fetchCount(PERSON, PERSON.ID.eq(gone.personId()))).isZero();
            assertThat(dsl.fetchCount(INTAKE_DRAFT_ROW)).as("only the other person's draft row is left").isEqualTo(1);
            assertThat(dsl.fetchValue(INTAKE_DRAFT_ROW.CELLS)).contains("Tran Van Minh");
        }
        assertThat(BackupAndDeletionTest.allFiles(home)).allSatisfy(BackupAndDeletionTest::assertNoPlaintext);
    }

    private static int indexOf(byte[] plain, String text) {
        return BackupAndDeletionTest.indexOf(plain, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Process deleteInChildJvm(Path home, CaseFile c) throws Exception {
        List<String> cmd = org.haven.testing.ChildJvm.command(DeleteThenDie.class.getName(), List.of(home.toString(), c.id().toString()));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
