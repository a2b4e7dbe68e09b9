package org.haven.core.security;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.haven.core.common.AtomicFiles;
import org.haven.core.common.HavenException;

/**
 * Serialises every read-change-write of the key file, across threads and across processes: a JVM
 * lock per data folder (a JVM cannot take the same file lock twice) and an OS lock on
 * {@code haven.keys.lock}. Without it two logins failing at once both read "3 failures" and both
 * wrote "4", and a failed login's counter could overwrite a head another process had just recorded.
 * The lock file holds nothing; deleting it changes nothing.
 */
final class KeyFileLock {
    static final String FILE_NAME = "haven.keys.lock";
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private KeyFileLock() {}

    static void run(Path home, Runnable work) {
        ReentrantLock jvmLock = LOCKS.computeIfAbsent(home.toAbsolutePath().normalize(), p -> new ReentrantLock());
        jvmLock.lock();
        try {
            if (jvmLock.getHoldCount() > 1) { // already held by this thread: the OS lock too
                work.run();
                return;
            }
            Path lockFile = home.resolve(FILE_NAME);
            try {
                Files.createDirectories(home);
                if (!Files.exists(lockFile)) {
                    try {
                        AtomicFiles.createPrivate(lockFile);
                    } catch (java.nio.file.FileAlreadyExistsException raced) {
                        // another process made it first
                    }
                }
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                        FileLock ignored = channel.lock()) {
                    work.run();
                }
            } catch (IOException e) {
                throw HavenException.of(HavenException.Kind.FAILURE, e, "error.keyFile.write");
            }
        } finally {
            jvmLock.unlock();
        }
    }
}
