package org.haven.core.common;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data folder is readable by its owner only: the folder 0700 and everything in it 0600 (0700 for
 * folders). Applied when Haven creates the folder, whenever it opens or closes the database (H2
 * creates and compacts its file with the process umask) and after a restore, so a folder found too
 * open is tightened. Where the file system has no POSIX permissions (Windows) the OS's per-user
 * folders protect the data instead, and nothing is done here.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the data folder (and its parents) with the folder itself readable by its owner only. */
    public static void createFolder(Path home) throws IOException {
        if (!Files.isDirectory(home)) {
            Path parent = home.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (posix()) Files.createDirectory(home, PosixFilePermissions.asFileAttribute(FOLDER));
            else Files.createDirectory(home);
        }
        tighten(home);
    }

    /** Sets 0700 on the folder and its sub-folders and 0600 on its files; links are left alone. Best effort. */
    public static void tighten(Path home) {
        if (!posix() || !Files.isDirectory(home, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> all = Files.walk(home)) {
            all.forEach(PrivateFiles::tightenOne);
        } catch (IOException | RuntimeException e) {
            // a read-only or vanished entry: nothing to tighten there, and opening must still be tried
        }
    }

    private static void tightenOne(Path p) {
        try {
            if (Files.isSymbolicLink(p)) return;
            Set<PosixFilePermission> wanted = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE;
            if (!Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
                Files.setPosixFilePermissions(p, wanted);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: see tighten
        }
    }
}
