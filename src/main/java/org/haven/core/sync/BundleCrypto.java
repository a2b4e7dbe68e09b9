package org.haven.core.sync;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.haven.core.common.HavenException;

/**
 * The sealed file of a USB bundle and its reply (docs/adr/0021-usb-bundles.md): a clear header (magic,
 * kind, the laptop's bundle key id, the sequence number, a random salt and nonce), then the body in
 * AES-256-GCM with the header as associated data. The AES key is HKDF-SHA256 of the 32-byte secret the
 * office made for this laptop when it joined (and both keep in their databases), with the file's own
 * salt: only the office and that laptop can make or read the file, and any flipped byte fails the tag.
 * Only the JDK's javax.crypto is used.
 */
final class BundleCrypto {
    static final byte BUNDLE = 'B';
    static final byte REPLY = 'R';
    private static final byte[] MAGIC = "HAVEN-BUNDLE-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT = 32;
    private static final int NONCE = 12;
    static final int HEADER = MAGIC.length + 1 + 16 + 8 + SALT + NONCE;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BundleCrypto() {}

    /** The clear header of a sealed file: which kind, whose key, which number. */
    record Header(byte kind, UUID keyId, long seq) {}

    static byte[] newSecret() {
        byte[] s = new byte[32];
        RANDOM.nextBytes(s);
        return s;
    }

    static byte[] seal(byte kind, UUID keyId, long seq, byte[] secret, byte[] body) {
        byte[] salt = new byte[SALT];
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        ByteBuffer header = ByteBuffer.allocate(HEADER).put(MAGIC).put(kind)
                .putLong(keyId.getMostSignificantBits()).putLong(keyId.getLeastSignificantBits()).putLong(seq).put(salt).put(nonce);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key(secret, salt, kind), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(header.array());
            byte[] sealed = gcm.doFinal(body);
            return ByteBuffer.allocate(HEADER + sealed.length).put(header.array()).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM or HKDF is missing from this JDK", e);
        }
    }

    /** The header of a sealed file, read before its key is known; a file that is not one: damaged. */
    static Header header(byte[] file, byte kind) {
        if (file.length < HEADER + 16 || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length) || file[MAGIC.length] != kind) {
            throw damaged(kind);
        }
        ByteBuffer b = ByteBuffer.wrap(file, MAGIC.length + 1, 24);
        return new Header(kind, new UUID(b.getLong(), b.getLong()), b.getLong());
    }

    /** The body of a sealed file; any change to any byte (or the wrong secret): damaged. */
    static byte[] open(byte[] file, byte kind, byte[] secret) {
        header(file, kind);
        byte[] salt = Arrays.copyOfRange(file, HEADER - NONCE - SALT, HEADER - NONCE);
        byte[] nonce = Arrays.copyOfRange(file, HEADER - NONCE, HEADER);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key(secret, salt, kind), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(file, 0, HEADER);
            return gcm.doFinal(file, HEADER, file.length - HEADER);
        } catch (javax.crypto.AEADBadTagException e) {
            throw damaged(kind);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM or HKDF is missing from this JDK", e);
        }
    }

    private static SecretKey key(byte[] secret, byte[] salt, byte kind) throws GeneralSecurityException {
        KDF hkdf = KDF.getInstance("HKDF-SHA256");
        byte[] info = ("haven usb bundle " + (char) kind).getBytes(StandardCharsets.US_ASCII);
        return hkdf.deriveKey("AES", HKDFParameterSpec.ofExtract().addIKM(new SecretKeySpec(secret, "HKDF")).addSalt(salt)
                .thenExpand(info, 32));
    }

    static HavenException damaged(byte kind) {
        return HavenException.of(HavenException.Kind.FAILURE, kind == BUNDLE ? "error.bundle.damaged" : "error.bundle.replyDamaged");
    }
}
