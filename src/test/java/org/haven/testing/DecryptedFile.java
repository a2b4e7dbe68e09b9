package org.haven.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

/**
 * A Haven database file as someone who learns its key later could read it: H2's CIPHER=AES file
 * decrypted with H2's own channel. A byte search of the raw (encrypted) file proves nothing; a search
 * of this plaintext does, once the file is compacted to one chunk (H2 compresses the pages it
 * compacts, so the chunk count says that no old page version is left).
 */
public final class DecryptedFile {
    private DecryptedFile() {}

    /** The plaintext of {@code file}, encrypted with the database key {@code databaseKey}. */
    public static byte[] read(Path file, byte[] databaseKey) throws IOException {
        char[] filePassword = HexFormat.of().formatHex(databaseKey).toCharArray();
        try (var raw = FileChannel.open(file, StandardOpenOption.READ)) {
            var plain = new org.h2.store.fs.encrypt.FileEncrypt(file.toString(),
                    org.h2.store.fs.encrypt.FilePathEncrypt.getPasswordBytes(filePassword), raw);
            ByteBuffer buf = ByteBuffer.allocate((int) plain.size());
            while (buf.hasRemaining() && plain.read(buf, buf.position()) > 0) {
                // read until full
            }
            return buf.array();
        }
    }

    /** How many chunks (saved versions) a plaintext MVStore file holds, from H2's own file dump; {@code scratch} is a private folder. */
    public static long chunks(byte[] plainFile, Path scratch) throws IOException {
        Path copy = Files.write(scratch.resolve("plain-" + System.nanoTime() + ".mv.db"), plainFile);
        java.io.StringWriter dump = new java.io.StringWriter();
        org.h2.mvstore.MVStoreTool.dump(copy.toString(), dump, false);
        Files.delete(copy);
        return dump.toString().lines().filter(l -> l.contains("chunkHeader")).count();
    }

    /** Where {@code needle} first occurs in {@code hay}, or -1. */
    public static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
