package org.haven.core.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.db.OfficeConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `haven serve`: the office's sync service over HTTPS (the JDK's HttpsServer). Every request logs
 * in as a Haven account (HTTP Basic inside TLS) through the same login as the window and the CLI,
 * so the same password check, lockout and audit hold; what it answers goes through the services,
 * so the same access rules hold. Laptops talk only to it, never to the database.
 */
public final class SyncServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncServer.class);
    private final HttpsServer server;
    private final ExecutorService workers;
    private final Path home;
    private final OfficeConnection office;

    private SyncServer(HttpsServer server, ExecutorService workers, Path home, OfficeConnection office) {
        this.server = server;
        this.workers = workers;
        this.home = home;
        this.office = office;
    }

    /** Starts serving the office database on {@code port} (0: any free port). */
    public static SyncServer start(Path home, OfficeConnection office, int port, ServiceCertificate cert) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(cert.keyStore(), cert.keyPassword());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            HttpsServer https = HttpsServer.create(new InetSocketAddress(port), 64);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            // Up to 20 laptops at once: a small pool, each request its own login and connection.
            ExecutorService workers = Executors.newFixedThreadPool(8);
            https.setExecutor(workers);
            SyncServer s = new SyncServer(https, workers, home, office);
            https.createContext("/v1/whoami", s.endpoint(null, NO_CHECK, s::whoami));
            https.createContext("/v1/snapshot", s::snapshot);
            https.createContext("/v1/push", s.endpoint("POST", SyncServer::pushTooLarge, s::push));
            https.createContext("/v1/changes", s.endpoint("GET", NO_CHECK, s::changes));
            https.createContext("/v1/hidden", s.endpoint("POST", NO_CHECK, s::hidden));
            https.createContext("/v1/arrivals", s.endpoint("POST", NO_CHECK, s::arrivals));
            https.createContext("/v1/bundle-key", s.endpoint("POST", NO_CHECK, s::bundleKey));
            https.start();
            return s;
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, "error.serve.port", String.valueOf(port), e.getClass().getSimpleName());
        } catch (GeneralSecurityException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, "error.serve.tls", e.getClass().getSimpleName());
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What one request does once its account is logged in; it answers the exchange itself. */
    @FunctionalInterface
    private interface LoggedIn {
        void handle(HttpExchange ex, Haven haven) throws IOException;
    }

    /** A check made before the login (which costs a password hash); true when it answered the request itself. */
    @FunctionalInterface
    private interface BeforeLogin {
        boolean answered(HttpExchange ex) throws IOException;
    }

    private static final BeforeLogin NO_CHECK = ex -> false;

    /**
     * The shape every request but the snapshot shares: the method ({@code null}: any), a check before the
     * login, the login (401), then the work; a refusal is 403 (not allowed) or 400 with its message, any
     * other failure 500 with no message (it may hold data; the log gets the exception's type only).
     */
    private HttpHandler endpoint(String method, BeforeLogin check, LoggedIn work) {
        return ex -> {
            try (ex) {
                if (method != null && !method.equals(ex.getRequestMethod())) {
                    ex.getResponseHeaders().set("Allow", method);
                    send(ex, 405, "use " + method + "\n");
                    return;
                }
                if (check.answered(ex)) return;
                try (Haven haven = login(ex)) {
                    if (haven == null) return;
                    work.handle(ex, haven);
                } catch (HavenException e) {
                    send(ex, e.kind() == HavenException.Kind.DENIED ? 403 : 400, e.getMessage() + "\n");
                } catch (RuntimeException e) {
                    LOG.error("Sync request failed: {}", e.getClass().getName());
                    send(ex, 500, "server error\n");
                }
            }
        };
    }

    /** Who the credentials belong to: the account's name and roles (a laptop checks them before joining). */
    private void whoami(HttpExchange ex, Haven haven) throws IOException {
        String roles = haven.user().roles().stream().map(r -> r.name().toLowerCase()).sorted().collect(Collectors.joining(","));
        send(ex, 200, "user\t" + haven.user().username() + "\nroles\t" + roles + "\nid\t" + haven.user().id()
                + "\nname\t" + oneLine(haven.user().displayName()) + "\n");
    }

    /** The largest push body accepted (a bigger one: 413, nothing applied); a longer outbox goes in several pushes. */
    public static final int MAX_PUSH_BYTES = 8 * 1024 * 1024;

    /**
     * {@code POST /v1/bundle-key}: the laptop's device code; answers {@code KEYID<TAB>SECRET} (base64), a
     * new secret for this account's laptop that USB bundles are sealed with (docs/adr/0021-usb-bundles.md).
     */
    private void bundleKey(HttpExchange ex, Haven haven) throws IOException {
        String device = new String(ex.getRequestBody().readNBytes(64), StandardCharsets.UTF_8).strip();
        if (!device.matches("[A-Z0-9]{1,10}")) {
            send(ex, 400, "malformed: the laptop's device code\n");
            return;
        }
        send(ex, 200, Bundle.issueKey(haven, device) + "\n");
    }

    /**
     * {@code POST /v1/hidden}: the laptop's case ids, one a line; answers, one a line, those the office
     * has and the account may no longer see (reassigned away): the laptop erases them.
     */
    private void hidden(HttpExchange ex, Haven haven) throws IOException {
        java.util.List<java.util.UUID> ids = caseIds(ex);
        if (ids == null) return;
        StringBuilder out = new StringBuilder();
        for (java.util.UUID id : new OfficeChanges(haven.database(), haven.session()).hidden(ids)) out.append(id).append('\n');
        send(ex, 200, out.toString());
    }

    /**
     * {@code POST /v1/arrivals}: the laptop's case ids, one a line; answers, in the snapshot's lines, the
     * cases the account may see that the laptop does not hold (assigned to it after it joined).
     */
    private void arrivals(HttpExchange ex, Haven haven) throws IOException {
        java.util.List<java.util.UUID> ids = caseIds(ex);
        if (ids == null) return;
        haven.session().requireCaseData();
        java.io.StringWriter out = new java.io.StringWriter();
        Snapshot.writeArrivals(haven, ids, out);
        send(ex, 200, out.toString());
    }

    /** The request's case ids, one a line; null when it answered the request itself (too many, malformed). */
    private static java.util.List<java.util.UUID> caseIds(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readNBytes(MAX_PUSH_BYTES + 1);
        if (body.length > MAX_PUSH_BYTES) {
            drain(ex);
            send(ex, 413, "too many ids\n");
            return null;
        }
        java.util.List<java.util.UUID> ids = new java.util.ArrayList<>();
        for (String line : new String(body, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            try {
                ids.add(java.util.UUID.fromString(line.strip()));
            } catch (IllegalArgumentException e) {
                send(ex, 400, "malformed: one case id a line\n");
                return null;
            }
        }
        return ids;
    }

    /**
     * {@code POST /v1/push}: a laptop's outbox entries (docs/sync.md, "The push protocol"), applied
     * under the logged-in account's access rules; answers per entry and the office's change number.
     */
    private void push(HttpExchange ex, Haven haven) throws IOException {
        byte[] body = ex.getRequestBody().readNBytes(MAX_PUSH_BYTES + 1);
        if (body.length > MAX_PUSH_BYTES) {
            drain(ex);
            send(ex, 413, "push too large: send at most " + MAX_PUSH_BYTES + " bytes per push\n");
            return;
        }
        PushJson.Push push = PushJson.read(body);
        OfficePush.Outcome outcome = new OfficePush(haven.database(), haven.session()).push(push.device(), push.entries());
        sendJson(ex, 200, PushJson.write(outcome));
    }

    /** A push whose declared length is over the limit is refused before the login (and its body drained). */
    private static boolean pushTooLarge(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.strip().matches("\\d{1,18}") && Long.parseLong(length.strip()) > MAX_PUSH_BYTES) {
            drain(ex);
            send(ex, 413, "push too large: send at most " + MAX_PUSH_BYTES + " bytes per push\n");
            return true;
        }
        return false;
    }

    /** {@code GET /v1/changes?after=SEQ[&limit=N]}: the office's changes this account may see, in sequence order. */
    private void changes(HttpExchange ex, Haven haven) throws IOException {
        long after = 0;
        int limit = OfficeChanges.DEFAULT_PAGE;
        String query = ex.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            String v = kv.length == 2 ? kv[1] : "";
            if (!v.matches("\\d{1,18}")) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.serve.numbers");
            switch (kv[0]) {
                case "after" -> after = Long.parseLong(v);
                case "limit" -> limit = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(v));
                default -> throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.serve.parameter");
            }
        }
        OfficeChanges.Page page = new OfficeChanges(haven.database(), haven.session()).after(after, limit);
        sendJson(ex, 200, PushJson.write(page));
    }

    private static void sendJson(HttpExchange ex, int status, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Everything the account may see, for a laptop that joins: streamed as lines (see {@link Snapshot});
     * the last line, {@code end<TAB>CASES}, tells the laptop it has all of it.
     */
    private void snapshot(HttpExchange ex) throws IOException {
        try (ex) {
            try (Haven haven = login(ex)) {
                if (haven == null) return;
                if (!haven.user().seesCaseData()) {
                    send(ex, 403, "This account works with no cases: only caseworkers and coordinators keep cases on a laptop.\n");
                    return;
                }
                ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                ex.sendResponseHeaders(200, 0);
                try (java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(ex.getResponseBody(), StandardCharsets.UTF_8))) {
                    Snapshot.write(haven, out);
                }
            } catch (HavenException e) {
                // Once the rows have started, only a missing end line can say it: the laptop then keeps nothing.
                if (ex.getResponseCode() == -1) send(ex, e.kind() == HavenException.Kind.DENIED ? 403 : 400, e.getMessage() + "\n");
            } catch (RuntimeException e) {
                // No message: it may hold data. A laptop that misses the end line keeps nothing.
                LOG.error("Sync snapshot failed: {}", e.getClass().getName());
            }
        }
    }

    /** Logs the request's account in, or answers 401 and returns null. */
    private Haven login(HttpExchange ex) throws IOException {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"haven\"");
            send(ex, 401, "log in with a Haven account\n");
            return null;
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            pair = "";
        }
        int colon = pair.indexOf(':');
        if (colon <= 0) {
            send(ex, 401, "log in with a Haven account\n");
            return null;
        }
        String user = pair.substring(0, colon);
        char[] password = pair.substring(colon + 1).toCharArray();
        try {
            return Haven.login(home, office, user, password);
        } catch (HavenException e) {
            if (e.kind() != HavenException.Kind.DENIED) throw e;
            send(ex, 401, e.getMessage() + "\n");
            return null;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}]", " ");
    }

    /**
     * Reads and drops what is left of a refused request body (up to twice the largest push): a server
     * that answers while the client is still sending closes a connection the client may then read no
     * answer from ("no bytes"), so the client would not learn why. Beyond that bound the connection is
     * closed anyway.
     */
    private static void drain(HttpExchange ex) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long left = 2L * MAX_PUSH_BYTES;
        java.io.InputStream in = ex.getRequestBody();
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) left -= n;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops accepting, lets running requests finish (up to 5 s), then stops. */
    @Override
    public void close() {
        server.stop(5);
        workers.shutdown();
    }
}
