package org.haven.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.haven.core.Haven;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 item 6: another OS user cannot read the data folder (0700, files 0600), also after restore and when found too open. */
class DataFolderPermissionsTest {
    @TempDir Path dir;

    static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    static void assertPrivate(Path home) throws Exception {
        assertThat(perms(home)).as(home.toString()).isEqualTo("rwx------");
        List<Path> files;
        try (Stream<Path> s = Files.list(home)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) assertThat(perms(f)).as(f.getFileName().toString()).isEqualTo("rw-------");
    }

    @Test
    void theDataFolderIsPrivateOnCreationAfterOpeningAndAfterRestore() throws Exception {
        Path home = dir.resolve("home");
        TestHaven.create(home).close();
        assertPrivate(home);

        // found too open (copied with cp, an old version, a careless chmod): tightened when opened
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> s = Files.list(home)) {
            for (Path f : s.toList()) Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Path backup = dir.resolve("b.haven");
        try (Haven haven = TestHaven.login(home)) {
            assertPrivate(home);
            Backups.backup(haven.unlocked(), backup);
        }
        assertPrivate(home);

        Path restored = dir.resolve("restored");
        Backups.restore(backup, restored, TestHaven.ADMIN, TestHaven.PASSWORD, false);
        assertPrivate(restored);
    }
}
