package org.haven.core.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.haven.core.common.HavenException;

/**
 * The key file beside the database: the random database key, wrapped once per user with
 * AES-256-GCM under a key derived from that user's password by Argon2id. No password is stored,
 * and adding a user or changing a password rewrites only this small file, never the database.
 * Longer than 400 lines: the file's format, its atomic rewrite and every check on reading it (a
 * damaged, foreign or older file) are kept together so that the format has one reader and one writer.
 */
public final class KeyFile {
    public static final String FILE_NAME = "haven.keys";

    /**
     * Argon2id cost for new wraps. OWASP's minimum (Password Storage Cheat Sheet) is one of
     * m=47104 KiB/t=1, m=19456 KiB/t=2, ... with p=1. This key protects the whole database against
     * offline guessing on a seized laptop, so we use RFC 9106's second recommended option
     * (m=64 MiB, t=3, p=4): about 4 times OWASP's minimum work, 0.2-0.5 s per unlock here.
     * Each entry stores its own parameters, so raising them later needs no migration.
     */
    static final int ARGON_MEMORY_KIB = 65536;
    static final int ARGON_ITERATIONS = 3;
    static final int ARGON_PARALLELISM = 4;

    /**
     * The most an entry may ask for: 4 times the cost of a new wrap. An edited file asking for more
     * (e.g. m=2^31 KiB, t=2^31) would exhaust memory or run for days; it is reported as damaged.
     */
    static final int MAX_MEMORY_KIB = 4 * ARGON_MEMORY_KIB;
    static final int MAX_ITERATIONS = 4 * ARGON_ITERATIONS;
    static final int MAX_PARALLELISM = 16;

    static boolean costWithinBounds(int memoryKib, int iterations, int parallelism) {
        return parallelism >= 1 && parallelism <= MAX_PARALLELISM && memoryKib >= 8 * parallelism
                && memoryKib <= MAX_MEMORY_KIB && iterations >= 1 && iterations <= MAX_ITERATIONS;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path file;
    private final Properties entries;

    private KeyFile(Path file, Properties entries) {
        this.file = file;
        this.entries = entries;
    }

    public static Path pathIn(Path home) {
        return home.resolve(FILE_NAME);
    }

    public static boolean existsIn(Path home) {
        return Files.isRegularFile(pathIn(home));
    }

    public static KeyFile load(Path home) {
        Path file = pathIn(home);
        if (!Files.exists(file)) throw missing();
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw corrupt();
        }
        // Format 2 adds a checksum over all entries: a truncated or edited file is reported as
        // damaged, not as a wrong password. Format 1 (no checksum) is still read, and upgraded on save.
        // Format 3 adds a MAC under a key derived from the database key (checked by verifyMac once a
        // password has unwrapped that key) and the audit chain's head.
        String format = props.getProperty("format");
        if ("2".equals(format) || "3".equals(format)) {
            if (!checksum(props).equals(props.getProperty("check"))) throw corrupt();
        } else if (!"1".equals(format)) {
            throw corrupt();
        }
        if ("3".equals(format) && props.getProperty("mac") == null) throw corrupt();
        return new KeyFile(file, props);
    }

    /** Reads the file again from disk (under the lock, before a change), or an empty one when it is not there yet. */
    private static Properties reread(Path file) {
        if (!Files.exists(file)) return new Properties();
        return load(file.getParent()).entries;
    }

    /** A new key file with a fresh random database key, readable by the first user only. */
    public static KeyFile create(Path home, String username, char[] password, byte[] databaseKey) {
        Properties props = new Properties();
        props.setProperty("format", "1");
        KeyFile keyFile = new KeyFile(pathIn(home), props);
        keyFile.wrapFor(username, password, databaseKey);
        return keyFile;
    }

    /** The audit chain's head as this file last recorded it: entry count and the last entry's hash. */
    public record AuditHead(long seq, String hash) {}

    /** Empty for a key file written before format 3 (it is recorded at the next successful open). */
    public java.util.Optional<AuditHead> auditHead() {
        String seq = entries.getProperty("audit.seq");
        String hash = entries.getProperty("audit.hash");
        if (seq == null || hash == null) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(new AuditHead(Long.parseLong(seq), hash));
        } catch (NumberFormatException e) {
            throw corrupt();
        }
    }

    /** True when the file carries a MAC (format 3); false for an older file not yet migrated. */
    public boolean sealed() {
        return entries.getProperty("mac") != null;
    }

    /**
     * Checks the MAC with the database key a password has just unwrapped: an edit by someone without
     * a password (audit head, Argon2 parameters, entries) is reported as a damaged key file.
     */
    public void verifyMac(byte[] databaseKey) {
        String mac = entries.getProperty("mac");
        if (mac != null && !java.security.MessageDigest.isEqual(
                mac.getBytes(StandardCharsets.US_ASCII), mac(entries, databaseKey).getBytes(StandardCharsets.US_ASCII))) {
            throw corrupt();
        }
    }

    /** Records the audit chain's head (after each commit that appended to it), sealed with the MAC. */
    public static void recordAuditHead(Path home, byte[] databaseKey, long seq, String hash) {
        update(pathIn(home), databaseKey, props -> {
            String old = props.getProperty("audit.seq");
            // Two writers may race after their commits: never move the recorded head backwards.
            if (old != null && Long.parseLong(old) > seq) return;
            props.setProperty("audit.seq", Long.toString(seq));
            props.setProperty("audit.hash", hash);
        });
    }

    /**
     * A change to the fields no MAC covers (the login attempt counters): possible without the database
     * key, as a failed login must be counted. Read, changed and written under the key file's lock.
     */
    static <T> T updateUnsealed(Path home, java.util.function.Function<Properties, T> change) {
        if (!Files.exists(pathIn(home))) throw missing();
        Object[] result = new Object[1];
        update(pathIn(home), null, props -> result[0] = change.apply(props));
        @SuppressWarnings("unchecked") T t = (T) result[0];
        return t;
    }

    /** Reads the current file under the lock, applies the change, and writes it back atomically. */
    private static void update(Path file, byte[] databaseKey, java.util.function.Consumer<Properties> change) {
        KeyFileLock.run(file.getParent(), () -> {
            Properties props = reread(file);
            change.accept(props);
            write(file, props, databaseKey);
        });
    }

    public static byte[] newDatabaseKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public Set<String> usernames() {
        Set<String> names = new TreeSet<>();
        for (String key : entries.stringPropertyNames()) {
            if (key.startsWith("user.") && key.endsWith(".wrapped")) {
                names.add(key.substring(5, key.length() - 8));
            }
        }
        return names;
    }

    public boolean hasUser(String username) {
        return entries.containsKey(prefix(username) + "wrapped");
    }

    /** The database key, or a DENIED exception when the user is unknown or the password is wrong. */
    public byte[] unwrap(String username, char[] password) {
        String p = prefix(username);
        String wrapped = entries.getProperty(p + "wrapped");
        if (wrapped == null) {
            // Same cost and message as a wrong password: the file must not reveal who has an account.
            derive(password, new byte[16], ARGON_MEMORY_KIB, ARGON_ITERATIONS, ARGON_PARALLELISM);
            throw wrongPassword();
        }
        try {
            byte[] salt = Base64.getDecoder().decode(entries.getProperty(p + "salt"));
            int memory = Integer.parseInt(entries.getProperty(p + "m"));
            int iterations = Integer.parseInt(entries.getProperty(p + "t"));
            int parallelism = Integer.parseInt(entries.getProperty(p + "p"));
            byte[] blob = Base64.getDecoder().decode(wrapped);
            if (salt.length < 16 || blob.length < 12 + 16 || !costWithinBounds(memory, iterations, parallelism)) throw corrupt();
            byte[] kek = derive(password, salt, memory, iterations, parallelism);
            try {
                return aesGcm(Cipher.DECRYPT_MODE, kek, Arrays.copyOf(blob, 12),
                        Arrays.copyOfRange(blob, 12, blob.length), aad(username));
            } finally {
                Arrays.fill(kek, (byte) 0);
            }
        } catch (javax.crypto.AEADBadTagException e) {
            throw wrongPassword();
        } catch (HavenException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw corrupt();
        }
    }

    /** Wraps the database key for a user (new user or new password) and saves the file atomically. */
    public void wrapFor(String username, char[] password, byte[] databaseKey) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        byte[] kek = derive(password, salt, ARGON_MEMORY_KIB, ARGON_ITERATIONS, ARGON_PARALLELISM);
        try {
            byte[] sealed = aesGcm(Cipher.ENCRYPT_MODE, kek, iv, databaseKey, aad(username));
            Arrays.fill(kek, (byte) 0);
            byte[] blob = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, blob, 0, iv.length);
            System.arraycopy(sealed, 0, blob, iv.length, sealed.length);
            String p = prefix(username);
            java.util.function.Consumer<Properties> change = props -> {
                props.setProperty(p + "salt", Base64.getEncoder().encodeToString(salt));
                props.setProperty(p + "m", Integer.toString(ARGON_MEMORY_KIB));
                props.setProperty(p + "t", Integer.toString(ARGON_ITERATIONS));
                props.setProperty(p + "p", Integer.toString(ARGON_PARALLELISM));
                props.setProperty(p + "wrapped", Base64.getEncoder().encodeToString(blob));
            };
            change.accept(entries);
            update(file, databaseKey, change);
        } catch (GeneralSecurityException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.keyFile.protect");
        }
    }

    /**
     * Removes a user's entry, so that password can no longer unlock the file. Only the entry's own
     * keys: user names may contain dots, so a prefix match on "user.a." would also hit "user.a.b".
     */
    public void remove(String username, byte[] databaseKey) {
        String p = prefix(username);
        java.util.function.Consumer<Properties> change = props -> {
            for (String field : ENTRY_FIELDS) props.remove(p + field);
        };
        change.accept(entries);
        update(file, databaseKey, change);
    }

    private static final String[] ENTRY_FIELDS = {"salt", "m", "t", "p", "wrapped"};

    /**
     * Writes the file: temporary file (0600), fsync, atomic move. With the database key the MAC is
     * computed afresh (format 3); without it (a failed login's counter) the existing MAC is kept, which
     * stays valid because it does not cover the counters.
     */
    private static void write(Path file, Properties entries, byte[] databaseKey) {
        Path tmp = file.resolveSibling(FILE_NAME + ".new");
        try {
            Files.createDirectories(file.getParent());
            createPrivate(tmp);
            if (databaseKey != null) {
                entries.setProperty("format", "3");
                entries.setProperty("mac", mac(entries, databaseKey));
            } else if (entries.getProperty("mac") == null) {
                entries.setProperty("format", "2");
            }
            entries.setProperty("check", checksum(entries));
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                entries.store(out, "Haven key file: do not edit. Losing it makes the database unreadable.");
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            org.haven.core.common.AtomicFiles.moveIntoPlace(tmp, file);
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.keyFile.write");
        }
    }

    /** SHA-256 over every entry except the checksum itself, in a fixed order. */
    static String checksum(Properties props) {
        StringBuilder all = new StringBuilder();
        for (String k : new TreeSet<>(props.stringPropertyNames())) {
            if (!k.equals("check")) all.append(k).append('=').append(props.getProperty(k)).append('\n');
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fields outside the MAC: the checksum and MAC themselves and the login attempt counters. */
    private static boolean unsealedField(String key) {
        return key.equals("check") || key.equals("mac") || key.startsWith(LoginThrottle.FIELD_PREFIX);
    }

    /**
     * HMAC-SHA256 over every sealed entry in a fixed order, under a key derived from the database key
     * (HMAC of a fixed label, so the MAC key is never the database key itself).
     */
    static String mac(Properties props, byte[] databaseKey) {
        StringBuilder all = new StringBuilder();
        for (String k : new TreeSet<>(props.stringPropertyNames())) {
            if (!unsealedField(k)) all.append(k).append('=').append(props.getProperty(k)).append('\n');
        }
        try {
            javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(databaseKey, "HmacSHA256"));
            byte[] macKey = hmac.doFinal("haven-keyfile-mac-v1".getBytes(StandardCharsets.US_ASCII));
            hmac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            Arrays.fill(macKey, (byte) 0);
            return java.util.HexFormat.of().formatHex(hmac.doFinal(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates an empty file readable by its owner only (other accounts on a shared laptop cannot copy it). */
    static void createPrivate(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    /** One key derivation at the cost of a new wrap, its result wiped (the benchmark times what an unlock spends here). */
    public static void deriveOnceForTiming(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Arrays.fill(derive(password, salt, ARGON_MEMORY_KIB, ARGON_ITERATIONS, ARGON_PARALLELISM), (byte) 0);
    }

    /** The cost of a new wrap, as "m=65536 KiB, t=3, p=4". */
    public static String costDescription() {
        return "m=" + ARGON_MEMORY_KIB + " KiB, t=" + ARGON_ITERATIONS + ", p=" + ARGON_PARALLELISM;
    }

    static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(iterations)
                .withParallelism(parallelism).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[32];
        // Encode without an immutable String copy of the password, and wipe the bytes afterwards.
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        byte[] pw = new byte[encoded.remaining()];
        encoded.get(pw);
        if (encoded.hasArray()) Arrays.fill(encoded.array(), (byte) 0);
        generator.generateBytes(pw, out);
        Arrays.fill(pw, (byte) 0);
        return out;
    }

    private static byte[] aesGcm(int mode, byte[] key, byte[] iv, byte[] data, byte[] aad)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(aad);
        return cipher.doFinal(data);
    }

    private static byte[] aad(String username) {
        return ("haven-key-v1:" + username).getBytes(StandardCharsets.UTF_8);
    }

    private static String prefix(String username) {
        return "user." + username + ".";
    }

    public static HavenException wrongPassword() {
        return HavenException.of(HavenException.Kind.DENIED, "error.wrongLogin");
    }

    public static HavenException missing() {
        return HavenException.of(HavenException.Kind.FAILURE, "error.keyFile.missing");
    }

    public static HavenException corrupt() {
        return HavenException.of(HavenException.Kind.FAILURE, "error.keyFile.damaged");
    }
}
