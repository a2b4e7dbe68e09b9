package org.haven.gui.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.haven.core.common.AtomicFiles;

/** Charts as PNG: the snapshot is taken on the FX thread, the file is written in the background. */
public final class ChartImages {
    /** The PNG text key that carries the caption (also drawn under the chart). */
    public static final String CAPTION_KEY = "Description";

    private ChartImages() {}

    /** Must run on the FX thread. */
    public static BufferedImage snapshot(Node node) {
        SnapshotParameters params = new SnapshotParameters();
        WritableImage image = node.snapshot(params, null);
        return SwingFXUtils.fromFXImage(image, null);
    }

    /**
     * The image with a caption line drawn under it (the period and the small-cell rule), so a chart
     * pasted into a report still says what it covers and how small counts were treated.
     */
    public static BufferedImage withCaption(BufferedImage chart, String caption) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(font);
        pg.dispose();
        int width = Math.max(chart.getWidth(), fm.stringWidth(caption) + 16);
        int height = chart.getHeight() + fm.getHeight() + 12;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(chart, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        g.setColor(new Color(0x33, 0x33, 0x33));
        g.drawString(caption, 8, chart.getHeight() + 6 + fm.getAscent());
        g.dispose();
        return out;
    }

    /** Writes a PNG through a temporary file in the same folder, moved into place when complete. */
    public static void writePng(BufferedImage image, Path file) {
        writePng(image, null, file);
    }

    /** As {@link #writePng(BufferedImage, Path)}, with the caption also stored as PNG text (when not null). */
    public static void writePng(BufferedImage image, String caption, Path file) {
        AtomicFiles.write(file, tmp -> {
            if (caption == null) {
                if (!ImageIO.write(image, "png", tmp.toFile())) throw new IOException("no PNG writer");
                return;
            }
            writeWithText(image, caption, tmp);
        });
    }

    /** The PNG with an iTXt chunk (UTF-8) holding the caption. */
    private static void writeWithText(BufferedImage image, String caption, Path file) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) throw new IOException("no PNG writer");
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
            IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
            entry.setAttribute("keyword", CAPTION_KEY);
            entry.setAttribute("compressionFlag", "FALSE");
            entry.setAttribute("compressionMethod", "0");
            entry.setAttribute("languageTag", "");
            entry.setAttribute("translatedKeyword", "");
            entry.setAttribute("text", caption);
            IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
            itxt.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(itxt);
            meta.mergeTree("javax_imageio_png_1.0", root);
            writer.write(new IIOImage(image, null, meta));
        } finally {
            writer.dispose();
        }
    }

    /** The caption stored in a PNG written by {@link #writePng}, or null. */
    public static String caption(Path png) throws IOException {
        try (var in = ImageIO.createImageInputStream(png.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            var reader = readers.next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            var root = (IIOMetadataNode) meta.getAsTree("javax_imageio_png_1.0");
            var entries = root.getElementsByTagName("iTXtEntry");
            for (int i = 0; i < entries.getLength(); i++) {
                var e = (IIOMetadataNode) entries.item(i);
                if (CAPTION_KEY.equals(e.getAttribute("keyword"))) return e.getAttribute("text");
            }
            reader.dispose();
            return null;
        }
    }
}
