package org.haven.core.db;

import java.nio.file.Path;
import java.util.Locale;

/** Where Haven keeps its data: an explicit folder, HAVEN_HOME, or the per-OS default. */
public final class HavenHome {
    private HavenHome() {}

    public static Path resolve(Path explicit) {
        if (explicit != null) return explicit.toAbsolutePath();
        String env = System.getenv("HAVEN_HOME");
        if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath();
        return defaultFolder();
    }

    public static Path defaultFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String userHome = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : userHome, "Haven");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Haven");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : userHome + "/.local/share", "haven");
    }
}
