package org.haven.summaries.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bundled font files (class path /assets/fonts/), read once per process, and their JDK fonts for layout. */
final class FontFiles {
    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();
    private static final Map<String, Font> AWT = new ConcurrentHashMap<>();

    private FontFiles() {}

    static byte[] bytes(String file) {
        return BYTES.computeIfAbsent(file, f -> {
            try (InputStream in = FontFiles.class.getResourceAsStream("/assets/fonts/" + f)) {
                if (in == null) throw new IllegalStateException("Font missing from the build: " + f);
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The JDK font of a file at size 1 (derive for other sizes). Used to measure, test coverage and shape. */
    static Font awt(String file) {
        return AWT.computeIfAbsent(file, f -> {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes(f)));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("Font cannot be read: " + f, e);
            }
        });
    }
}
