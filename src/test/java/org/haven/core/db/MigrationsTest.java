package org.haven.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.haven.core.common.HavenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening skips Flyway only when every bundled migration is applied unchanged; otherwise Flyway migrates or refuses as before. */
class MigrationsTest {
    @TempDir
    Path dir;

    private final byte[] key = newKey();

    /**
     * A migration that has reached a database is never edited again (even a comment): Flyway refuses
     * every existing database whose history holds the old checksum ("could not be upgraded"). A new
     * change is a new migration. When a migration is added, add its checksum here.
     */
    static final java.util.Map<String, Integer> RELEASED = java.util.Map.ofEntries(
            java.util.Map.entry("1", 2018987668), java.util.Map.entry("2", -1027898373), java.util.Map.entry("3", 1903529988),
            java.util.Map.entry("4", -734280172), java.util.Map.entry("5", 1264261569), java.util.Map.entry("5.1", -783070003),
            java.util.Map.entry("6", 1061123662), java.util.Map.entry("7", 2131908662), java.util.Map.entry("8", -473746787),
            java.util.Map.entry("9", 1874161822), java.util.Map.entry("10", 2070990097), java.util.Map.entry("11", -735927431),
            java.util.Map.entry("20", 2083311073), java.util.Map.entry("21", -1866203689), java.util.Map.entry("22", 1246375978),
            java.util.Map.entry("23", -1967665490), java.util.Map.entry("24", 1801250108), java.util.Map.entry("25", -1079252995),
            java.util.Map.entry("26", -1515254455), java.util.Map.entry("27", 2329986),
            java.util.Map.entry("28", 1886797062),
            java.util.Map.entry("30", 1257171906),
            java.util.Map.entry("31", -150914539));

    @Test
    void releasedMigrationsAreNeverEdited() throws Exception {
        assertThat(Migrations.bundledChecksums()).containsExactlyInAnyOrderEntriesOf(RELEASED);
    }

    @Test
    void theListNamesEveryBundledMigration() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", Migrations.LOCATION))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")))
                    .containsExactlyInAnyOrderElementsOf(Migrations.BUNDLED);
        }
        assertThat(Migrations.version("V5_1__matching_names.sql")).isEqualTo("5.1");
        assertThat(Migrations.version("V10__x.sql")).isEqualTo("10");
    }

    @Test
    void theJavaListNamesEveryJavaMigrationWithItsChecksum() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/java", Migrations.JAVA_LOCATION))) {
            assertThat(files.map(p -> p.getFileName().toString()).map(n -> Migrations.version(n)))
                    .containsExactlyInAnyOrderElementsOf(Migrations.BUNDLED_JAVA.keySet());
        }
        assertThat(Migrations.BUNDLED_JAVA).containsEntry("32", org.haven.core.migrations.V32__Index_backfills.CHECKSUM);
    }

    @Test
    void aNewDatabaseIsMigratedAndThenSkipsFlyway() throws Exception {
        Database.open(dir, key).close();
        try (Connection c = connect()) {
            assertThat(count(c)).isEqualTo(Migrations.count());
            assertThat(Migrations.upToDate(c)).as("our checksums are Flyway's").isTrue();
        }
        try (Database db = Database.open(dir, key)) { // reopened without Flyway: still works
            assertThat(db.dsl().fetchCount(org.haven.core.db.jooq.Tables.PERSON)).isZero();
        }
        try (Connection c = connect()) {
            assertThat(count(c)).isEqualTo(Migrations.count());
        }
    }

    @Test
    void anOlderDatabaseIsMigratedOnOpen() throws Exception {
        Database.open(dir, key).close(); // creates the encrypted file
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP ALL OBJECTS");
        }
        Flyway.configure().dataSource(Database.jdbcUrl(dir), "haven", passwords()).locations("classpath:" + Migrations.LOCATION)
                .target("5").load().migrate();
        try (Connection c = connect()) {
            assertThat(count(c)).isEqualTo(5); // V1..V5
            assertThat(Migrations.upToDate(c)).isFalse();
        }
        try (Database db = Database.open(dir, key)) {
            assertThat(db.dsl().fetchCount(org.haven.core.db.jooq.Tables.PERSON)).isZero();
        }
        try (Connection c = connect()) {
            assertThat(count(c)).isEqualTo(Migrations.count());
            assertThat(Migrations.upToDate(c)).isTrue();
        }
    }

    @Test
    void aChangedMigrationIsStillRefused() throws Exception {
        Database.open(dir, key).close();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '3'");
            assertThat(Migrations.upToDate(c)).isFalse();
        }
        assertThatThrownBy(() -> Database.open(dir, key)).isInstanceOf(HavenException.class)
                .hasMessageContaining("could not be upgraded");
    }

    @Test
    void anUnknownNewerMigrationLeavesItToFlyway() throws Exception {
        Database.open(dir, key).close();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                    + " \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (99, '99', 'future', 'SQL', 'V99__future.sql',"
                    + " 1, 'haven', 1, TRUE)");
            assertThat(Migrations.upToDate(c)).isFalse();
        }
    }

    @Test
    void aFailedMigrationLeavesItToFlyway() throws Exception {
        Database.open(dir, key).close();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '9'");
            assertThat(Migrations.upToDate(c)).isFalse();
        }
        assertThatThrownBy(() -> Database.open(dir, key)).isInstanceOf(HavenException.class);
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(Database.jdbcUrl(dir), "haven", passwords());
    }

    private String passwords() throws Exception {
        HexFormat hex = HexFormat.of();
        return hex.formatHex(key) + " " + hex.formatHex(MessageDigest.getInstance("SHA-256").digest(key));
    }

    private static int count(Connection c) throws Exception {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"type\" IN ('SQL', 'JDBC')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static byte[] newKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }
}
