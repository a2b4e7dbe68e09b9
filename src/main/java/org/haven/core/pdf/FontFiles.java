package org.haven.core.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

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

    /**
     * The parsed font for PDFBox, one per thread and file: parsing a font costs tens of milliseconds,
     * more than laying out a summary, and a parsed TrueTypeFont is not safe to share between threads.
     * PDFBox does not close a font it was given, so these live as long as their (worker) thread.
     */
    private static final ThreadLocal<Map<String, TrueTypeFont>> PARSED = ThreadLocal.withInitial(HashMap::new);

    static TrueTypeFont parsed(String file) {
        return PARSED.get().computeIfAbsent(file, f -> {
            try {
                return new TTFParser().parse(new RandomAccessReadBuffer(bytes(f)));
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
