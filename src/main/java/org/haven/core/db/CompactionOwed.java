package org.haven.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.haven.core.common.PrivateFiles;

/**
 * A marker in the data folder saying that the database file still holds old copies of deleted rows
 * and must be rewritten (compacted). Written (and flushed to disk) before a person's deletion is
 * committed and removed only after the compaction finished; if Haven is killed in between, the next
 * open finds it and compacts before anything else. It holds no personal data and no identifier: only
 * that a compaction is owed.
 */
public final class CompactionOwed {
    static final String FILE = "compaction-owed";
    private static final String TEXT = "a compaction of haven.mv.db is owed (a deletion was not yet rewritten out of the file)\n";

    private CompactionOwed() {}

    static void record(Path home) {
        Path marker = home.resolve(FILE);
        try (FileChannel ch = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(TEXT.getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        } catch (IOException e) {
            // Without the marker a crash could leave the deleted person in the file: do not delete then.
            throw new UncheckedIOException(e);
        }
        PrivateFiles.tighten(home);
        try (FileChannel folder = FileChannel.open(home, StandardOpenOption.READ)) {
            folder.force(true); // the marker's folder entry too, where the OS allows it (Linux, macOS)
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder this way; the file itself was flushed
        }
    }

    static boolean isOwed(Path home) {
        return Files.exists(home.resolve(FILE));
    }

    static void done(Path home) {
        try {
            Files.deleteIfExists(home.resolve(FILE));
        } catch (IOException e) {
            // kept: the next open compacts once more, which is harmless
        }
    }
}
