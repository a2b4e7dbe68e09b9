package org.haven.security;

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
import org.haven.common.HavenException;

/**
 * The key file beside the database: the random database key, wrapped once per user with
 * AES-256-GCM under a key derived from that user's password by Argon2id. No password is stored,
 * and adding a user or changing a password rewrites only this small file, never the database.
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
        String format = props.getProperty("format");
        if ("2".equals(format)) {
            if (!checksum(props).equals(props.getProperty("check"))) throw corrupt();
        } else if (!"1".equals(format)) {
            throw corrupt();
        }
        return new KeyFile(file, props);
    }

    /** A new key file with a fresh random database key, readable by the first user only. */
    public static KeyFile create(Path home, String username, char[] password, byte[] databaseKey) {
        Properties props = new Properties();
        props.setProperty("format", "1");
        KeyFile keyFile = new KeyFile(pathIn(home), props);
        keyFile.wrapFor(username, password, databaseKey);
        return keyFile;
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
            entries.setProperty(p + "salt", Base64.getEncoder().encodeToString(salt));
            entries.setProperty(p + "m", Integer.toString(ARGON_MEMORY_KIB));
            entries.setProperty(p + "t", Integer.toString(ARGON_ITERATIONS));
            entries.setProperty(p + "p", Integer.toString(ARGON_PARALLELISM));
            entries.setProperty(p + "wrapped", Base64.getEncoder().encodeToString(blob));
        } catch (GeneralSecurityException e) {
            throw new HavenException(HavenException.Kind.FAILURE, "Could not protect the database key.", e);
        }
        save();
    }

    /**
     * Removes a user's entry, so that password can no longer unlock the file. Only the entry's own
     * keys: user names may contain dots, so a prefix match on "user.a." would also hit "user.a.b".
     */
    public void remove(String username) {
        String p = prefix(username);
        for (String field : ENTRY_FIELDS) entries.remove(p + field);
        save();
    }

    private static final String[] ENTRY_FIELDS = {"salt", "m", "t", "p", "wrapped"};

    private void save() {
        Path tmp = file.resolveSibling(FILE_NAME + ".new");
        try {
            Files.createDirectories(file.getParent());
            createPrivate(tmp);
            entries.setProperty("format", "2");
            entries.setProperty("check", checksum(entries));
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                entries.store(out, "Haven key file: do not edit. Losing it makes the database unreadable.");
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            org.haven.common.AtomicFiles.moveIntoPlace(tmp, file);
        } catch (IOException e) {
            throw new HavenException(HavenException.Kind.FAILURE,
                    "Could not write the key file in the data folder: check that the disk is not full and the folder is writable.", e);
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
        return HavenException.denied("Wrong user name or password.");
    }

    public static HavenException missing() {
        return new HavenException(HavenException.Kind.FAILURE,
                "The key file (haven.keys) is missing from the data folder, so the database cannot be unlocked: restore the data folder from a backup.");
    }

    public static HavenException corrupt() {
        return new HavenException(HavenException.Kind.FAILURE,
                "The key file (haven.keys) in the data folder is damaged: restore the data folder from a backup.");
    }
}
