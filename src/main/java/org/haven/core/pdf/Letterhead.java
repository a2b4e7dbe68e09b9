package org.haven.core.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Whose document it is, at the head of every page of a summary, a cover and the statistics
 * report: the organisation's logo (when set), its name and, under the name, its address.
 */
public final class Letterhead {
    static final float LOGO_HEIGHT = 26;
    static final float LOGO_MAX_WIDTH = 110;
    static final float NAME_SIZE = 9.5f;
    static final float ADDRESS_SIZE = 7.5f;

    private final String name;
    private final String address;
    private final byte[] logo;
    private PDImageXObject image;
    private PDDocument imageDoc;

    /**
     * @param logo the image file's bytes (PNG or JPEG, already checked), or null
     */
    public Letterhead(String name, String address, byte[] logo) {
        this.name = name == null ? "" : name.strip();
        this.address = address == null ? "" : address.strip();
        this.logo = logo;
    }

    /** The same letterhead for another document (the logo image belongs to one document, so a copy per document). */
    public Letterhead copy() {
        return new Letterhead(name, address, logo);
    }

    public String name() {
        return name;
    }

    /**
     * Draws the letterhead from {@code top} down at {@code left}, no wider than {@code width};
     * returns the lowest y it drew at.
     */
    public float draw(PDDocument doc, PageCanvas c, float left, float top, float width, Color ink, Color muted) {
        Typesetter ts = c.typesetter();
        float x = left;
        float bottom = top;
        PDImageXObject img = image(doc);
        if (img != null) {
            float h = LOGO_HEIGHT;
            float w = h * img.getWidth() / img.getHeight();
            if (w > LOGO_MAX_WIDTH) {
                w = LOGO_MAX_WIDTH;
                h = w * img.getHeight() / img.getWidth();
            }
            c.image(img, x, top - h, w, h);
            x += w + 8;
            bottom = top - h;
        }
        float base = top - NAME_SIZE;
        if (!name.isEmpty()) {
            c.text(firstLine(ts, name, NAME_SIZE, true, left + width - x), x, base, NAME_SIZE, true, ink);
            bottom = Math.min(bottom, base - 3);
        }
        if (!address.isEmpty()) {
            List<String> lines = ts.wrap(address, ADDRESS_SIZE, false, left + width - x);
            for (int i = 0; i < Math.min(2, lines.size()); i++) {
                base -= ADDRESS_SIZE + 3;
                String line = i == 1 && lines.size() > 2 ? lines.get(1) + " …" : lines.get(i);
                c.text(line, x, base, ADDRESS_SIZE, false, muted);
            }
            bottom = Math.min(bottom, base - 3);
        }
        return bottom;
    }

    private static String firstLine(Typesetter ts, String text, float size, boolean bold, float width) {
        List<String> lines = ts.wrap(text, size, bold, width);
        return lines.isEmpty() ? "" : lines.size() == 1 ? lines.get(0) : lines.get(0) + " …";
    }

    /** The logo as an RGB image (a CMYK JPEG would break PDF/A's sRGB intent), made once per document. */
    private PDImageXObject image(PDDocument doc) {
        if (logo == null) return null;
        if (image != null && imageDoc == doc) return image;
        try {
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(logo));
            if (read == null) return null;
            BufferedImage rgb = new BufferedImage(read.getWidth(), read.getHeight(),
                    read.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(read, 0, 0, null);
            g.dispose();
            image = LosslessFactory.createFromImage(doc, rgb);
            imageDoc = doc;
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
