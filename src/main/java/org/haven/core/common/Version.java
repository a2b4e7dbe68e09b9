package org.haven.core.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Haven's version, from the build. */
public final class Version {
    private Version() {}

    public static String current() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/haven-version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // fall through to "dev"
        }
        return p.getProperty("haven.version", "dev");
    }
}
