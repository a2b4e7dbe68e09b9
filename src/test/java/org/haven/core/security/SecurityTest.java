package org.haven.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseQuery;
import org.haven.core.common.CsvCells;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.haven.core.deletion.PersonDeletion;
import org.haven.core.exports.IdentifiedExport;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts, roles, the audit chain, identified export and deletion, against a real encrypted database. */
class SecurityTest {
    static final char[] CW_PW = "caseworker-pass-1".toCharArray();
    @TempDir Path dir;

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhyAndLeavesNoTraceFile() {
        TestHaven.create(dir).close();
        assertThatThrownBy(() -> Haven.login(dir, TestHaven.ADMIN, "not-the-password".toCharArray()))
                .isInstanceOf(HavenException.class).hasMessage("Wrong user name or password.")
                .extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.DENIED);
        // An unknown user gets exactly the same answer.
        assertThatThrownBy(() -> Haven.login(dir, "nobody", "not-the-password".toCharArray()))
                .hasMessage("Wrong user name or password.");
        // A key that does not match the database (e.g. a key file from another install).
        assertThatThrownBy(() -> Database.open(dir, KeyFile.newDatabaseKey()))
                .hasMessageContaining("restore the data folder from a backup");
        assertThat(filesEndingWith(".trace.db")).isEmpty();
        // Failed attempts are counted for the growing delay, and recorded at the next login.
        assertThat(LoginThrottle.failures(dir, TestHaven.ADMIN)).isEqualTo(1); // the unknown name counts apart
        assertThat(LoginThrottle.pending(dir)).containsEntry("user." + TestHaven.ADMIN, 1).containsEntry("unknown", 1);
        assertThat(LoginThrottle.delayFor(1)).isEqualTo(1000);
        assertThat(LoginThrottle.delayFor(3)).isEqualTo(4000);
        assertThat(LoginThrottle.delayFor(50)).isEqualTo(30_000);
        try (Haven h = TestHaven.login(dir)) {
            assertThat(h.database().dsl().fetchExists(AUDIT_LOG, AUDIT_LOG.ACTION.eq("LOGIN_FAILED"))).isTrue();
        }
        assertThat(LoginThrottle.failures(dir, TestHaven.ADMIN)).isZero();
        assertThat(LoginThrottle.pending(dir)).isEmpty();
    }

    @Test
    void damagedOrMissingFilesGiveAClearMessageAboutBackups() throws Exception {
        TestHaven.create(dir).close();
        Path keys = dir.resolve("haven.keys");
        byte[] goodKeys = Files.readAllBytes(keys);
        for (int cut : new int[] {60, goodKeys.length / 2, goodKeys.length - 30}) {
            Files.write(keys, java.util.Arrays.copyOf(goodKeys, cut));
            assertThatThrownBy(() -> TestHaven.login(dir)).hasMessageContaining("damaged").hasMessageContaining("backup");
        }
        Files.delete(keys);
        assertThatThrownBy(() -> TestHaven.login(dir)).hasMessageContaining("missing").hasMessageContaining("backup");
        Files.write(keys, goodKeys);
        Path db = dir.resolve("haven.mv.db");
        try (var ch = java.nio.channels.FileChannel.open(db, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(5000);
        }
        assertThatThrownBy(() -> TestHaven.login(dir)).isInstanceOf(HavenException.class).hasMessageContaining("backup");
        assertThat(filesEndingWith(".trace.db")).isEmpty();
    }

    @Test
    void caseworkersSeeOnlyTheirCasesAndAdministratorsSeeNoCaseData() {
        try (Haven admin = TestHaven.create(dir)) {
            Accounts.addUser(admin.unlocked(), "cw1", EnumSet.of(Role.CASEWORKER), CW_PW);
            Accounts.addUser(admin.unlocked(), "cw2", EnumSet.of(Role.CASEWORKER), CW_PW);
            Accounts.addUser(admin.unlocked(), "it", EnumSet.of(Role.ADMIN), CW_PW);
        }
        UUID caseId;
        try (Haven cw1 = Haven.login(dir, "cw1", CW_PW)) {
            caseId = cw1.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Lan", "Nguyễn Thị Lan"))).id();
            assertThat(cw1.cases().open(caseId).person().nameLatin()).isEqualTo("Nguyen Thi Lan");
        }
        try (Haven cw2 = Haven.login(dir, "cw2", CW_PW)) {
            assertThatThrownBy(() -> cw2.cases().open(caseId)).extracting(e -> ((HavenException) e).kind())
                    .isEqualTo(HavenException.Kind.DENIED);
            assertThatThrownBy(() -> cw2.timeline().events(caseId)).isInstanceOf(HavenException.class);
            assertThat(cw2.cases().search(CaseQuery.text("lan", 10))).isEmpty();
            assertThatThrownBy(() -> new IdentifiedExport(cw2.database(), cw2.session()).writeTo(dir.resolve("x.csv")))
                    .extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.DENIED);
            assertThatThrownBy(() -> new PersonDeletion(cw2.database(), cw2.session()).deletePersonOfCase(caseId))
                    .extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.DENIED);
        }
        try (Haven it = Haven.login(dir, "it", CW_PW)) {
            assertThatThrownBy(() -> it.cases().open(caseId)).extracting(e -> ((HavenException) e).kind())
                    .isEqualTo(HavenException.Kind.DENIED);
            assertThatThrownBy(() -> it.cases().search(CaseQuery.text("", 10))).isInstanceOf(HavenException.class);
            assertThatThrownBy(() -> it.stats().counts()).isInstanceOf(HavenException.class);
            assertThatThrownBy(() -> new IdentifiedExport(it.database(), it.session()).writeTo(dir.resolve("x.csv")))
                    .isInstanceOf(HavenException.class);
            assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
        }
    }

    @Test
    void passwordsCanBeChangedResetAndAccountsDisabled() {
        try (Haven admin = TestHaven.create(dir)) {
            Accounts.addUser(admin.unlocked(), "cw1", EnumSet.of(Role.CASEWORKER), CW_PW);
            Accounts.addUser(admin.unlocked(), "cw1.b", EnumSet.of(Role.CASEWORKER), CW_PW);
            Accounts.resetPassword(admin.unlocked(), "cw1", "temporary-pass-9".toCharArray());
        }
        try (Haven cw1 = Haven.login(dir, "cw1", "temporary-pass-9".toCharArray())) {
            assertThat(Accounts.mustChangePassword(cw1.unlocked())).isTrue();
            assertThatThrownBy(() -> Accounts.changePassword(cw1.unlocked(), "wrong-old-pass".toCharArray(), "my-own-pass-77".toCharArray()))
                    .hasMessage("Wrong user name or password.");
            Accounts.changePassword(cw1.unlocked(), "temporary-pass-9".toCharArray(), "my-own-pass-77".toCharArray());
            assertThat(Accounts.mustChangePassword(cw1.unlocked())).isFalse();
            assertThat(Accounts.verifyPassword(cw1.unlocked(), "my-own-pass-77".toCharArray())).isTrue();
            assertThat(Accounts.verifyPassword(cw1.unlocked(), "temporary-pass-9".toCharArray())).isFalse();
            assertThatThrownBy(() -> Accounts.disableUser(cw1.unlocked(), "cw1.b")).isInstanceOf(HavenException.class);
        }
        assertThatThrownBy(() -> Haven.login(dir, "cw1", "temporary-pass-9".toCharArray())).hasMessage("Wrong user name or password.");
        try (Haven admin = TestHaven.login(dir)) {
            Accounts.disableUser(admin.unlocked(), "cw1");
            assertThatThrownBy(() -> Accounts.disableUser(admin.unlocked(), TestHaven.ADMIN)).isInstanceOf(HavenException.class);
        }
        KeyFile keys = KeyFile.load(dir);
        assertThat(keys.hasUser("cw1")).as("the disabled user's key entry is gone").isFalse();
        assertThat(keys.hasUser("cw1.b")).as("a user whose name starts the same is untouched").isTrue();
        assertThatThrownBy(() -> Haven.login(dir, "cw1", "my-own-pass-77".toCharArray())).hasMessage("Wrong user name or password.");
        Haven.login(dir, "cw1.b", CW_PW).close();
        try (Haven admin = TestHaven.login(dir)) {
            Accounts.enableUser(admin.unlocked(), "cw1", "temporary-pass-8".toCharArray());
        }
        Haven.login(dir, "cw1", "temporary-pass-8".toCharArray()).close();
    }

    @Test
    void editingOrDeletingAuditRowsBreaksTheChain() {
        try (Haven h = TestHaven.create(dir)) {
            CaseFile c = h.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Lan", null)));
            h.cases().open(c.id());
            var dsl = h.database().dsl();
            List<String> actions = dsl.select(AUDIT_LOG.ACTION).from(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetch(AUDIT_LOG.ACTION);
            assertThat(actions).contains("DATABASE_CREATED", "CASE_CREATE", "PERSON_CREATE", "CASE_VIEW");
            AuditLog.Verification ok = new AuditService(h.database(), h.session()).verify();
            assertThat(ok.intact()).isTrue();
            long last = ok.entries();

            dsl.execute("UPDATE audit_log SET username = 'someone' WHERE seq = 2");
            AuditLog.Verification edited = AuditLog.verify(dsl);
            assertThat(edited.intact()).isFalse();
            assertThat(edited.firstBrokenSeq()).isEqualTo(2);
            dsl.execute("UPDATE audit_log SET username = 'admin' WHERE seq = 2");
            assertThat(AuditLog.verify(dsl).intact()).isTrue();

            dsl.execute("DELETE FROM audit_log WHERE seq = " + last);
            AuditLog.Verification deleted = AuditLog.verify(dsl);
            assertThat(deleted.intact()).isFalse();
            assertThat(deleted.firstBrokenSeq()).isEqualTo(last);
        }
    }

    @Test
    void auditLogCanBeFilteredByUserAndAction() {
        try (Haven h = TestHaven.create(dir)) {
            Accounts.addUser(h.unlocked(), "cw1", EnumSet.of(Role.CASEWORKER), CW_PW);
        }
        try (Haven cw = Haven.login(dir, "cw1", CW_PW)) {
            CaseFile c = cw.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Lan", null)));
            cw.cases().open(c.id());
            assertThatThrownBy(() -> new AuditService(cw.database(), cw.session()).find(AuditService.Query.all()))
                    .isInstanceOf(HavenException.class);
            SecuritySettings cwSettings = new SecuritySettings(cw.database(), cw.session());
            assertThatThrownBy(() -> cwSettings.setAutoLockAfter(java.time.Duration.ofMinutes(10))).isInstanceOf(HavenException.class);
        }
        try (Haven h = TestHaven.login(dir)) {
            SecuritySettings settings = new SecuritySettings(h.database(), h.session());
            assertThat(settings.autoLockAfter()).isEqualTo(java.time.Duration.ofMinutes(5));
            settings.setAutoLockAfter(java.time.Duration.ofMinutes(10));
            assertThat(settings.autoLockAfter()).isEqualTo(java.time.Duration.ofMinutes(10));
            assertThat(settings.backupOverdue(java.time.Instant.now())).isTrue();
            AuditService audit = new AuditService(h.database(), h.session());
            var views = audit.find(new AuditService.Query("cw1", "CASE_VIEW", java.time.LocalDate.now(), java.time.LocalDate.now(), 100));
            assertThat(views).hasSize(1).allSatisfy(e -> assertThat(e.entityId()).isNotNull());
            assertThat(audit.find(new AuditService.Query("cw1", null, null, java.time.LocalDate.now().minusDays(1), 100))).isEmpty();
            assertThat(audit.actions()).contains("LOGIN", "CASE_VIEW", "USER_ADDED");
            assertThat(audit.usernames()).contains("admin", "cw1");
        }
    }

    @Test
    void identifiedExportHasIdentifyingColumnsNeutralizesFormulasAndIsAudited() throws Exception {
        try (Haven h = TestHaven.create(dir)) {
            Person p = new Person(null, "Nguyễn Thị Lan", "Nguyen Thi Lan", "=HYPERLINK(\"x\")", Sex.FEMALE, null, 24, "VN", "vi",
                    true, DocumentStatus.CONFISCATED, "C1234567", "+84 90 000 0000", "@note", 0);
            h.cases().register(TestHaven.newCase(p));
            Path out = dir.resolve("out/identified.csv");
            int n = new IdentifiedExport(h.database(), h.session()).writeTo(out, IdentifiedExport.Options.csv(), "tests: consent not recorded");
            assertThat(n).isEqualTo(1);
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertThat(lines.getFirst().substring(1).split(",")).contains("case_number", "name_latin", "name_native", "aliases", "document_number");
            assertThat(lines.get(1)).contains("Nguyễn Thị Lan", "C1234567", "'=HYPERLINK", "'+84 90", "'@note");
            assertThat(h.database().dsl().fetchExists(AUDIT_LOG, AUDIT_LOG.ACTION.eq("EXPORT_IDENTIFIED"))).isTrue();
        }
        assertThat(CsvCells.neutralize("-1+1")).isEqualTo("'-1+1");
        assertThat(CsvCells.neutralize("Lan")).isEqualTo("Lan");
    }

    private List<Path> filesEndingWith(String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
