package org.haven.core.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.haven.core.common.HavenException;

/**
 * A laptop's connection to the office's sync service: TLS with the office's certificate pinned (any
 * other ends the connection before the password is sent), the Haven account in HTTP Basic, and the
 * failures a user can act on (wrong certificate or password: DENIED; no network: FAILURE).
 */
final class OfficeClient {
    private final HttpClient http;
    private final URI office;
    private final String basic;
    private final String context;

    /**
     * {@code context} ("join" or "sync") picks the failures' messages ({@code error.office.*.join|sync}): each
     * ends with what the failure left as it was ("nothing was written." when joining).
     */
    OfficeClient(URI office, String fingerprint, String username, char[] password, String context) {
        this.context = context;
        this.http = HttpClient.newBuilder().sslContext(PinnedTrust.context(fingerprint)).connectTimeout(Duration.ofSeconds(20)).build();
        this.office = office;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
    }

    <T> HttpResponse<T> get(String pathAndQuery, HttpResponse.BodyHandler<T> body) {
        return send(HttpRequest.newBuilder(office.resolve(pathAndQuery)).GET(), body);
    }

    HttpResponse<byte[]> post(String path, byte[] json) {
        return send(HttpRequest.newBuilder(office.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)), HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.header("Authorization", basic).timeout(Duration.ofMinutes(10)).build(), body);
        } catch (IOException e) {
            // Only the pinning check's refusal is a wrong certificate; a TLS connection cut in the middle
            // (the office's service stopped or killed, the network gone) is an SSLException too.
            if (wrongCertificate(e)) {
                throw HavenException.of(HavenException.Kind.DENIED, "error.office.fingerprint." + context);
            }
            throw HavenException.of(HavenException.Kind.FAILURE, "error.office.unreachable." + context, office.getHost(), String.valueOf(office.getPort()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HavenException.of(HavenException.Kind.FAILURE, "error.office.interrupted." + context);
        }
    }

    private static boolean wrongCertificate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException) return true;
        }
        return false;
    }

    /** An answer other than 200: what the user can do about it. */
    HavenException refused(int status) {
        return switch (status) {
            case 401 -> HavenException.of(HavenException.Kind.DENIED, "error.office.refused." + context);
            case 403 -> HavenException.of(HavenException.Kind.DENIED, "error.office.notOnLaptop." + context);
            default -> HavenException.of(HavenException.Kind.FAILURE, "error.office.error." + context, String.valueOf(status));
        };
    }
}
