package org.haven.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.haven.cli.HavenCli;
import org.haven.cli.HavenCli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 4: a database file that went back to an older state (truncated, a block zeroed, an
 * older copy) is refused as damaged instead of opening silently; the key file's record of the audit
 * head cannot be edited; a backup with a truncated inner database is refused; and a restore cannot
 * erase what the audit log recorded since the backup. As a script sees it: a real JVM per command.
 */
class DatabaseWentBackCliTest {
    @TempDir Path dir;

    Run haven(Path home, String... args) throws IOException, InterruptedException {
        return HavenCli.onHome(home, dir, "boss", "secret-pass-123").run(Map.of("HAVEN_NEW_PASSWORD", "other-pass-1234"), args);
    }

    Run ok(Path home, String... args) throws Exception {
        Run run = haven(home, args);
        assertThat(run.exit()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return run;
    }

    /** The data folder after some days of use, made once for the class (seven JVMs) and copied for each test. */
    @TempDir static Path template;
    private static Path history;

    /** Some days of use: demo data, three users, an import. */
    void history(Path home) throws Exception {
        if (history == null) {
            Path made = template.resolve("home");
            ok(made, "init", "--admin", "boss");
            ok(made, "demo", "--people", "300");
            for (String u : new String[] {"ann", "bob", "cat"}) ok(made, "user", "add", u, "--role", "caseworker");
            ok(made, "import", csv("first.csv", "First", 40).toString(), "--new-operation", "Raid X");
            ok(made, "stats");
            history = made;
        }
        Files.createDirectories(home);
        try (var files = Files.list(history)) {
            for (Path f : files.toList()) Files.copy(f, home.resolve(f.getFileName().toString()));
        }
    }

    Path csv(String name, String prefix, int rows) throws IOException {
        StringBuilder text = new StringBuilder("Full name,Sex,Nationality,Document status\n");
        for (int i = 1; i <= rows; i++) text.append(prefix).append(" Person").append(i).append(",F,VN,lost\n");
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    static void assertDamaged(Run run) {
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.errorLines()).hasSize(1);
        assertThat(run.err()).contains("damaged: restore from a backup").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aDatabaseTruncatedToHalfIsRefusedAsDamaged() throws Exception {
        Path home = dir.resolve("home");
        history(home);
        Path db = home.resolve("haven.mv.db");
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        assertDamaged(haven(home, "stats"));
        assertDamaged(haven(home, "audit", "verify"));
    }

    @Test
    void aZeroedBlockInTheNewestDataIsRefusedNotOpenedAsTheOlderState() throws Exception {
        Path home = dir.resolve("home");
        history(home);
        Path db = home.resolve("haven.mv.db");
        long before = Files.size(db);
        ok(home, "user", "add", "dan", "--role", "caseworker");
        ok(home, "import", csv("second.csv", "Second", 40).toString(), "--new-operation", "Raid Y");
        assertThat(Files.size(db)).isGreaterThan(before);
        // The first 4 KB block written by the last days' work: H2 then finds the state before them.
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(before / 4096 * 4096);
            f.write(new byte[4096]);
        }
        assertDamaged(haven(home, "stats"));
    }

    @Test
    void theRecordedHeadCannotBeEditedOrRemovedFromTheKeyFile() throws Exception {
        Path home = dir.resolve("home");
        ok(home, "init", "--admin", "boss");
        ok(home, "stats");
        Path keys = home.resolve("haven.keys");
        Properties good = read(keys);
        assertThat(good.getProperty("format")).isEqualTo("3");
        assertThat(good.getProperty("audit.seq")).isNotNull();

        Properties lowered = (Properties) good.clone();
        lowered.setProperty("audit.seq", "1"); // as an editor wanting an older database to pass
        lowered.setProperty("check", KeyFile.checksum(lowered));
        write(keys, lowered);
        Run edited = haven(home, "stats");
        assertThat(edited.exit()).isEqualTo(1);
        assertThat(edited.err()).contains("key file").contains("damaged");

        Properties stripped = (Properties) good.clone(); // back to the old, unsealed format
        for (String k : new String[] {"mac", "audit.seq", "audit.hash"}) stripped.remove(k);
        stripped.setProperty("format", "2");
        stripped.setProperty("check", KeyFile.checksum(stripped));
        write(keys, stripped);
        Run downgraded = haven(home, "stats");
        assertThat(downgraded.exit()).isEqualTo(1);
        assertThat(downgraded.err()).contains("key file").contains("damaged");

        write(keys, good);
        ok(home, "stats");
    }

    @Test
    void aDatabaseAheadOfItsKeyFileIsNotDamageAndTheHeadCatchesUp() throws Exception {
        // What a process killed between its commit and the key file write leaves behind.
        Path home = dir.resolve("home");
        ok(home, "init", "--admin", "boss");
        Path keys = home.resolve("haven.keys");
        byte[] older = Files.readAllBytes(keys);
        ok(home, "demo", "--people", "5");
        ok(home, "search", "", "--limit", "3");
        Files.write(keys, older);
        ok(home, "stats");
        String entries = ok(home, "audit", "verify").out().strip().split("\t")[1].split(" ")[0];
        ok(home, "stats");
        // The head recorded now is the database's: the LOGIN of that last stats.
        assertThat(Long.parseLong(read(keys).getProperty("audit.seq"))).isEqualTo(Long.parseLong(entries) + 1);
    }

    @Test
    void anOlderKeyFileFormatIsReadAndSealedAtTheNextOpen() throws Exception {
        Path home = dir.resolve("home");
        ok(home, "init", "--admin", "boss");
        Path keys = home.resolve("haven.keys");
        Properties legacy = read(keys);
        for (String k : new String[] {"mac", "audit.seq", "audit.hash"}) legacy.remove(k);
        legacy.setProperty("format", "2");
        legacy.setProperty("check", KeyFile.checksum(legacy));
        // A database that never had a sealed key file (an install before this version).
        try (var unlocked = Accounts.login(home, "boss", "secret-pass-123".toCharArray())) {
            unlocked.database().dsl().deleteFrom(org.haven.core.db.jooq.Tables.APP_SETTING)
                    .where(org.haven.core.db.jooq.Tables.APP_SETTING.SETTING_KEY.eq(AuditHeadGuard.SEALED_SETTING)).execute();
        }
        write(keys, legacy);
        ok(home, "stats");
        assertThat(read(keys).getProperty("format")).isEqualTo("3");
        assertThat(read(keys).getProperty("mac")).isNotNull();
    }

    @Test
    void aBackupWithATruncatedInnerDatabaseAndARecomputedManifestIsRefused() throws Exception {
        Path home = dir.resolve("home");
        history(home);
        Path backup = dir.resolve("b.haven");
        ok(home, "backup", "-o", backup.toString());

        Path forged = dir.resolve("forged.haven");
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            for (String name : new String[] {"haven.keys", "database.zip"}) {
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    parts.put(name, in.readAllBytes());
                }
            }
        }
        parts.put("database.zip", truncatedInner(parts.get("database.zip")));
        Properties manifest = new Properties();
        try (ZipFile zip = new ZipFile(backup.toFile()); InputStream in = zip.getInputStream(zip.getEntry("manifest.properties"))) {
            manifest.load(in);
        }
        for (var p : parts.entrySet()) manifest.setProperty(p.getKey() + ".sha256", Backups.sha256(new java.io.ByteArrayInputStream(p.getValue())));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(forged))) {
            zip.putNextEntry(new ZipEntry("manifest.properties"));
            manifest.store(zip, null);
            for (var p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
            }
        }

        Path target = dir.resolve("fresh");
        Run run = haven(target, "restore", forged.toString());
        assertThat(run.exit()).as(run.err()).isNotZero();
        assertThat(run.err()).contains("damaged");
        assertThat(target.resolve("haven.mv.db")).doesNotExist();
        ok(target, "restore", backup.toString()); // the real one restores
    }

    private static byte[] truncatedInner(byte[] databaseZip) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(databaseZip));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("haven.mv.db")) content = java.util.Arrays.copyOf(content, content.length / 2 / 4096 * 4096);
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
            }
        }
        return out.toByteArray();
    }

    @Test
    void restoringAnOlderBackupKeepsTheIdentifiedExportInTheAuditLog() throws Exception {
        Path home = dir.resolve("home");
        ok(home, "init", "--admin", "boss");
        ok(home, "demo", "--people", "5");
        Path backup = dir.resolve("before.haven");
        ok(home, "backup", "-o", backup.toString());
        ok(home, "export", "--identified", "--consent-override", "tests: consent not recorded", "-o", dir.resolve("everyone.csv").toString());
        ok(home, "restore", "--force", backup.toString());

        Run exports = ok(home, "audit", "list", "--action", "EXPORT_IDENTIFIED");
        assertThat(exports.out()).contains("EXPORT_IDENTIFIED").contains("carried over");
        assertThat(ok(home, "audit", "list", "--action", "BACKUP_RESTORED").out()).contains("carried over");
        assertThat(ok(home, "audit", "verify").out()).startsWith("audit ok");
    }

    static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    static void write(Path file, Properties p) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, null);
        }
    }
}
