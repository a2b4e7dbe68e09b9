package org.haven.core.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Slows down password guessing: each failed unlock makes the next attempt for that account wait
 * longer (1 s, 2 s, 4 s ... up to 30 s).
 *
 * <p>The counters live in the key file (fields {@code attempts.*}), read, checked and incremented
 * under the key file's lock ({@link KeyFileLock}), so parallel attempts from several processes are
 * all counted. An attempt is counted as a failure <em>before</em> the password is checked and taken
 * back only when it succeeds: parallel guesses each see the ones before them and wait for them, and
 * killing the process mid-attempt does not erase it. Deleting the key file makes the database
 * unreadable, so it cannot be used to reset the count.
 *
 * <p>Per account: a known user's failures delay only that user. All unknown user names share one
 * counter, and a known user also waits for that counter: otherwise the delay would tell which names
 * have accounts. Failures not yet in the audit log ({@code pending}) are written there at the next
 * successful login (the database cannot be written before it is unlocked). Typed unknown names are
 * never stored (someone may type a password into the name field).
 */
final class LoginThrottle {
    static final String FIELD_PREFIX = "attempts.";
    /** The counter file of earlier versions: read once (its failures reach the audit log), then deleted. */
    static final String LEGACY_FILE_NAME = "login-attempts.properties";
    private static final String UNKNOWN = "unknown";
    private static final String LEGACY = "legacy";
    private static final long MAX_DELAY_MS = 30_000;

    /** How a delay is waited; tests read the delays the throttle decided instead of timing them. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    static volatile Sleeper sleeper = Thread::sleep;

    private final Path home;
    private final String username;
    private String bucket;

    LoginThrottle(Path home, String username) {
        this.home = home;
        this.username = username;
    }

    static long delayFor(int failures) {
        if (failures <= 0) return 0;
        return Math.min(MAX_DELAY_MS, 1000L << Math.min(failures - 1, 10));
    }

    /** Counts this attempt as failed until {@link #succeeded()}, then waits for the delay earned before it. */
    void begin() {
        long delay = KeyFile.updateUnsealed(home, props -> {
            migrateLegacyFile(props);
            bucket = props.containsKey("user." + username + ".wrapped") ? "user." + username : UNKNOWN;
            int own = get(props, bucket, "failures");
            int unknown = get(props, UNKNOWN, "failures");
            add(props, bucket, "failures", 1);
            add(props, bucket, "pending", 1);
            return delayFor(Math.max(own, unknown));
        });
        if (delay <= 0) return;
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The password was right: this attempt was no failure, and the account's delay starts again. */
    void succeeded() {
        KeyFile.updateUnsealed(home, props -> {
            set(props, bucket, "failures", 0);
            set(props, UNKNOWN, "failures", 0);
            add(props, bucket, "pending", -1);
            return null;
        });
    }

    /** The attempt ended for another reason (damaged file, no such database): not a password guess. */
    void aborted() {
        KeyFile.updateUnsealed(home, props -> {
            add(props, bucket, "failures", -1);
            add(props, bucket, "pending", -1);
            return null;
        });
    }

    /** A failed password check that was written to the audit log at once (unlocking after auto-lock). */
    void failedAndAudited() {
        acknowledge(Map.of(bucket, 1));
    }

    /** Failures not yet in the audit log, per counter: "user.NAME", "unknown" or "legacy". */
    static Map<String, Integer> pending(Path home) {
        return KeyFile.updateUnsealed(home, props -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (String key : props.stringPropertyNames()) {
                if (key.startsWith(FIELD_PREFIX) && key.endsWith(".pending")) {
                    String b = key.substring(FIELD_PREFIX.length(), key.length() - ".pending".length());
                    int n = get(props, b, "pending");
                    if (n > 0) out.put(b, n);
                }
            }
            return out;
        });
    }

    /** After the audit entries for these failures committed: they are no longer pending. */
    static void acknowledge(Path home, Map<String, Integer> recorded) {
        KeyFile.updateUnsealed(home, props -> {
            recorded.forEach((b, n) -> add(props, b, "pending", -n));
            return null;
        });
    }

    private void acknowledge(Map<String, Integer> recorded) {
        acknowledge(home, recorded);
    }

    /** Current consecutive failures of a user (for tests and the unlock screen). */
    static int failures(Path home, String username) {
        return KeyFile.updateUnsealed(home, props -> get(props, "user." + username, "failures"));
    }

    /** The user name a "user.NAME" counter belongs to, or null for the unknown and legacy counters. */
    static String userOf(String bucket) {
        return bucket.startsWith("user.") ? bucket.substring(5) : null;
    }

    private void migrateLegacyFile(Properties props) {
        Path legacy = home.resolve(LEGACY_FILE_NAME);
        if (!Files.isRegularFile(legacy)) return;
        int n = 0;
        try (InputStream in = Files.newInputStream(legacy)) {
            Properties old = new Properties();
            old.load(in);
            n = Math.max(0, Integer.parseInt(old.getProperty("failures", "0").trim()));
        } catch (IOException | IllegalArgumentException unreadable) {
            // an unreadable old counter: nothing to carry over
        }
        add(props, LEGACY, "pending", n);
        add(props, UNKNOWN, "failures", n); // it was shared by all users: it keeps delaying all of them
        try {
            Files.deleteIfExists(legacy);
        } catch (IOException e) {
            throw org.haven.core.common.HavenException.of(org.haven.core.common.HavenException.Kind.FAILURE, e, "error.security.folderUpdate");
        }
    }

    private static int get(Properties props, String bucket, String field) {
        try {
            return Math.max(0, Integer.parseInt(props.getProperty(FIELD_PREFIX + bucket + "." + field, "0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void set(Properties props, String bucket, String field, int value) {
        String key = FIELD_PREFIX + bucket + "." + field;
        if (value <= 0) props.remove(key);
        else props.setProperty(key, Integer.toString(value));
    }

    private static void add(Properties props, String bucket, String field, int delta) {
        set(props, bucket, field, get(props, bucket, field) + delta);
    }
}
