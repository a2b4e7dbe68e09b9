package org.haven.bench;

import org.haven.core.security.KeyFile;

/**
 * Run by {@link StartupBench} in a fresh JVM: times the Argon2id key derivation as a cold start
 * pays it (first call, code still interpreted) and then warm, and prints both in milliseconds.
 */
public final class KeyDerivationProbe {
    static final String PREFIX = "haven-bench: derive ms ";

    private KeyDerivationProbe() {}

    public static void main(String[] args) {
        char[] password = "not-a-secret".toCharArray();
        StringBuilder out = new StringBuilder(PREFIX);
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            KeyFile.deriveOnceForTiming(password);
            out.append(i == 0 ? "" : " ").append((System.nanoTime() - t0) / 1_000_000);
        }
        System.out.println(out);
        System.out.println(StartupProbe.MARKER); // lets StartupBench.start collect the line above
    }
}
