package org.haven.core.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.haven.core.common.HavenException;
import org.haven.core.common.Version;
import org.haven.core.db.Database;

/**
 * Encrypted backups: one file (a zip container) holding a manifest with SHA-256 checksums, the key
 * file, and H2's consistent online copy of the encrypted database. Nothing in it is readable
 * without a user's password: the database pages are AES-encrypted with the database key, and that
 * key is only in the key file, wrapped under each user's Argon2id-derived key.
 *
 * <p>Restore checks the checksums, unlocks the copy with the caller's password in a staging
 * folder, and only then moves it into place; on any error before the swap the data folder is
 * untouched.
 */
public final class Backups {
    public static final String FORMAT = "haven-backup-1";
    static final String MANIFEST = "manifest.properties";
    static final String KEYS = "haven.keys";
    static final String DATABASE = "database.zip";
    private static final String DB_FILE = Database.FILE_BASE + ".mv.db";

    private Backups() {}

    /** What the manifest says about a verified backup file (no personal data in it). */
    public record Manifest(Instant createdAt, String havenVersion) {}

    /** The result of a restore: where the replaced data went (null when the folder was empty). */
    public record Restored(Manifest manifest, boolean auditIntact, Path replacedDataFolder) {}

    /** Writes a backup of the open database to {@code out}. Administrators only. */
    public static Manifest backup(Accounts.Unlocked unlocked, Path out) {
        return backup(unlocked, out, null);
    }

    /**
     * Writes a backup to {@code out}. On the office database (which has no database key) the rows
     * are first copied into a new encrypted H2 database whose key is wrapped for the administrator
     * making the backup under {@code password}: the file has the same format as a laptop's, and that
     * administrator's password restores it (into an office database, or into a data folder).
     */
    public static Manifest backup(Accounts.Unlocked unlocked, Path out, char[] password) {
        new Session(unlocked.user()).require(Role.ADMIN);
        if (unlocked.database().isOffice()) {
            if (password == null || !Accounts.verifyPassword(unlocked, password)) throw KeyFile.wrongPassword();
        }
        Database db = unlocked.database();
        Path home = db.home();
        Path target = out.toAbsolutePath();
        Path scratch = null;
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            if (target.getParent() != null) Files.createDirectories(target.getParent());
            scratch = Files.createTempDirectory(home, ".backup-");
            Path dbZip = scratch.resolve(DATABASE);
            Path keys;
            if (db.isOffice()) {
                keys = copyOfficeToEncryptedFile(db, scratch.resolve("copy"), unlocked.user().username(), password, dbZip);
            } else {
                // The key file first: the audit head it records is then never ahead of the database copy
                // (a commit in between only puts the copy ahead, which restore accepts).
                keys = scratch.resolve(KEYS);
                Files.copy(KeyFile.pathIn(home), keys);
                db.backupTo(dbZip);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Properties manifest = new Properties();
            manifest.setProperty("format", FORMAT);
            manifest.setProperty("created_at", now.toString());
            manifest.setProperty("haven_version", Version.current());
            manifest.setProperty(KEYS + ".sha256", sha256(keys));
            manifest.setProperty(DATABASE + ".sha256", sha256(dbZip));
            KeyFile.createPrivate(part);
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part))) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(zip, "Haven backup: the data in it is encrypted; a user's password is needed to restore it.");
                zip.closeEntry();
                copyEntry(zip, KEYS, keys);
                copyEntry(zip, DATABASE, dbZip);
            }
            move(part, target);
            db.inTransactionRun(tx -> {
                SecuritySettings.write(tx, SecuritySettings.LAST_BACKUP_AT, now.toString());
                AuditLog.record(tx, unlocked.user(), "BACKUP_CREATED", null, null, null);
            });
            return new Manifest(now, Version.current());
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.backup.writeFailed");
        } finally {
            deleteQuietly(part);
            deleteTree(scratch);
        }
    }

    /**
     * The office database's rows in a new encrypted H2 database in {@code folder} (its key wrapped for
     * this administrator), backed up into {@code dbZip}; returns that copy's key file.
     */
    private static Path copyOfficeToEncryptedFile(Database office, Path folder, String username, char[] password, Path dbZip) {
        byte[] key = KeyFile.newDatabaseKey();
        try (Database copy = Database.open(folder, key)) {
            // one read transaction on the server: a consistent snapshot even while others save
            office.dsl().transaction(cfg -> {
                cfg.dsl().execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                copy.inTransactionRun(target -> org.haven.core.db.TableCopy.copyAll(cfg.dsl(), target));
            });
            KeyFile.create(folder, username, password, key);
            copy.backupTo(dbZip);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
        return KeyFile.pathIn(folder);
    }

    /**
     * Restores a backup (of a laptop or of an office) into the office database: verified, unlocked with
     * an administrator's password in a staging folder, then copied in one transaction. An office
     * database that already has accounts is replaced only with {@code replace}, and only by one of its
     * own administrators (same credentials).
     */
    public static Restored restoreToOffice(Path file, Path home, org.haven.core.db.OfficeConnection office,
            String username, char[] password, boolean replace) {
        Manifest manifest = verify(file);
        Path staging = null;
        try (Database target = Database.openOffice(home, office)) {
            boolean existing = AccountRepository.any(target.dsl());
            if (existing && !replace) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.backup.officeNotEmpty");
            }
            if (existing) {
                try (Accounts.Unlocked current = Accounts.login(home, office, username, password)) {
                    new Session(current.user()).require(Role.ADMIN);
                }
            }
            org.haven.core.common.PrivateFiles.createFolder(home);
            staging = Files.createTempDirectory(home, ".restore-");
            extract(file, staging);
            boolean intact;
            try (Accounts.Unlocked copy = Accounts.login(staging, username, password)) {
                new Session(copy.user()).require(Role.ADMIN);
                intact = AuditLog.verify(copy.database()).intact();
                String hash = PasswordHash.of(password);
                target.inTransactionRun(tx -> {
                    org.haven.core.db.TableCopy.copyAll(copy.database().dsl(), tx);
                    // the restoring administrator can log in to the office with the password just used
                    AccountRepository.setPasswordHash(tx, copy.user().id(), hash);
                    SecuritySettings.write(tx, SecuritySettings.LAST_BACKUP_AT, manifest.createdAt().toString());
                    AuditLog.record(tx, copy.user(), "BACKUP_RESTORED", null, null, "backup of " + manifest.createdAt());
                });
            }
            return new Restored(manifest, intact, null);
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.backup.restoreFailedOffice");
        } finally {
            deleteTree(staging);
        }
    }

    /** Checks that the file is a complete, undamaged Haven backup, before anything else is done with it. */
    public static Manifest verify(Path file) {
        if (!Files.isRegularFile(file)) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.backup.noFile", file.toString());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry m = zip.getEntry(MANIFEST);
            if (m == null) throw damaged();
            Properties manifest = new Properties();
            try (InputStream in = zip.getInputStream(m)) {
                manifest.load(in);
            }
            if (!FORMAT.equals(manifest.getProperty("format"))) throw damaged();
            for (String name : new String[] {KEYS, DATABASE}) {
                ZipEntry e = zip.getEntry(name);
                if (e == null) throw damaged();
                try (InputStream in = zip.getInputStream(e)) {
                    if (!sha256(in).equals(manifest.getProperty(name + ".sha256"))) throw damaged();
                }
            }
            return new Manifest(Instant.parse(manifest.getProperty("created_at", "")), manifest.getProperty("haven_version", "?"));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw damaged();
        }
    }

    /**
     * Restores a backup into {@code home}. An empty (or absent) data folder is the normal case.
     * When a database is there, {@code replace} must be set and the same credentials must open it
     * as an administrator; its files are then moved (still encrypted) to a "replaced-..." folder.
     */
    public static Restored restore(Path file, Path home, String username, char[] password, boolean replace) {
        Manifest manifest = verify(file);
        boolean existing = Database.existsIn(home) || KeyFile.existsIn(home);
        if (existing && !replace) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.backup.folderNotEmpty");
        }
        // The current database's audit entries, to carry over those the backup does not hold: a restore
        // must not erase what was recorded since the backup (an identified export, say).
        List<AuditLog.Entry> currentEntries = List.of();
        boolean currentUnreadable = false;
        if (existing) {
            try (Accounts.Unlocked current = Accounts.login(home, username, password)) {
                new Session(current.user()).require(Role.ADMIN);
                currentEntries = AuditChainRepository.entries(current.database().dsl());
            } catch (HavenException e) {
                if (e.kind() != HavenException.Kind.FAILURE || !Database.existsIn(home)) throw e;
                // The current database is damaged (often the reason to restore): the password must still
                // unlock its key file; the restored log then records that nothing could be carried over.
                java.util.Arrays.fill(KeyFile.load(home).unwrap(username, password), (byte) 0);
                currentUnreadable = true;
            }
        }
        List<AuditLog.Entry> carried = currentEntries;
        boolean damagedCurrent = currentUnreadable;
        Path staging = null;
        try {
            org.haven.core.common.PrivateFiles.createFolder(home);
            staging = Files.createTempDirectory(home, ".restore-");
            extract(file, staging);
            boolean intact;
            try (Accounts.Unlocked copy = loginToBackup(staging, username, password)) {
                new Session(copy.user()).require(Role.ADMIN);
                intact = AuditLog.verify(copy.database()).intact();
                java.util.Set<String> inBackup = AuditChainRepository.hashes(copy.database().dsl());
                List<AuditLog.Entry> toCarry = carried.stream().filter(r -> !inBackup.contains(r.hash())).toList();
                copy.database().inTransactionRun(tx -> {
                    SecuritySettings.write(tx, SecuritySettings.LAST_BACKUP_AT, manifest.createdAt().toString());
                    for (AuditLog.Entry r : toCarry) AuditLog.carryOver(tx, r);
                    AuditLog.record(tx, copy.user(), "BACKUP_RESTORED", null, null, "backup of " + manifest.createdAt()
                            + (damagedCurrent ? "; the replaced database was damaged: its audit entries could not be"
                                    + " carried over (its files are kept in the replaced-... folder)"
                                    : "; " + toCarry.size() + " audit entries carried over from the replaced database"));
                });
            }
            Path aside = existing ? swapIn(staging, home) : null;
            if (!existing) {
                move(staging.resolve(KEYS), KeyFile.pathIn(home));
                move(staging.resolve(DB_FILE), home.resolve(DB_FILE));
            }
            org.haven.core.common.PrivateFiles.tighten(home); // the extracted files were created with the umask
            return new Restored(manifest, intact, aside);
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.backup.restoreFailed");
        } finally {
            deleteTree(staging);
        }
    }

    /** Unlocks the staged copy; a copy older than its own key file records (a truncated inner database) is a damaged backup. */
    private static Accounts.Unlocked loginToBackup(Path staging, String username, char[] password) {
        try {
            return Accounts.login(staging, username, password);
        } catch (AuditHeadGuard.DatabaseWentBack e) {
            throw damaged();
        }
    }

    /** Moves the current files aside, then the restored ones in; puts the old ones back on failure. */
    private static Path swapIn(Path staging, Path home) throws IOException {
        Path aside = home.resolve("replaced-" + Instant.now().toString().replace(':', '-'));
        Files.createDirectories(aside);
        Path db = home.resolve(DB_FILE);
        Path keys = KeyFile.pathIn(home);
        if (Files.exists(db)) move(db, aside.resolve(DB_FILE));
        if (Files.exists(keys)) move(keys, aside.resolve(KEYS));
        try {
            move(staging.resolve(KEYS), keys);
            move(staging.resolve(DB_FILE), db);
        } catch (IOException e) {
            Files.deleteIfExists(keys);
            Files.deleteIfExists(db);
            if (Files.exists(aside.resolve(DB_FILE))) move(aside.resolve(DB_FILE), db);
            if (Files.exists(aside.resolve(KEYS))) move(aside.resolve(KEYS), keys);
            throw e;
        }
        return aside;
    }

    private static void extract(Path file, Path staging) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            try (InputStream in = zip.getInputStream(zip.getEntry(KEYS))) {
                Files.copy(in, staging.resolve(KEYS));
            }
            boolean found = false;
            try (ZipInputStream inner = new ZipInputStream(zip.getInputStream(zip.getEntry(DATABASE)))) {
                for (ZipEntry e = inner.getNextEntry(); e != null; e = inner.getNextEntry()) {
                    if (e.getName().equals(DB_FILE)) {
                        Files.copy(inner, staging.resolve(DB_FILE));
                        found = true;
                    }
                }
            }
            if (!found) throw damaged();
        }
    }

    /** A damaged backup is bad input (CLI exit 2): the data in place is untouched. */
    private static HavenException damaged() {
        return HavenException.of(HavenException.Kind.BAD_INPUT, "error.backup.damaged");
    }

    private static void copyEntry(ZipOutputStream zip, String name, Path source) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(source, zip);
        zip.closeEntry();
    }

    private static void move(Path from, Path to) throws IOException {
        org.haven.core.common.AtomicFiles.moveIntoPlace(from, to);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream d = new DigestInputStream(in, md); OutputStream sink = OutputStream.nullOutputStream()) {
                d.transferTo(sink);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            if (p != null) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover .part file holds only encrypted data
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // leftovers are encrypted copies; the next run's folder has a new name
        }
    }
}
