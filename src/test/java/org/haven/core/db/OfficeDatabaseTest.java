package org.haven.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.security.Role;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Haven on a real PostgreSQL (started by the test): init, login, accounts, TLS by default. */
class OfficeDatabaseTest {
    @TempDir Path dir;
    static final char[] PASSWORD = "correct-horse-battery".toCharArray();

    @Test
    void initCreatesSchemaAndFirstAdministratorOnAnEmptyDatabase() {
        OfficeConnection office = TestPostgres.newDatabase();
        try (Haven haven = Haven.create(dir, office, "boss", PASSWORD)) {
            assertThat(haven.database().isOffice()).isTrue();
            assertThat(haven.database().dialect()).isEqualTo(org.jooq.SQLDialect.POSTGRES);
            assertThat(haven.user().has(Role.ADMIN)).isTrue();
            org.haven.core.security.Accounts.addUser(haven.unlocked(), "mai", java.util.Set.of(Role.CASEWORKER), "another-long-pass".toCharArray());
        }
        // nothing about the data is in the data folder: no database file, no key file
        assertThat(Database.existsIn(dir)).isFalse();
        assertThat(org.haven.core.security.KeyFile.existsIn(dir)).isFalse();
        try (Haven again = Haven.login(dir, office, "mai", "another-long-pass".toCharArray())) {
            assertThat(again.user().username()).isEqualTo("mai");
            assertThat(again.user().has(Role.ADMIN)).isFalse();
        }
        assertThatThrownBy(() -> Haven.login(dir, office, "mai", "wrong-password-123".toCharArray()))
                .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e.kind()).isEqualTo(HavenException.Kind.DENIED));
        assertThatThrownBy(() -> Haven.login(dir, office, "nobody", PASSWORD))
                .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e.kind()).isEqualTo(HavenException.Kind.DENIED));
        assertThatThrownBy(() -> Haven.create(dir, office, "other", PASSWORD))
                .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e).hasMessageContaining("already has accounts"));
    }

    @Test
    void anOfficeBackupRestoresIntoAnotherOfficeDatabaseAndIntoADataFolder() throws Exception {
        OfficeConnection office = TestPostgres.newDatabase();
        Path backup = dir.resolve("office.havenbackup");
        String caseNumber;
        try (Haven haven = Haven.create(dir.resolve("a"), office, "boss", PASSWORD)) {
            caseNumber = haven.cases().register(org.haven.testing.TestHaven.newCase(
                    org.haven.testing.TestHaven.person("Nguyen Thi Lan", "Nguyễn Thị Lan"))).caseNumber();
            assertThatThrownBy(() -> org.haven.core.security.Backups.backup(haven.unlocked(), backup, "not-the-password".toCharArray()))
                    .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e.kind()).isEqualTo(HavenException.Kind.DENIED));
            org.haven.core.security.Backups.backup(haven.unlocked(), backup, PASSWORD);
        }
        // the same file format as a laptop's: verified, and the names in it are not readable
        org.haven.core.security.Backups.verify(backup);
        assertThat(new String(java.nio.file.Files.readAllBytes(backup), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Nguyen");

        OfficeConnection other = TestPostgres.newDatabase();
        var restored = org.haven.core.security.Backups.restoreToOffice(backup, dir.resolve("b"), other, "boss", PASSWORD, false);
        assertThat(restored.auditIntact()).isTrue();
        try (Haven haven = Haven.login(dir.resolve("b"), other, "boss", PASSWORD)) {
            assertThat(haven.cases().search(org.haven.core.cases.CaseQuery.text("nguyen", 10))).extracting(c -> c.caseNumber()).containsExactly(caseNumber);
            assertThat(org.haven.core.security.AuditLog.verify(haven.database().dsl()).intact()).isTrue();
        }
        // a second restore without --force is refused: the office database already has data
        assertThatThrownBy(() -> org.haven.core.security.Backups.restoreToOffice(backup, dir.resolve("b"), other, "boss", PASSWORD, false))
                .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e.kind()).isEqualTo(HavenException.Kind.BAD_INPUT));

        // the one tool: the office's backup restores into a laptop's empty data folder too
        org.haven.core.security.Backups.restore(backup, dir.resolve("laptop"), "boss", PASSWORD, false);
        try (Haven haven = Haven.login(dir.resolve("laptop"), "boss", PASSWORD)) {
            assertThat(haven.cases().search(org.haven.core.cases.CaseQuery.text("nguyen", 10))).extracting(c -> c.caseNumber()).containsExactly(caseNumber);
        }
    }

    @Test
    void theOfficeGetsItsOwnPrefixIndexesAndSkipsFlywayOnceUpToDate() throws Exception {
        OfficeConnection office = TestPostgres.newDatabase();
        Haven.create(dir, office, "boss", PASSWORD).close();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(office.url(), office.user(), "")) {
            assertThat(Migrations.upToDate(c, true)).isTrue();
            assertThat(Migrations.upToDate(c, false)).isFalse(); // the embedded list alone lacks the office's own script
            try (var rs = c.createStatement().executeQuery("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%pattern_ix' ORDER BY 1")) {
                java.util.List<String> names = new java.util.ArrayList<>();
                while (rs.next()) names.add(rs.getString(1));
                assertThat(names).containsExactly("case_file_number_pattern_ix", "search_token_pattern_ix");
            }
        }
        // every script in the folder is listed (a forgotten one would be skipped by the up-to-date check)
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources", Migrations.POSTGRESQL_LOCATION))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(Migrations.POSTGRESQL_ONLY);
        }
    }

    @Test
    void passwordsAreArgon2idHashesNeverPlainText() throws Exception {
        OfficeConnection office = TestPostgres.newDatabase();
        try (Haven haven = Haven.create(dir, office, "boss", PASSWORD)) {
            String stored = haven.database().dsl().select(org.haven.core.db.jooq.Tables.APP_USER.PASSWORD_HASH)
                    .from(org.haven.core.db.jooq.Tables.APP_USER).fetchSingle().value1();
            assertThat(stored).startsWith("argon2id$").doesNotContain(new String(PASSWORD));
        }
    }

    @Test
    void connectionsUseTlsUnlessTheUrlSaysOtherwise() {
        OfficeConnection plain = TestPostgres.newDatabase();
        String withoutSslMode = plain.url().replace("?sslmode=disable", "");
        OfficeConnection defaulted = new OfficeConnection(withoutSslMode, plain.user(), plain.password());
        assertThat(defaulted.effectiveUrl()).endsWith("?sslmode=verify-full");
        assertThat(plain.effectiveUrl()).isEqualTo(plain.url());
        // the test server has no certificate: one clear line, no driver text
        assertThatThrownBy(() -> Haven.create(dir, defaulted, "boss", PASSWORD))
                .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e.getMessage())
                        .contains("does not offer TLS").doesNotContain("\n"));
    }

    @Test
    void aUrlThatIsNotPostgresIsRefusedAsBadInput() {
        assertThatThrownBy(() -> new OfficeConnection("jdbc:mysql://x/y", "u", null))
                .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e.kind()).isEqualTo(HavenException.Kind.BAD_INPUT));
        assertThat(Database.dialectFor("jdbc:postgresql://h/db")).isEqualTo(org.jooq.SQLDialect.POSTGRES);
        assertThat(Database.dialectFor("jdbc:h2:file:/x")).isEqualTo(org.jooq.SQLDialect.H2);
    }
}
