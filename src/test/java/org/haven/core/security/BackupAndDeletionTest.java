package org.haven.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;
import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.CASE_HTCDS;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SEARCH_TOKEN;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.MethodOfControl;
import org.haven.core.cases.RecruiterRelation;
import org.haven.core.cases.TraffickingDetails;
import org.haven.core.common.HavenException;
import org.haven.core.deletion.PersonDeletion;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.testing.TestHaven;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backup and restore, real deletion, and no plaintext anywhere on disk. */
class BackupAndDeletionTest {
    static final String NAME = "Quizzelbrand Vortimer";
    static final String NATIVE = "Nguyễn Thị Quỳnh Zờ";
    static final String DOC = "QX48213957";
    @TempDir Path dir;

    static Person marked() {
        return new Person(null, NATIVE, NAME, null, Sex.FEMALE, null, 31, "VN", "vi", true,
                DocumentStatus.WITH_POLICE, DOC, null, "Secret note about " + NAME, 0);
    }

    @Test
    void backupThenRestoreGivesBackTheSameDataAndNoFileHoldsPlaintext() throws Exception {
        Path home = dir.resolve("home");
        Path backup = dir.resolve("out/haven-backup.zip");
        Map<String, Long> stats;
        String number;
        try (Haven h = TestHaven.create(home)) {
            CaseFile c = h.cases().register(TestHaven.newCase(marked()));
            h.cases().register(TestHaven.newCase(TestHaven.person("Wang Wei", "王伟")));
            h.timeline().add(c.id(), EventType.MEDICAL, java.time.LocalDate.now(), DatePrecision.DAY, "Seen by doctor");
            number = c.caseNumber();
            stats = h.stats().counts();
            assertThat(new SecuritySettings(h.database(), h.session()).lastBackupAt()).isEmpty();
            Backups.backup(h.unlocked(), backup);
            assertThat(new SecuritySettings(h.database(), h.session()).lastBackupAt()).isPresent();
            assertThat(new SecuritySettings(h.database(), h.session()).backupOverdue(java.time.Instant.now())).isFalse();
        }
        assertThat(Backups.verify(backup).havenVersion()).isNotBlank();

        // No plaintext of the person in any file of the data folder (database, key file, logs, temp) or the backup.
        List<Path> files = new ArrayList<>(allFiles(home));
        files.add(backup);
        for (Path f : files) assertNoPlaintext(f);

        Path fresh = dir.resolve("fresh");
        Backups.Restored r = Backups.restore(backup, fresh, TestHaven.ADMIN, TestHaven.PASSWORD, false);
        assertThat(r.auditIntact()).isTrue();
        assertThat(r.replacedDataFolder()).isNull();
        try (Haven h = TestHaven.login(fresh)) {
            assertThat(h.stats().counts()).isEqualTo(stats);
            var details = h.cases().openByNumber(number);
            assertThat(details.person().nameLatin()).isEqualTo(NAME);
            assertThat(details.person().nameNative()).isEqualTo(NATIVE);
            assertThat(details.person().documentNumber()).isEqualTo(DOC);
            assertThat(details.events()).extracting(e -> e.note()).contains("Seen by doctor");
            assertThat(AuditLog.verify(h.database().dsl()).intact()).isTrue();
        }
        assertThat(allFiles(fresh)).extracting(p -> p.getFileName().toString())
                .as("no staging leftovers").allMatch(n -> n.equals("haven.mv.db") || n.equals("haven.keys") || n.equals("haven.keys.lock"));
    }

    @Test
    void aDamagedBackupOrWrongPasswordLeavesTheDataFolderUntouched() throws Exception {
        Path home = dir.resolve("home");
        Path backup = dir.resolve("b.zip");
        try (Haven h = TestHaven.create(home)) {
            h.cases().register(TestHaven.newCase(marked()));
            Backups.backup(h.unlocked(), backup);
        }
        byte[] good = Files.readAllBytes(backup);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x55;
        Path damaged = dir.resolve("damaged.zip");
        Files.write(damaged, bad);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 3));

        Path fresh = dir.resolve("fresh");
        for (Path f : List.of(damaged, truncated)) {
            assertThatThrownBy(() -> Backups.restore(f, fresh, TestHaven.ADMIN, TestHaven.PASSWORD, false))
                    .hasMessageContaining("damaged")
                    .extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.BAD_INPUT);
        }
        assertThatThrownBy(() -> Backups.restore(backup, fresh, TestHaven.ADMIN, "wrong-password-1".toCharArray(), false))
                .extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.DENIED);
        assertThat(Files.exists(fresh.resolve("haven.mv.db"))).isFalse();
        assertThat(Files.exists(fresh.resolve("haven.keys"))).isFalse();

        // An existing database is never replaced without --force ...
        byte[] before = Files.readAllBytes(home.resolve("haven.mv.db"));
        assertThatThrownBy(() -> Backups.restore(backup, home, TestHaven.ADMIN, TestHaven.PASSWORD, false))
                .extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.BAD_INPUT);
        assertThat(Files.readAllBytes(home.resolve("haven.mv.db"))).isEqualTo(before);
        // ... and with it the current files are kept aside.
        Backups.Restored r = Backups.restore(backup, home, TestHaven.ADMIN, TestHaven.PASSWORD, true);
        assertThat(r.replacedDataFolder()).isNotNull();
        // (the check that the caller may replace it logs in, so the old file gained a LOGIN entry)
        assertThat(r.replacedDataFolder().resolve("haven.mv.db")).exists();
        assertThat(r.replacedDataFolder().resolve("haven.keys")).exists();
        TestHaven.login(home).close();
    }

    @Test
    void deletingAPersonRemovesEveryRowAndLeavesAnAnonymousAuditEntry() {
        CaseFile gone;
        CaseFile kept;
        try (Haven h = TestHaven.create(dir)) {
            gone = h.cases().register(TestHaven.newCase(marked()));
            h.cases().openNewCaseFor(gone.personId(), TestHaven.newCase(marked()));
            h.timeline().add(gone.id(), EventType.MEDICAL, java.time.LocalDate.now(), DatePrecision.DAY, "note");
            kept = h.cases().register(TestHaven.newCase(TestHaven.person("Wang Wei", "王伟")));
            for (CaseFile c : List.of(gone, kept)) {
                h.cases().saveTraffickingDetails(new TraffickingDetails(c.id(), "KH", Set.of(RecruiterRelation.FRIEND),
                        Set.of(MethodOfControl.THREAT_OF_LAW_ENFORCEMENT)));
            }
            assertThat(PersonDeletion.uncoveredTables(h.database().dsl())).isEmpty();
            int cases = new PersonDeletion(h.database(), h.session()).deletePersonOfCase(gone.id());
            assertThat(cases).isEqualTo(2);
        }
        try (Haven h = TestHaven.login(dir)) {
            var dsl = h.database().dsl();
            assertThat(dsl.fetchCount(PERSON, PERSON.ID.eq(gone.personId()))).isZero();
            assertThat(dsl.fetchCount(CASE_FILE, CASE_FILE.PERSON_ID.eq(gone.personId()))).isZero();
            assertThat(dsl.fetchCount(CASE_EVENT, CASE_EVENT.CASE_ID.eq(gone.id()))).isZero();
            assertThat(dsl.fetchCount(SEARCH_TOKEN, SEARCH_TOKEN.PERSON_ID.eq(gone.personId()))).isZero();
            assertThat(dsl.fetchCount(CASE_HTCDS, CASE_HTCDS.CASE_ID.eq(gone.id()))).isZero();
            assertThat(dsl.fetchCount(CASE_HTCDS)).as("the other person's details stay").isEqualTo(1);
            assertThat(dsl.fetchCount(PERSON)).isEqualTo(1);
            assertThat(h.cases().open(kept.id()).person().nameLatin()).isEqualTo("Wang Wei");
            var deleted = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("PERSON_DELETED")).fetchSingle();
            assertThat(deleted.getEntityId()).as("anonymous").isNull();
            assertThat(deleted.getDetail()).doesNotContain(gone.personId().toString());
            assertThat(AuditLog.verify(dsl).intact()).isTrue();
        }
        assertThat(allFiles(dir)).allSatisfy(BackupAndDeletionTest::assertNoPlaintext);
    }

    /**
     * The file is encrypted, so searching its raw bytes proves nothing. This test decrypts the whole
     * file with the database key (as someone who later learns a password could). Before the deletion
     * the document number is in its pages. After it, the compacted file holds one chunk of live
     * pages only: no old page version that could still hold the person. (H2 compresses pages when it
     * compacts, so a byte search of the result alone would prove nothing either.)
     */
    @Test
    void afterDeletionTheFileKeepsNoOldPageVersions() throws Exception {
        byte[] key;
        CaseFile gone;
        try (Haven h = TestHaven.create(dir)) {
            key = h.unlocked().databaseKey().clone();
            gone = h.cases().register(TestHaven.newCase(marked()));
            h.cases().register(TestHaven.newCase(TestHaven.person("Wang Wei", "王伟")));
            h.cases().updatePerson(gone.id(), h.cases().open(gone.id()).person());
        }
        byte[] before = decrypted(dir.resolve("haven.mv.db"), key);
        assertThat(new String(before, 0, 3, StandardCharsets.ISO_8859_1)).as("decryption works").isEqualTo("H:2");
        assertThat(indexOf(before, DOC.getBytes(StandardCharsets.UTF_8))).as("control: present before").isNotNegative();
        assertThat(chunks(before)).as("control: several versions before").isGreaterThan(1);

        try (Haven h = TestHaven.login(dir)) {
            new PersonDeletion(h.database(), h.session()).deletePersonOfCase(gone.id());
        }
        byte[] after = decrypted(dir.resolve("haven.mv.db"), key);
        assertThat(chunks(after)).as("only the live version is left").isEqualTo(1);
        assertThat(indexOf(after, DOC.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }

    /**
     * An edit leaves the old and new values in the outbox (for the office); deleting the person erases
     * those entries with the rest, leaving only a tombstone (the person's key, no value). Checked in
     * the decrypted file after a clean close, as above, and in the outbox itself.
     */
    @Test
    void deletionErasesThePersonsValuesFromTheOutbox() throws Exception {
        String oldNote = "Zorblatt earlier note";
        String oldDocument = "ZQ9081726";
        byte[] key;
        CaseFile gone;
        try (Haven h = TestHaven.create(dir)) {
            key = h.unlocked().databaseKey().clone();
            gone = h.cases().register(TestHaven.newCase(new Person(null, NATIVE, NAME, null, Sex.FEMALE, null, 31, "VN", "vi",
                    true, DocumentStatus.WITH_POLICE, oldDocument, null, oldNote, 0)));
            h.cases().register(TestHaven.newCase(TestHaven.person("Wang Wei", "王伟")));
            Person p = h.cases().open(gone.id()).person();
            h.cases().updatePerson(gone.id(), new Person(p.id(), p.nameNative(), p.nameLatin(), p.aliases(), p.sex(), p.birthDate(),
                    p.estimatedAge(), p.nationality(), p.languages(), p.interpreterNeeded(), p.documentStatus(), DOC,
                    p.familyContact(), "Secret note about " + NAME, p.version()));
            assertThat(org.haven.core.changes.Outbox.all(h.database().dsl())).extracting(org.haven.core.changes.Outbox.Entry::oldValue)
                    .as("control: the outbox holds the old values").contains(oldNote, oldDocument);
        }
        byte[] before = decrypted(dir.resolve("haven.mv.db"), key);
        assertThat(indexOf(before, oldNote.getBytes(StandardCharsets.UTF_8))).as("control: present before").isNotNegative();

        try (Haven h = TestHaven.login(dir)) {
            assertThat(PersonDeletion.uncoveredTables(h.database().dsl())).isEmpty();
            new PersonDeletion(h.database(), h.session()).deletePersonOfCase(gone.id());
            var entries = org.haven.core.changes.Outbox.all(h.database().dsl());
            assertThat(entries).as("only the tombstone is left").singleElement().satisfies(e -> {
                assertThat(e.op()).isEqualTo(org.haven.core.changes.Outbox.Op.DELETE);
                assertThat(e.table()).isEqualTo("person");
                assertThat(e.rowId()).isEqualTo(gone.personId());
                assertThat(e.field()).isNull();
                assertThat(e.oldValue()).isNull();
                assertThat(e.newValue()).isNull();
                assertThat(e.personId()).isNull();
            });
        }
        byte[] after = decrypted(dir.resolve("haven.mv.db"), key);
        assertThat(chunks(after)).as("only the live version is left").isEqualTo(1);
        for (String value : List.of(oldNote, oldDocument, DOC, NAME)) {
            assertThat(indexOf(after, value.getBytes(StandardCharsets.UTF_8))).as(value).isEqualTo(-1);
        }
        assertThat(allFiles(dir)).allSatisfy(BackupAndDeletionTest::assertNoPlaintext);
    }

    private long chunks(byte[] plainFile) throws java.io.IOException {
        return org.haven.testing.DecryptedFile.chunks(plainFile, dir);
    }

    static byte[] decrypted(Path file, byte[] databaseKey) throws java.io.IOException {
        return org.haven.testing.DecryptedFile.read(file, databaseKey);
    }

    @Test
    void aTableAboutCasesThatDeletionDoesNotKnowStopsTheDeletion() {
        try (Haven h = TestHaven.create(dir)) {
            CaseFile c = h.cases().register(TestHaven.newCase(marked()));
            h.database().dsl().execute("CREATE TABLE screening_note (id UUID PRIMARY KEY, case_id UUID NOT NULL)");
            assertThatThrownBy(() -> new PersonDeletion(h.database(), h.session()).deletePersonOfCase(c.id()))
                    .hasMessageContaining("SCREENING_NOTE").hasMessageContaining("nothing was deleted");
            assertThat(h.database().dsl().fetchCount(PERSON)).isEqualTo(1);
        }
    }

    static List<Path> allFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void assertNoPlaintext(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (String s : List.of(NAME, NATIVE, DOC, "Quizzelbrand")) {
                for (var cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                    assertThat(indexOf(bytes, s.getBytes(cs))).as("%s in %s (%s)", s, file.getFileName(), cs).isEqualTo(-1);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int indexOf(byte[] hay, byte[] needle) {
        return org.haven.testing.DecryptedFile.indexOf(hay, needle);
    }
}
