package org.haven.core.db;

import java.sql.SQLException;
import org.haven.core.common.HavenException;

/**
 * One plain line for each way connecting to the office database fails. The driver's own text is
 * matched only to choose the line; it is never shown (it can name files and settings that only
 * confuse a caseworker), and no message names the service account's password.
 */
final class OfficeErrors {
    private OfficeErrors() {}

    static OfficeConnectionException translate(SQLException e, OfficeConnection office) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String text = allMessages(e);
        String where = office.display();
        if (text.contains("does not support SSL")) {
            return new OfficeConnectionException(HavenException.Kind.FAILURE, OfficeConnectionException.Problem.NO_TLS, "The office database server " + where
                    + " does not offer TLS: ask IT to turn on TLS with a certificate (or add sslmode=disable to the URL on a trusted network only).", e);
        }
        if (text.contains("root certificate") || text.contains("\nTLS-FAILURE\n") || text.contains("hostnameverifier")) {
            return new OfficeConnectionException(HavenException.Kind.FAILURE, OfficeConnectionException.Problem.UNTRUSTED_CERTIFICATE, "The office database server " + where
                    + " has no certificate this computer trusts for that host name: ask IT for the server's CA certificate (root.crt).", e);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new OfficeConnectionException(HavenException.Kind.DENIED, OfficeConnectionException.Problem.ACCOUNT_REFUSED,
                    "The office database refused the service account: check HAVEN_DB_USER and HAVEN_DB_PASSWORD with IT.", null);
        }
        if (state.equals("3D000")) {
            return new OfficeConnectionException(HavenException.Kind.NOT_FOUND, OfficeConnectionException.Problem.NO_SUCH_DATABASE,
                    "The office database " + where + " does not exist: ask IT to create it (CREATE DATABASE).", null);
        }
        if (state.startsWith("08")) {
            return new OfficeConnectionException(HavenException.Kind.FAILURE, OfficeConnectionException.Problem.UNREACHABLE,
                    "Cannot reach the office database at " + where + ": check the network and the address with IT.", e);
        }
        return new OfficeConnectionException(HavenException.Kind.FAILURE, OfficeConnectionException.Problem.OTHER,
                "The office database could not be opened (error " + state + "): ask IT to check the server.", e);
    }

    private static String allMessages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) b.append(t.getMessage()).append('\n');
            if (t instanceof javax.net.ssl.SSLException) b.append("\nTLS-FAILURE\n");
        }
        return b.toString();
    }
}
