package org.haven.common;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that the destination is either the old file or the complete new one: the content
 * goes to a temporary file in the same folder, which is moved into place when complete and deleted
 * on any failure (so no half-written file, and no stray copy, is left behind).
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes the content to the given temporary path. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path tmp) throws IOException;
    }

    /** Moves a finished file over the target in one step where the file system can (else a plain replace). */
    public static void moveIntoPlace(Path finished, Path target) throws IOException {
        try {
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void write(Path file, Content content) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), ".haven-", ".tmp");
            content.writeTo(tmp);
            moveIntoPlace(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new HavenException(HavenException.Kind.FAILURE,
                    "Could not write " + target.getFileName() + ": check the folder exists and is writable.", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; the caller already gets the write failure
                }
            }
        }
    }
}
