package org.haven.core.common;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Unfinished output files (an export or summary being written next to its -o target) are listed in
 * the data folder before a byte is written to them. A killed process leaves its part file behind,
 * possibly full of plain-text personal data, somewhere only this list knows: the next open of the
 * database deletes every file still listed. The list holds paths only, never content.
 */
public final class PendingParts {
    static final String FILE = "pending-parts.txt";

    private PendingParts() {}

    /** Records the part file (flushed to disk) before it is created. */
    public static synchronized void add(Path home, Path part) throws IOException {
        Path record = home.resolve(FILE);
        try (FileChannel ch = FileChannel.open(record, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap((part.toAbsolutePath().normalize() + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        PrivateFiles.tighten(home);
    }

    /** The part file was moved into place or deleted: forget it. */
    public static synchronized void remove(Path home, Path part) {
        Path record = home.resolve(FILE);
        String line = part.toAbsolutePath().normalize().toString();
        try {
            if (!Files.exists(record)) return;
            List<String> rest = new ArrayList<>(Files.readAllLines(record, StandardCharsets.UTF_8));
            rest.remove(line);
            if (rest.isEmpty()) Files.deleteIfExists(record);
            else Files.write(record, rest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the next open retries: it deletes only files that are still there
        }
    }

    /** Deletes the part files a killed process left behind; returns how many it found. */
    public static synchronized int cleanUp(Path home) {
        Path record = home.resolve(FILE);
        if (!Files.exists(record)) return 0;
        int deleted = 0;
        try {
            for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                if (Files.deleteIfExists(Path.of(line))) deleted++;
            }
            Files.deleteIfExists(record);
        } catch (IOException | RuntimeException e) {
            // kept: the next open tries again
        }
        return deleted;
    }
}
