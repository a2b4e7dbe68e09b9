package org.haven.core.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.haven.core.common.HavenException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The embedded, encrypted H2 database in the data folder. Opening it needs the database key
 * (unwrapped from the key file by {@link org.haven.core.security.Accounts}); every open migrates it with
 * Flyway unless it already holds exactly the bundled migrations ({@link Migrations}), so an upgraded
 * Haven upgrades the schema of the data it finds. Longer than 400 lines: opening the file (key,
 * lock, damage, version checks, each with its own message), the office database's connection and
 * dialect, transactions and compaction on close are the one place that touches the store.
 */
public final class Database implements AutoCloseable {
    public static final String FILE_BASE = "haven";
    /** The embedded database's jOOQ dialect; {@link #dialectFor} is the one place a dialect is chosen. */
    public static final SQLDialect DIALECT = SQLDialect.H2;

    private final Path home;
    /** Replaced only by {@link #compactNow()} (a large import between its parts), never while a transaction runs. */
    private volatile JdbcConnectionPool pool;
    /** The embedded file's URL and passwords, to open it again after compacting it (null for the office database). */
    private final String reopenUrl;
    private final String reopenPasswords;
    private final SQLDialect dialect;
    /** The office database this is, or null for the embedded file. */
    private final OfficeConnection office;
    private final DSLContext dsl;
    private volatile boolean closed;
    private volatile boolean compactOnClose;
    private volatile boolean compactAfterGrowth;
    private volatile Runnable beforeCompaction = () -> {};
    private volatile Runnable afterCommit = () -> {};
    private final Thread shutdownHook;
    /**
     * H2's file system for the database file: always the disk ("file:"). Tests only put a fault-injecting
     * H2 file system here (a disk that fills up, see DiskFullTest): there is no other way to fill a disk in a test.
     */
    static volatile String filePathScheme = "file:";
    static final int COMPACT_BELOW_LIVE_PERCENT = 33;
    static final long COMPACT_MIN_FILE_BYTES = 4L << 20;
    static final long COMPACT_AFTER_GROWTH_BYTES = 16L << 20;

    private Database(Path home, JdbcConnectionPool pool, OfficeConnection office, String reopenPasswords) {
        this.home = home;
        this.pool = pool;
        this.office = office;
        this.reopenUrl = office == null ? jdbcUrl(home) : null;
        this.reopenPasswords = reopenPasswords;
        this.dialect = dialectFor(office == null ? jdbcUrl(home) : office.url());
        // Connections come from the current pool: compactNow() replaces it, and every service keeps this DSLContext.
        this.dsl = DSL.using(new org.jooq.ConnectionProvider() {
            @Override
            public Connection acquire() {
                try {
                    return Database.this.pool.getConnection();
                } catch (SQLException e) {
                    throw new org.jooq.exception.DataAccessException("Cannot get a connection", e);
                }
            }

            @Override
            public void release(Connection connection) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw new org.jooq.exception.DataAccessException("Cannot release a connection", e);
                }
            }
        }, dialect, settingsFor(dialect));
        // A SIGTERM or OS shutdown still closes the file cleanly.
        this.shutdownHook = new Thread(() -> closeQuietly(false), "haven-db-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static boolean existsIn(Path home) {
        return Files.isRegularFile(home.resolve(FILE_BASE + ".mv.db"));
    }

    /** Opens (creating when absent) and migrates the database with the given key. */
    public static Database open(Path home, byte[] databaseKey) {
        return open(home, databaseKey, dsl -> {});
    }

    /**
     * As {@link #open(Path, byte[])}, running {@code beforeMigrate} first: a file that went back to an
     * older state is refused before anything (a schema migration) is written into it.
     */
    public static Database open(Path home, byte[] databaseKey, Consumer<DSLContext> beforeMigrate) {
        // H2 reads ';' in its URL as the start of a setting: such a path would open (or create) the
        // database somewhere else. Refused before anything is created.
        if (home.toAbsolutePath().toString().contains(";")) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.db.semicolonInPath", String.valueOf(home));
        }
        requireWritable(home);
        try {
            org.haven.core.common.PrivateFiles.createFolder(home); // also tightens a folder found too open
        } catch (Exception e) {
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.db.cannotCreateFolder");
        }
        // An empty file is what a failed copy or a full disk leaves: H2 would start a new, empty database
        // in its place and the data would look gone; refuse it as damaged and leave the file as it is.
        Path file = home.resolve(FILE_BASE + ".mv.db");
        try {
            if (Files.isRegularFile(file) && Files.size(file) == 0) {
                throw HavenException.of(HavenException.Kind.FAILURE, "error.db.emptyFile");
            }
        } catch (java.io.IOException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.db.unreadable");
        }
        String url = jdbcUrl(home);
        HexFormat hex = HexFormat.of();
        String filePassword = hex.formatHex(databaseKey);
        String userPassword = hex.formatHex(sha256(databaseKey));
        JdbcConnectionPool pool = pool(url, filePassword + " " + userPassword);
        boolean upToDate;
        try (Connection probe = pool.getConnection()) {
            upToDate = Migrations.upToDate(probe);
            org.haven.core.common.PrivateFiles.tighten(home); // H2 creates its file with the process umask
            // H2's file lock is held now, so no other process is still writing these: a killed
            // export's or summary's half-written output is deleted.
            org.haven.core.common.PendingParts.cleanUp(home);
        } catch (SQLException e) {
            pool.dispose();
            throw translateOpenError(e);
        }
        if (CompactionOwed.isOwed(home)) {
            // A deletion was committed but Haven stopped before rewriting the file: finish it before anything else.
            compactNow(pool, home);
            pool = pool(url, filePassword + " " + userPassword);
        }
        try {
            beforeMigrate.accept(DSL.using(pool, org.jooq.SQLDialect.H2, new Settings().withExecuteLogging(false)));
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        // Flyway only when there is something to do or to refuse: a database whose history holds exactly
        // the bundled migrations (same checksums) skips it, which saves a good share of a cold start.
        if (!upToDate) migrate(pool);
        return new Database(home, pool, null, filePassword + " " + userPassword);
    }

    /**
     * The generated classes name tables as H2 stores them (upper case); PostgreSQL folds names to
     * lower case, so there they are rendered in lower case (still quoted, so no name is ever taken
     * as a keyword).
     */
    static Settings settingsFor(SQLDialect dialect) {
        Settings settings = new Settings().withExecuteLogging(false);
        if (dialect == SQLDialect.POSTGRES) settings.setRenderNameCase(org.jooq.conf.RenderNameCase.LOWER);
        return settings;
    }

    /**
     * jOOQ over a connection Haven does not own (a Flyway Java migration's), with the dialect and
     * name rendering of its database, as {@link #dsl()} has them.
     */
    public static DSLContext dslOver(Connection connection) {
        SQLDialect dialect;
        try {
            dialect = dialectFor(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.db.upgradeFailed");
        }
        return DSL.using(connection, dialect, settingsFor(dialect));
    }

    /** The jOOQ dialect for a JDBC URL: the one place it is chosen. */
    public static SQLDialect dialectFor(String jdbcUrl) {
        return jdbcUrl.toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:postgresql:") ? SQLDialect.POSTGRES : SQLDialect.H2;
    }

    /**
     * Opens (and migrates) the office database on a PostgreSQL server. The data folder then holds
     * only this machine's own files (language choice, login delays, unfinished output files), never
     * the data: that lives on the server.
     */
    public static Database openOffice(Path home, OfficeConnection office) {
        try {
            org.haven.core.common.PrivateFiles.createFolder(home);
        } catch (Exception e) {
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.db.cannotCreateFolder");
        }
        org.postgresql.ds.PGConnectionPoolDataSource source = new org.postgresql.ds.PGConnectionPoolDataSource();
        source.setURL(office.effectiveUrl());
        source.setUser(office.user());
        source.setPassword(new String(office.password()));
        source.setApplicationName("haven");
        source.setReWriteBatchedInserts(true); // a JDBC batch (imports, index rows) goes as multi-row INSERTs
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(8);
        boolean upToDate;
        try (Connection probe = pool.getConnection()) {
            upToDate = Migrations.upToDate(probe, true);
            org.haven.core.common.PendingParts.cleanUp(home);
        } catch (SQLException e) {
            pool.dispose();
            throw OfficeErrors.translate(e, office);
        }
        if (!upToDate) migrate(pool, "classpath:" + Migrations.LOCATION, "classpath:" + Migrations.JAVA_LOCATION,
                "classpath:" + Migrations.POSTGRESQL_LOCATION);
        return new Database(home, pool, office, null);
    }

    /** True on the office database (PostgreSQL), false on the embedded file. */
    public boolean isOffice() {
        return office != null;
    }

    /** The office database's connection (null for the embedded file). */
    public OfficeConnection office() {
        return office;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /**
     * H2 opens a file it cannot write read-only and fails later, at the first write, with an error that says
     * nothing useful; so a read-only data folder (a read-only mount, or a folder or file the user may only
     * read) is refused up front, before anything is touched. access(2) decides: root passes a 0500 folder
     * (it can write there) but not a read-only mount.
     */
    public static void requireWritable(Path home) {
        if (!Files.isDirectory(home)) return; // created below; a parent that cannot be written fails there
        Path file = home.resolve(FILE_BASE + ".mv.db");
        if (!Files.isWritable(home) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new org.haven.core.common.ReadOnlyDataFolderException(home.toAbsolutePath());
        }
    }

    private static JdbcConnectionPool pool(String url, String passwords) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "haven", passwords);
        pool.setMaxConnections(8);
        return pool;
    }

    /** Rewrites the file with its live data only (closing the database), then forgets the owed compaction. */
    private static void compactNow(JdbcConnectionPool pool, Path home) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            pool.dispose();
            throw translateOpenError(e);
        }
        pool.dispose();
        org.haven.core.common.PrivateFiles.tighten(home);
        CompactionOwed.done(home);
    }

    private static void migrate(JdbcConnectionPool pool) {
        migrate(pool, "classpath:" + Migrations.LOCATION, "classpath:" + Migrations.JAVA_LOCATION);
    }

    /** Flyway with the shared migrations (and, on the office database, its own few in a folder of their own). */
    private static void migrate(JdbcConnectionPool pool, String... locations) {
        try {
            Flyway.configure().dataSource(pool).locations(locations)
                    .loggers("slf4j").load().migrate();
        } catch (FlywayException e) {
            pool.dispose();
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.db.upgradeFailed");
        }
    }

    static String jdbcUrl(Path home) {
        // CIPHER=AES: the file is encrypted. WRITE_DELAY=0: each commit writes its MVStore chunk to the
        // file before it returns (no fsync: it survives a killed process, not a power cut; see docs/benchmarks.md).
        // REUSE_SPACE=FALSE: new chunks are appended, never written into freed space; with reuse, the crash
        // test lost a returned commit after a SIGKILL (CrashSafetyTest). The file is compacted on close.
        // CACHE_SIZE=131072 (KB): H2's default page cache is 16 MB; at 100k cases searches then decrypt the
        // same pages again and again (hit ratio ~50%). 128 MB holds the hot indexes (docs/benchmarks.md).
        // TRACE_LEVEL_FILE=0: no .trace.db file that could hold SQL with personal data.
        return "jdbc:h2:" + filePathScheme + home.resolve(FILE_BASE).toAbsolutePath()
                + ";CIPHER=AES;WRITE_DELAY=0;REUSE_SPACE=FALSE;CACHE_SIZE=131072;TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE";
    }

    private static HavenException translateOpenError(SQLException e) {
        int code = e.getErrorCode();
        if (code == 90049 || code == 28000) {
            // The key came out of the key file intact (AES-GCM checked it), so the password was right:
            // the database file is damaged, or it and the key file come from different installations.
            // Exit 3 (not allowed): most often a key file copied from another installation.
            return HavenException.of(HavenException.Kind.DENIED, "error.db.keyFileMismatch");
        }
        if (code == 90020) {
            return HavenException.of(HavenException.Kind.FAILURE, "error.db.inUse");
        }
        if (code == 90030 || code == 90048 || code == 50000 || code == 90028) {
            return HavenException.of(HavenException.Kind.FAILURE, "error.db.damaged");
        }
        return HavenException.of(HavenException.Kind.FAILURE, "error.db.openFailed", String.valueOf(code));
    }

    /**
     * H2's own figures: the file's size, the share of it in chunks, and the share of live pages in
     * those chunks. If they cannot be read, no compaction: the plain SHUTDOWN must still run.
     */
    private static boolean mostlyOldCopies(Statement s) {
        long fileBytes = 0;
        int fillPercent = 100;
        int chunksFillPercent = 100;
        try (java.sql.ResultSet r = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                + "WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (r.next()) {
                try {
                    long value = Long.parseLong(r.getString(2).trim());
                    switch (r.getString(1)) {
                        case "info.FILE_SIZE" -> fileBytes = value;
                        case "info.FILL_RATE" -> fillPercent = (int) value;
                        default -> chunksFillPercent = (int) value;
                    }
                } catch (NumberFormatException unexpected) {
                    return false; // another H2 version's format: never compact on a guess
                }
            }
        } catch (SQLException unreadable) {
            return false;
        }
        return shouldCompact(fileBytes, fillPercent, chunksFillPercent);
    }

    /** Compact when live data is under a third of a file of at least 4 MB (a small file costs nothing to keep). */
    static boolean shouldCompact(long fileBytes, int fillPercent, int chunksFillPercent) {
        return fileBytes >= COMPACT_MIN_FILE_BYTES && fillPercent * chunksFillPercent < COMPACT_BELOW_LIVE_PERCENT * 100;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path home() {
        return home;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** Runs the work in one transaction: all of it is committed, or none of it. */
    public <T> T inTransaction(Function<DSLContext, T> work) {
        T result = dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
        afterCommit.run();
        return result;
    }

    public void inTransactionRun(Consumer<DSLContext> work) {
        dsl.transaction(cfg -> work.accept(cfg.dsl()));
        afterCommit.run();
    }

    /**
     * Runs after every committed transaction of {@link #inTransaction}: the security package records
     * the audit chain's head outside the file there, so a file that went back in time is noticed.
     */
    public void afterCommit(Runnable listener) {
        this.afterCommit = listener;
    }

    /** A consistent copy of the whole database, encrypted with the same key (for backups). */
    public void backupTo(Path file) {
        if (office != null) throw new IllegalStateException("backupTo is the embedded database's online copy");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.db.backupFailed");
        }
    }

    /**
     * Asks for a full rewrite of the file when the database closes (after a person was deleted):
     * H2 keeps old copies of changed pages in the file until they are overwritten, and a full
     * compaction rewrites only the live data, so the deleted rows' old pages leave the file.
     */
    public void compactOnClose() {
        compactOnClose = true;
    }

    /** The size of the database file now (0 if it cannot be read). */
    public long fileSize() {
        try {
            return Files.size(home.resolve(FILE_BASE + ".mv.db"));
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /**
     * After a large write (an import): the file is rewritten at the next clean close (the end of the
     * CLI command; log out or quit in the window; not the shutdown hook) when it grew by at least {@value #COMPACT_AFTER_GROWTH_BYTES}
     * bytes and a quarter of its size before. Every page an import changes is appended as a new copy
     * (REUSE_SPACE=FALSE), so a large import leaves mostly old copies behind, which the usual rule
     * (live data under a third) does not always catch in a database that already holds much.
     */
    public void compactOnCloseIfGrown(long sizeBefore) {
        long growth = fileSize() - sizeBefore;
        if (growth >= COMPACT_AFTER_GROWTH_BYTES && growth >= sizeBefore / 4) compactAfterGrowth = true;
    }

    /**
     * Like {@link #compactOnClose()}, and first records on disk that a compaction is owed, so that a
     * crash before the close still gets the file rewritten at the next open. Call it before committing
     * a deletion.
     */
    public void owesCompaction() {
        if (office != null) return; // the server reclaims dead rows itself (VACUUM)
        CompactionOwed.record(home);
        compactOnClose = true;
    }

    /**
     * Rewrites the file with only its live data now and opens it again: a large import does this between
     * its parts (each its own commit, see {@code PendingImports}), so the old copies of pages its parts
     * left behind (REUSE_SPACE=FALSE) never pile up to many times the data. Call it only between
     * transactions. A compaction that fails (a full disk) leaves the file as it was; the database is opened again.
     * Nothing to do on the office database.
     */
    public synchronized void compactNow() {
        if (office != null || closed) return;
        SQLException failed = null;
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            failed = e;
        }
        pool.dispose();
        org.haven.core.common.PrivateFiles.tighten(home); // SHUTDOWN COMPACT rewrote the file with the umask
        pool = pool(reopenUrl, reopenPasswords);
        if (failed != null) throw new org.jooq.exception.DataAccessException("The database could not be compacted", failed);
        if (!compactOnClose) CompactionOwed.done(home);
    }

    /**
     * Compacts now ({@link #compactNow()}) when the file grew, since {@code baselineBytes} (its size after
     * the last compaction), by more than that size and at least {@value #COMPACT_AFTER_GROWTH_BYTES} bytes.
     * So the file stays under about twice its live data plus one part's growth, and the number of
     * rewrites grows with the logarithm of the import, not with its parts. Returns the new baseline.
     */
    public long compactIfGrownSince(long baselineBytes) {
        long size = fileSize();
        if (office != null || size - baselineBytes < Math.max(COMPACT_AFTER_GROWTH_BYTES, baselineBytes)) return baselineBytes;
        compactNow();
        return fileSize();
    }

    /** Called just before a close rewrites the file (it can take a minute at 100,000 cases): the CLI says so. */
    public void beforeCompaction(Runnable notice) {
        this.beforeCompaction = notice;
    }

    /**
     * Closes the database cleanly. The file is rewritten with only its live data ({@code SHUTDOWN
     * COMPACT}) after a deletion, or when old copies of pages fill two thirds of it: with
     * {@code REUSE_SPACE=FALSE} (needed for crash safety, see docs/benchmarks.md) every commit is
     * appended and nothing else ever shrinks the file (about 150 MB per 1,000 saves at 100,000 cases).
     */
    @Override
    public void close() {
        closeQuietly(true);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // nothing to do: the hook is running or has run
        }
    }

    /** True once the database was closed (quit, log out, shutdown hook). */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** The shutdown hook (SIGTERM, OS shutdown) closes without compacting: there may be no time for it. */
    private synchronized void closeQuietly(boolean mayCompact) {
        if (closed) return;
        closed = true;
        if (office != null) {
            pool.dispose(); // the server keeps the data; nothing to compact on this machine
            return;
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            // A deletion's rewrite happens even in the shutdown hook; space alone is left to a clean close.
            boolean compact = compactOnClose || (mayCompact && (compactAfterGrowth || mostlyOldCopies(s)));
            if (compact) beforeCompaction.run();
            s.execute(compact ? "SHUTDOWN COMPACT" : "SHUTDOWN");
            if (compact) CompactionOwed.done(home);
        } catch (SQLException ignored) {
            // already closed
        }
        pool.dispose();
        org.haven.core.common.PrivateFiles.tighten(home); // SHUTDOWN COMPACT rewrote the file with the umask
    }
}
