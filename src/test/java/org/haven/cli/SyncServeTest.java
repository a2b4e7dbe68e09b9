package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.haven.core.Haven;
import org.haven.core.db.OfficeConnection;
import org.haven.core.sync.PinnedTrust;
import org.haven.core.sync.ServiceCertificate;
import org.haven.core.sync.SyncServer;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `haven serve` on a real PostgreSQL office database: TLS with a self-signed certificate made on
 * first start and kept, a client that pinned another fingerprint refuses it, every request logs in
 * as a Haven account (wrong password: 401), and SIGTERM stops the command.
 */
class SyncServeTest {
    static final String BOSS = "boss";
    static final String PASSWORD = "secret-pass-123";
    @TempDir Path dir;

    @Test
    void servesOverPinnedTlsToHavenAccountsAndStopsOnSigterm() throws Exception {
        OfficeConnection office = TestPostgres.newDatabase();
        Path home = dir.resolve("office");
        try (Haven h = Haven.create(home, office, BOSS, PASSWORD.toCharArray())) {
            assertThat(h.user().username()).isEqualTo(BOSS);
        }

        ServiceCertificate cert = ServiceCertificate.inFolder(home);
        assertThat(ServiceCertificate.inFolder(home).fingerprint()).as("made once, kept").isEqualTo(cert.fingerprint());
        assertThat(cert.fingerprint()).matches("SHA256:[A-Za-z0-9+/]{43}");
        try (SyncServer server = SyncServer.start(home, office, 0, cert)) {
            URI whoami = URI.create("https://localhost:" + server.port() + "/v1/whoami");
            HttpClient pinned = HttpClient.newBuilder().sslContext(PinnedTrust.context(cert.fingerprint())).build();

            HttpResponse<String> ok = pinned.send(get(whoami, BOSS, PASSWORD), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("user\tboss").contains("roles\t").contains("coordinator");

            assertThat(pinned.send(get(whoami, BOSS, "wrong-password-1"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            assertThat(pinned.send(HttpRequest.newBuilder(whoami).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

            HttpClient other = HttpClient.newBuilder().sslContext(PinnedTrust.context("SHA256:" + "A".repeat(43))).build();
            assertThatThrownBy(() -> other.send(get(whoami, BOSS, PASSWORD), HttpResponse.BodyHandlers.ofString()))
                    .as("a certificate other than the pinned one is refused before any password is sent")
                    .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        }

        // The command: prints where it listens and the same fingerprint; SIGTERM stops it. An office
        // server has no window: it runs with no JavaFX (nor any UI library) on its class path.
        String withoutUi = java.util.Arrays.stream(Files.readString(Path.of("target/classpath.txt")).strip().split(java.io.File.pathSeparator))
                .filter(jar -> !jar.matches("(?i).*(javafx|openjfx|controlsfx|atlantafx|ikonli|testfx).*"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        assertThat(withoutUi).doesNotContainIgnoringCase("javafx");
        List<String> cmd = new ArrayList<>(List.of(HavenCli.JAVA, HavenCli.QUICK_JIT, HavenCli.SERIAL_GC, "-cp",
                "target/classes" + java.io.File.pathSeparator + withoutUi,
                "org.haven.Main", "serve", "--port", "0"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(Map.of("HAVEN_HOME", home.toString(), "HAVEN_DB_URL", office.url(),
                "HAVEN_DB_USER", "postgres", "HAVEN_DB_PASSWORD", ""));
        pb.redirectError(dir.resolve("serve.err").toFile());
        Process serve = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            String listening = out.readLine();
            String fingerprint = out.readLine();
            assertThat(listening).as(Files.readString(dir.resolve("serve.err"))).matches("listening\thttps://.+:\\d+");
            assertThat(fingerprint).isEqualTo("fingerprint\t" + cert.fingerprint());
            int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
            HttpClient pinned = HttpClient.newBuilder().sslContext(PinnedTrust.context(cert.fingerprint())).build();
            assertThat(pinned.send(get(URI.create("https://localhost:" + port + "/v1/whoami"), BOSS, PASSWORD),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
            assertThat(Files.readString(dir.resolve("serve.err"))).as("no stack trace").doesNotContain("Exception");
        } finally {
            serve.destroyForcibly();
        }
    }

    private static HttpRequest get(URI uri, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).header("Authorization", "Basic " + basic).build();
    }
}
