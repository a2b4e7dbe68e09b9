package org.haven.core.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * An account's password on the office database: an Argon2id hash with its own salt and cost, stored
 * in app_user.password_hash as {@code argon2id$m=65536,t=3,p=4$SALT$HASH} (Base64). The cost is the
 * key file's (see {@link KeyFile}); a stored hash asking for more than its bounds is refused as damaged.
 */
final class PasswordHash {
    private static final String SCHEME = "argon2id";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {}

    static String of(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = KeyFile.derive(password, salt, KeyFile.ARGON_MEMORY_KIB, KeyFile.ARGON_ITERATIONS, KeyFile.ARGON_PARALLELISM);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String out = SCHEME + "$m=" + KeyFile.ARGON_MEMORY_KIB + ",t=" + KeyFile.ARGON_ITERATIONS + ",p=" + KeyFile.ARGON_PARALLELISM
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        Arrays.fill(hash, (byte) 0);
        return out;
    }

    /** True when the password gives the stored hash; a damaged or missing hash matches nothing. */
    static boolean matches(char[] password, String stored) {
        if (stored == null) return false;
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) return false;
        int m;
        int t;
        int p;
        byte[] salt;
        byte[] expected;
        try {
            String[] cost = parts[1].split(",");
            if (cost.length != 3 || !cost[0].startsWith("m=") || !cost[1].startsWith("t=") || !cost[2].startsWith("p=")) return false;
            m = Integer.parseInt(cost[0].substring(2));
            t = Integer.parseInt(cost[1].substring(2));
            p = Integer.parseInt(cost[2].substring(2));
            salt = Base64.getDecoder().decode(parts[2]);
            expected = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!KeyFile.costWithinBounds(m, t, p) || salt.length < 16 || expected.length != 32) return false;
        byte[] actual = KeyFile.derive(password, salt, m, t, p);
        boolean same = MessageDigest.isEqual(actual, expected);
        Arrays.fill(actual, (byte) 0);
        return same;
    }

    /** Spends the time of one check, so an unknown user name answers as slowly as a wrong password. */
    static void spendTime(char[] password) {
        KeyFile.deriveOnceForTiming(password);
    }
}
