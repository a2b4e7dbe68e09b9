package org.haven.core.common;

import java.io.IOException;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that recognizes a full disk, for the CLI's error line and the window's error
 * dialog alike. The operating system says so in an {@link IOException} (Linux and macOS: "No
 * space left on device", ENOSPC; a quota: "Disk quota exceeded"; Windows: "There is not enough
 * space on the disk"), which H2 wraps in its own exceptions (error 90028, "IO Exception"), and jOOQ
 * in a DataAccessException. The whole chain of causes is searched.
 *
 * <p>What the user can rely on: a write that failed this way was one transaction, rolled back; H2
 * stops writing to the file at the first failed write, and the next open finds the last complete
 * commit (tested: {@code DiskFullTest}).
 */
public final class DiskFull {
    /** The CLI's line (after "haven: "); the window says the same from the bundle (error.diskFull). */
    public static final String MESSAGE = "The disk is full: free space and try again.";
    /** H2's own code for it (used by its older page store). */
    private static final int H2_NO_DISK_SPACE = 90100;
    private static final String[] OS_MESSAGES = {"no space left on device", "disk quota exceeded",
            "not enough space on the disk", "there is not enough space"};

    private DiskFull() {}

    /** True when the failure, or anything that caused it, is the disk being full. */
    public static boolean isCause(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_NO_DISK_SPACE) return true;
            // H2 repeats the OS message inside its own; the message is read, never shown (it may name a file).
            String message = t.getMessage();
            if (message != null && (t instanceof IOException || t instanceof SQLException || t.getClass().getName().startsWith("org.h2."))) {
                String lower = message.toLowerCase(Locale.ROOT);
                for (String m : OS_MESSAGES) {
                    if (lower.contains(m)) return true;
                }
            }
        }
        return false;
    }
}
