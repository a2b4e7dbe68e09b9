package org.haven.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Looks at an office database before Haven uses it, writing nothing: can the service account
 * connect (TLS as the URL says), and is it Haven's database with accounts, an empty one on which
 * Haven can create its schema and first administrator (as `init --admin` does), or another program's.
 */
public final class OfficeProbe {
    public enum State {
        /** Haven's schema with at least one account: log in. */
        READY,
        /** No tables at all, or Haven's schema without accounts: the first administrator can be created. */
        EMPTY,
        /** Tables that are not Haven's: not touched. */
        NOT_HAVEN
    }

    private OfficeProbe() {}

    /** Connects with the service account and looks; failures are {@link OfficeConnectionException}s. */
    public static State probe(OfficeConnection office) {
        org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
        source.setURL(office.effectiveUrl());
        source.setUser(office.user());
        source.setPassword(new String(office.password()));
        source.setApplicationName("haven");
        try (Connection c = source.getConnection()) {
            c.setReadOnly(true);
            int tables = count(c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()");
            if (tables == 0) return State.EMPTY;
            boolean haven = count(c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                    + " AND table_name IN ('flyway_schema_history', 'app_user', 'case_file', 'audit_log')") == 4;
            if (!haven) return State.NOT_HAVEN;
            return count(c, "SELECT count(*) FROM app_user") > 0 ? State.READY : State.EMPTY;
        } catch (SQLException e) {
            throw OfficeErrors.translate(e, office);
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
