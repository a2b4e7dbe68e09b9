package org.haven.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Slows down password guessing: after each failed unlock the next attempt waits longer
 * (1 s, 2 s, 4 s ... up to 30 s). The count lives in a small file in the data folder so it also
 * holds across CLI runs; it holds no personal data.
 */
final class LoginThrottle {
    static final String FILE_NAME = "login-attempts.properties";
    private static final long MAX_DELAY_MS = 30_000;
    private final Path file;

    LoginThrottle(Path home) {
        this.file = home.resolve(FILE_NAME);
    }

    int failuresSinceLastSuccess() {
        return Integer.parseInt(read().getProperty("failures", "0"));
    }

    void waitBeforeAttempt() {
        long delay = delayFor(failuresSinceLastSuccess());
        if (delay <= 0) return;
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long delayFor(int failures) {
        if (failures <= 0) return 0;
        return Math.min(MAX_DELAY_MS, 1000L << Math.min(failures - 1, 10));
    }

    void recordFailure() {
        Properties p = read();
        p.setProperty("failures", Integer.toString(failuresSinceLastSuccess() + 1));
        write(p);
    }

    void recordSuccess() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale counter only delays the next login
        }
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
                Integer.parseInt(p.getProperty("failures", "0"));
            } catch (IOException | IllegalArgumentException e) {
                p.clear();
            }
        }
        return p;
    }

    private void write(Properties p) {
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, null);
        } catch (IOException ignored) {
            // cannot record: the delay is a deterrent, not the lock itself
        }
    }
}
