package org.haven.gui.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.haven.core.common.HavenException;
import org.haven.core.common.PrivateFiles;
import org.haven.core.db.OfficeConnection;

/**
 * The window's remembered "Connect to an office database" choice, in the data folder (0600 files in
 * a 0700 folder): {@value #FILE} holds the URL and the service account's name, and its password
 * encrypted (AES-256-GCM) under a random key kept in a separate file, {@value #KEY_FILE}. That keeps
 * the password out of the text of the choice file (a copy of it, a look over the shoulder); it does
 * not protect it from someone who can read the user's data folder, who can read both files. See
 * docs/security.md.
 */
public final class OfficeChoice {
    static final String FILE = "office.properties";
    static final String KEY_FILE = "office.key";
    private static final int NONCE_BYTES = 12;

    private OfficeChoice() {}

    /** The office database chosen in this data folder earlier, or null (none chosen, or the files are unreadable). */
    public static OfficeConnection load(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) return null;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            byte[] key = Files.readAllBytes(home.resolve(KEY_FILE));
            char[] password = decrypt(key, Base64.getDecoder().decode(p.getProperty("password", "")));
            return new OfficeConnection(p.getProperty("url"), p.getProperty("user"), password);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            // a damaged or half-written choice: the first-run screen asks again
            return null;
        }
    }

    /** Remembers the choice (replacing an earlier one). */
    public static void save(Path home, OfficeConnection office) {
        try {
            PrivateFiles.createFolder(home);
            Path keyFile = home.resolve(KEY_FILE);
            byte[] key;
            if (Files.isRegularFile(keyFile) && Files.size(keyFile) == 32) {
                key = Files.readAllBytes(keyFile);
            } else {
                key = new byte[32];
                new SecureRandom().nextBytes(key);
                writePrivately(keyFile, key);
            }
            Properties p = new Properties();
            p.setProperty("url", office.url());
            p.setProperty("user", office.user());
            p.setProperty("password", Base64.getEncoder().encodeToString(encrypt(key, office.password())));
            Path tmp = home.resolve(FILE + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Haven: the office database this computer connects to (password encrypted, key in " + KEY_FILE + ")");
            }
            PrivateFiles.tighten(home);
            Files.move(tmp, home.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.office.choiceNotSaved");
        }
    }

    /** Forgets the choice (both files). */
    public static void forget(Path home) throws IOException {
        Files.deleteIfExists(home.resolve(FILE));
        Files.deleteIfExists(home.resolve(KEY_FILE));
    }

    private static void writePrivately(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        PrivateFiles.tighten(file.getParent());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] encrypt(byte[] key, char[] password) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        new SecureRandom().nextBytes(nonce);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        byte[] plain = new String(password).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] sealed = c.doFinal(plain);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static char[] decrypt(byte[] key, byte[] sealed) throws GeneralSecurityException {
        if (sealed.length < NONCE_BYTES) throw new GeneralSecurityException("too short");
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
        byte[] plain = c.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        try {
            return new String(plain, StandardCharsets.UTF_8).toCharArray();
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }
}
