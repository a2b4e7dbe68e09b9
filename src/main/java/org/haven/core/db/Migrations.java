package org.haven.core.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Whether a database already holds every migration bundled with this Haven, so that opening it can
 * skip Flyway (its start-up, class-path scan and validation cost a noticeable share of a cold start).
 * The check is strict: Flyway runs as before unless the history table lists exactly the bundled
 * versions, each applied successfully with the checksum Flyway computes for the bundled script.
 * An older database (fewer rows), a changed script, an unknown newer migration or a failed one all
 * make Flyway run, and Flyway migrates or refuses them as it always did.
 */
final class Migrations {
    static final String LOCATION = "db/migration";
    /**
     * The bundled scripts, in src/main/resources/db/migration. A test checks this list against the
     * folder, so a new migration cannot be forgotten here (which would skip it).
     */
    static final List<String> BUNDLED = List.of(
            "V1__initial_schema.sql",
            "V2__screening.sql",
            "V3__intake.sql",
            "V4__security.sql",
            "V5__matching.sql",
            "V5_1__matching_names.sql",
            "V6__performance.sql",
            "V7__document_status_unknown.sql",
            "V8__search_prefix.sql",
            "V9__list_sort_keys.sql",
            "V10__operation_member.sql",
            "V11__organisation_logo.sql",
            "V20__office_accounts.sql",
            "V21__case_htcds.sql",
            "V22__pending_import.sql",
            "V23__person_latin_derived.sql",
            "V24__sync_outbox.sql",
            "V25__sync_office.sql",
            "V26__one_index_per_key.sql",
            "V27__sync_rows.sql",
            "V28__audit_pending.sql",
            "V30__sync_conflict_row.sql",
            "V31__sync_merge_and_operations.sql");

    /**
     * The Java migrations (classes in org/haven/core/migrations, found by Flyway's scan): version to the
     * checksum each declares. A test checks this list against the classes.
     */
    static final String JAVA_LOCATION = "org/haven/core/migrations";
    static final Map<String, Integer> BUNDLED_JAVA = Map.of("32", 320_001);

    /** How many rows a database migrated by this Haven has in its Flyway history. */
    static int count() {
        return BUNDLED.size() + BUNDLED_JAVA.size();
    }

    /** The few PostgreSQL-only scripts (indexes of its own), in src/main/resources/db/vendor/postgresql. */
    static final String POSTGRESQL_LOCATION = "db/vendor/postgresql";
    static final List<String> POSTGRESQL_ONLY = List.of("V20_1__postgresql_pattern_indexes.sql");

    private Migrations() {}

    /** True when the embedded database's Flyway history matches the bundled migrations exactly. */
    static boolean upToDate(Connection c) {
        return upToDate(c, false);
    }

    /** The same for the embedded ({@code office} false) or the office database (with its own scripts). */
    static boolean upToDate(Connection c, boolean office) {
        Map<String, Integer> expected;
        try {
            expected = bundledChecksums();
            expected.putAll(BUNDLED_JAVA);
            if (office) expected.putAll(checksums(POSTGRESQL_LOCATION, POSTGRESQL_ONLY));
        } catch (IOException | RuntimeException e) {
            return false; // let Flyway decide
        }
        Map<String, Integer> applied = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"checksum\", \"success\", \"type\" FROM \"flyway_schema_history\"")) {
            while (rs.next()) {
                String version = rs.getString(1);
                int checksum = rs.getInt(2);
                boolean nullChecksum = rs.wasNull();
                boolean success = rs.getBoolean(3);
                String type = rs.getString(4);
                // Flyway's own marker rows (it writes a TABLE row when it creates the history table): no version, no script.
                if (version == null && success && ("TABLE".equals(type) || "SCHEMA".equals(type))) continue;
                if (version == null || nullChecksum || !success) return false;
                if (!"SQL".equals(type) && !("JDBC".equals(type) && BUNDLED_JAVA.containsKey(version))) return false;
                if (applied.put(version, checksum) != null) return false;
            }
        } catch (SQLException e) {
            return false; // no history table yet (a new database) or an unexpected one
        }
        return applied.equals(expected);
    }

    /** Version ("5.1") to Flyway checksum of every bundled script. */
    static Map<String, Integer> bundledChecksums() throws IOException {
        return checksums(LOCATION, BUNDLED);
    }

    private static Map<String, Integer> checksums(String location, List<String> scripts) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        for (String script : scripts) {
            try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(location + "/" + script)) {
                if (in == null) throw new IOException("missing migration " + script);
                out.put(version(script), checksum(in));
            }
        }
        return out;
    }

    /** "V5_1__matching_names.sql" -> "5.1", as Flyway reads it. */
    static String version(String script) {
        return script.substring(1, script.indexOf("__")).replace('_', '.');
    }

    /**
     * Flyway's checksum of a SQL script: a CRC32 over its lines read as UTF-8, each without its line
     * break, a byte-order mark removed from the first line.
     */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096)) {
            String line = r.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = r.readLine();
            }
        }
        return (int) crc.getValue();
    }
}
