package org.haven.reports.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.haven.common.AtomicFiles;

/** Charts as PNG: the snapshot is taken on the FX thread, the file is written in the background. */
public final class ChartImages {
    private ChartImages() {}

    /** Must run on the FX thread. */
    public static BufferedImage snapshot(Node node) {
        SnapshotParameters params = new SnapshotParameters();
        WritableImage image = node.snapshot(params, null);
        return SwingFXUtils.fromFXImage(image, null);
    }

    /** Writes a PNG through a temporary file in the same folder, moved into place when complete. */
    public static void writePng(BufferedImage image, Path file) {
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) throw new IOException("no PNG writer");
        });
    }
}
