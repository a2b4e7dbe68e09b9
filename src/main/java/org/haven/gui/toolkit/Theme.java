package org.haven.gui.toolkit;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The look: bundled fonts (so every script renders on any machine), AtlantaFX PrimerLight, our CSS, the icon. */
public final class Theme {
    private static final Logger LOG = LoggerFactory.getLogger(Theme.class);
    private static final String FONT_FOLDER = "/assets/fonts/";
    private static volatile boolean applied;

    private Theme() {}

    /** Loads the fonts and sets the theme once per JVM. */
    public static synchronized void apply() {
        if (applied) return;
        applied = true;
        int loaded = loadFonts();
        LOG.info("Loaded {} bundled fonts", loaded);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds our stylesheet to a scene (every window of Haven calls this). */
    public static void style(Scene scene) {
        String css = Theme.class.getResource("haven.css").toExternalForm();
        if (!scene.getStylesheets().contains(css)) scene.getStylesheets().add(css);
    }

    public static void icon(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            URL url = Theme.class.getResource("/assets/icons/haven-" + size + ".png");
            if (url != null) stage.getIcons().add(new Image(url.toExternalForm()));
        }
    }

    /** Every .ttf/.otf in the class path folder /assets/fonts/, from a folder or from a jar. */
    static int loadFonts() {
        URL folder = Theme.class.getResource(FONT_FOLDER);
        if (folder == null) return 0;
        try {
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return loadFrom(fs.getPath(FONT_FOLDER));
            }
            return loadFrom(Path.of(uri));
        } catch (Exception e) {
            LOG.warn("Could not list the bundled fonts: {}", e.getClass().getSimpleName());
            return 0;
        }
    }

    private static int loadFrom(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return n.endsWith(".ttf") || n.endsWith(".otf");
            }).sorted().toList();
        }
        int count = 0;
        for (Path p : files) {
            try (InputStream in = Files.newInputStream(p)) {
                if (Font.loadFont(in, 13) != null) count++;
            }
        }
        return count;
    }
}
