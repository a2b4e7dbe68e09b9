package org.haven.core.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.haven.core.common.HavenException;

/**
 * The sync service's TLS key and certificate: a self-signed one made on first start in the data
 * folder (as an SSH host key), or the administrator's own PKCS#12 file. Laptops pin its SHA-256
 * fingerprint when they join, so no certificate authority is needed.
 */
public record ServiceCertificate(KeyStore keyStore, char[] keyPassword, X509Certificate certificate) {
    static final String ALIAS = "haven-sync";
    /** The generated certificate and the random password that opens it, both owner-only files. */
    public static final String FILE = "sync-service.p12";
    static final String PASSWORD_FILE = "sync-service.pass";

    /** The certificate of the data folder, made on first use. */
    public static ServiceCertificate inFolder(Path folder) {
        Path p12 = folder.resolve(FILE);
        Path pass = folder.resolve(PASSWORD_FILE);
        try {
            if (!Files.exists(p12)) create(folder, p12, pass);
            return load(p12, Files.readString(pass).strip().toCharArray());
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, "error.cert.readWrite", e.getClass().getSimpleName());
        }
    }

    /** An administrator's PKCS#12 file (password from HAVEN_CERT_PASSWORD; empty when unset). */
    public static ServiceCertificate load(Path p12, char[] password) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            String alias = ks.aliases().nextElement();
            for (var aliases = ks.aliases(); aliases.hasMoreElements(); ) {
                String a = aliases.nextElement();
                if (ks.isKeyEntry(a)) alias = a;
            }
            Certificate cert = ks.getCertificate(alias);
            if (!(cert instanceof X509Certificate x509) || !ks.isKeyEntry(alias)) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cert.empty");
            }
            return new ServiceCertificate(ks, password, x509);
        } catch (IOException | GeneralSecurityException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cert.open");
        }
    }

    /** `SHA256:` and the base64 of the certificate's SHA-256 digest, as SSH shows host keys. */
    public String fingerprint() {
        return fingerprintOf(certificate);
    }

    public static String fingerprintOf(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void create(Path folder, Path p12, Path pass) throws IOException {
        Files.createDirectories(folder);
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(256);
            KeyPair pair = gen.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=Haven sync service");
            byte[] serial = new byte[16];
            SecureRandom random = new SecureRandom();
            random.nextBytes(serial);
            var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(1, serial),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            char[] password = HexFormat.of().formatHex(secret).toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, pair.getPrivate(), password, new Certificate[] {cert});
            writeOwnerOnly(pass, new String(password).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Path tmp = folder.resolve(FILE + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, password);
            }
            restrict(tmp);
            Files.move(tmp, p12, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, "error.cert.make", e.getClass().getSimpleName());
        }
    }

    private static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        restrict(file);
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException windows) {
            // Windows: the data folder's own ACL (the user's profile) protects it
        }
    }
}
