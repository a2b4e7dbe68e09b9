package org.haven.core.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The languages Haven speaks ({@link Messages#SUPPORTED}), and the user's choice (no JavaFX: the
 * window starts in it, and {@code haven summary} without {@code --language} prints in it). The choice is kept in
 * `preferences.properties` in the data folder (no personal data there), so it applies from the
 * login screen on, before the database is unlocked.
 */
public final class Languages {
    public static final List<Locale> SUPPORTED = Messages.SUPPORTED;
    private static final String FILE = "preferences.properties";
    private static final String KEY = "language";

    private Languages() {}

    /** The language's own name, as shown in the language picker. */
    public static String nativeName(Locale locale) {
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? locale.toLanguageTag() : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public static Locale load(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) return Locale.ENGLISH;
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
        String tag = p.getProperty(KEY, "en");
        return SUPPORTED.stream().filter(l -> l.toLanguageTag().equals(tag)).findFirst().orElse(Locale.ENGLISH);
    }

    public static void save(Path home, Locale locale) throws IOException {
        PrivateFiles.createFolder(home);
        Properties p = new Properties();
        p.setProperty(KEY, locale.toLanguageTag());
        try (OutputStream out = Files.newOutputStream(home.resolve(FILE))) {
            p.store(out, "Haven preferences");
        }
        PrivateFiles.tighten(home);
    }
}
