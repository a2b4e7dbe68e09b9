package org.haven.core.db;

import java.util.Locale;
import org.haven.core.common.HavenException;

/**
 * Where the office database is: a PostgreSQL JDBC URL and the office's service account (from
 * HAVEN_DB_USER / HAVEN_DB_PASSWORD, set up by IT; caseworkers never type them). Without a URL
 * (no HAVEN_DB_URL, no --db), Haven uses the embedded encrypted database in the data folder.
 */
public record OfficeConnection(String url, String user, char[] password) {
    public static final String URL_ENV = "HAVEN_DB_URL";
    public static final String USER_ENV = "HAVEN_DB_USER";
    public static final String PASSWORD_ENV = "HAVEN_DB_PASSWORD";
    /** Set by `haven gui --db URL` for the window it opens. */
    public static final String URL_PROPERTY = "haven.db.url";
    private static final String PREFIX = "jdbc:postgresql://";

    public OfficeConnection {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith(PREFIX) || url.length() == PREFIX.length()) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.office.url");
        }
        if (user == null || user.isBlank()) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.office.account", String.valueOf(USER_ENV), String.valueOf(PASSWORD_ENV));
        }
        if (password == null) password = new char[0];
    }

    /**
     * The office database named by {@code explicitUrl} (the --db option), the haven.db.url property or HAVEN_DB_URL, with the
     * service account from the environment; null when neither names one (the embedded database).
     */
    public static OfficeConnection fromEnvironment(String explicitUrl) {
        String url = explicitUrl != null && !explicitUrl.isBlank() ? explicitUrl : System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) url = System.getenv(URL_ENV);
        if (url == null || url.isBlank()) return null;
        String password = System.getenv(PASSWORD_ENV);
        return new OfficeConnection(url.trim(), System.getenv(USER_ENV), password == null ? null : password.toCharArray());
    }

    /**
     * The URL the driver gets: TLS with the server's certificate checked against its host name
     * ({@code sslmode=verify-full}) unless the URL itself says otherwise.
     */
    public String effectiveUrl() {
        if (url.toLowerCase(Locale.ROOT).contains("sslmode=")) return url;
        return url + (url.contains("?") ? "&" : "?") + "sslmode=verify-full";
    }

    /** The URL without credentials or parameters, for messages (host, port and database name only). */
    public String display() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public String toString() {
        return "OfficeConnection[" + display() + ", user=" + user + "]"; // never the password
    }
}
