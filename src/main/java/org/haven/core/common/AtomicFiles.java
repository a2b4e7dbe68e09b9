package org.haven.core.common;

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
        write(file, null, content);
    }

    /**
     * As {@link #write(Path, Content)}; with a data folder, the temporary file is recorded there
     * ({@link PendingParts}) so that a killed process's leftover is deleted on the next open.
     */
    public static void write(Path file, Path dataFolder, Content content) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".haven-part");
            if (dataFolder != null) PendingParts.add(dataFolder, tmp);
            createPrivate(tmp);
            content.writeTo(tmp);
            moveIntoPlace(tmp, target);
            if (dataFolder != null) PendingParts.remove(dataFolder, tmp);
            tmp = null;
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, e, "error.output.writeFailed", String.valueOf(target.getFileName()));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                    if (dataFolder != null) PendingParts.remove(dataFolder, tmp);
                } catch (IOException ignored) {
                    // best effort; the caller already gets the write failure
                }
            }
        }
    }

    /** A new file readable by its owner only (where the file system has POSIX permissions). */
    public static void createPrivate(Path file) throws IOException {
        if (PrivateFiles.posix()) {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }
}
