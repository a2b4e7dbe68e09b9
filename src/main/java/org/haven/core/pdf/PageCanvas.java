package org.haven.core.pdf;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * One page's drawing, kept in memory until the document is complete (the footer needs the page
 * count). Writes the content stream itself with {@link ContentStreamWriter}, because shaped runs
 * are glyph ids at positions, which PDPageContentStream cannot write. Coordinates: points, origin
 * at the bottom left, as in PDF.
 */
public final class PageCanvas {
    public static final PDRectangle SIZE = PDRectangle.A4;

    private final Typesetter ts;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    private final ContentStreamWriter out = new ContentStreamWriter(bytes);
    private final PDResources resources = new PDResources();
    private final Map<PDType0Font, COSName> fontNames = new HashMap<>();
    private final Map<PDImageXObject, COSName> images = new HashMap<>();

    private final Structure structure;
    private final List<PDStructureElement> owners = new ArrayList<>();
    private int open;

    public PageCanvas(Typesetter ts) {
        this(ts, null);
    }

    /** A page of a tagged document: content drawn between {@link #begin} and {@link #end} belongs to an element, the rest is an artifact. */
    public PageCanvas(Typesetter ts, Structure structure) {
        this.ts = ts;
        this.structure = structure;
    }

    /** Starts content that belongs to {@code element} (a marked-content sequence with the next MCID). */
    public void begin(PDStructureElement element) {
        if (structure == null || element == null) return;
        COSDictionary props = new COSDictionary();
        props.setInt(COSName.MCID, owners.size());
        owners.add(element);
        write(COSName.getPDFName(element.getStructureType()), props, op("BDC"));
        open++;
    }

    public void end() {
        if (structure == null || open == 0) return;
        write(op("EMC"));
        open--;
    }

    /** Outside any element, drawing is an artifact (rules, fills, running header and footer): screen readers skip it. */
    private void artifact(Runnable draw) {
        if (structure == null || open > 0) {
            draw.run();
            return;
        }
        write(COSName.getPDFName("Artifact"), op("BMC"));
        draw.run();
        write(op("EMC"));
    }

    public Typesetter typesetter() {
        return ts;
    }

    /** Draws an image into the box whose bottom left corner is (x, y). */
    public void image(PDImageXObject image, float x, float y, float w, float h) {
        COSName name = images.computeIfAbsent(image, resources::add);
        artifact(() -> write(op("q"), f(w), COSInteger.ZERO, COSInteger.ZERO, f(h), f(x), f(y), op("cm"), name, op("Do"), op("Q")));
    }

    public void fillRect(float x, float y, float w, float h, Color color) {
        artifact(() -> {
            write(rgb(color, "rg"));
            write(f(x), f(y), f(w), f(h), op("re"), op("f"));
        });
    }

    public void strokeRect(float x, float y, float w, float h, float lineWidth, Color color) {
        artifact(() -> {
            write(f(lineWidth), op("w"));
            write(rgb(color, "RG"));
            write(f(x), f(y), f(w), f(h), op("re"), op("S"));
        });
    }

    public void line(float x1, float y1, float x2, float y2, float lineWidth, Color color) {
        artifact(() -> {
            write(f(lineWidth), op("w"));
            write(rgb(color, "RG"));
            write(f(x1), f(y1), op("m"), f(x2), f(y2), op("l"), op("S"));
        });
    }

    /** Draws one line of text with its baseline at y; returns its width. */
    public float text(String line, float x, float y, float size, boolean bold, Color color) {
        float[] w = new float[1];
        artifact(() -> w[0] = drawText(line, x, y, size, bold, color));
        return w[0];
    }

    private float drawText(String line, float x, float y, float size, boolean bold, Color color) {
        write(rgb(color, "rg"));
        float start = x;
        for (Typesetter.Run run : ts.runs(line, bold)) {
            PDType0Font font = ts.font(run);
            COSName name = fontNames.computeIfAbsent(font, resources::add);
            if (run.face().shaped) {
                drawShaped(run, font, name, x, y, size);
            } else {
                run.text().codePoints().forEach(font::addToSubset);
                write(op("BT"), name, f(size), op("Tf"), f(x), f(y), op("Td"), new COSString(ts.encode(font, run.text())), op("Tj"), op("ET"));
            }
            x += ts.width(run, size);
        }
        return x - start;
    }

    /** Glyph ids at the positions the JDK chose, in a span whose ActualText gives text extraction the original string. */
    private void drawShaped(Typesetter.Run run, PDType0Font font, COSName name, float x, float y, float size) {
        Typesetter.Shaped s = ts.shape(run);
        Set<Integer> used = new HashSet<>();
        COSDictionary props = new COSDictionary();
        props.setItem(COSName.ACTUAL_TEXT, new COSString(run.text()));
        write(COSName.getPDFName("Span"), props, op("BDC"));
        write(op("BT"), name, f(size), op("Tf"));
        for (int i = 0; i < s.glyphs().length; i++) {
            int gid = s.glyphs()[i];
            if (gid == 0xFFFF || gid == 0xFFFE) continue; // invisible placeholders of the layout engine
            used.add(gid);
            ts.glyphMeans(font, gid, s.text()[i]);
            write(COSInteger.ONE, COSInteger.ZERO, COSInteger.ZERO, COSInteger.ONE,
                    f(x + s.x()[i] * size), f(y - s.y()[i] * size), op("Tm"),
                    new COSString(font.encodeGlyphId(gid)), op("Tj"));
        }
        write(op("ET"), op("EMC"));
        font.addGlyphsToSubset(used);
    }

    /** Adds the finished page to the document. */
    public PDPage finish(PDDocument doc) {
        PDPage page = new PDPage(SIZE);
        page.setResources(resources);
        try {
            page.setContents(new PDStream(doc, new ByteArrayInputStream(bytes.toByteArray()), COSName.FLATE_DECODE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (structure != null) structure.pageFinished(page, owners);
        return page;
    }

    /**
     * Writes content-stream tokens. Numbers and operators (nearly every token of a page, one glyph
     * position after another) are written here directly: PDFBox's writer formats each number through
     * a COSFloat and Float.toString, which was a good part of a 200-summary batch's time.
     */
    private void write(Object... tokens) {
        try {
            for (Object t : tokens) {
                if (t instanceof Num n) {
                    writeNumber(n.hundredths());
                    bytes.write(' ');
                } else if (t instanceof Op o) {
                    bytes.write(o.name());
                    bytes.write('\n');
                } else if (t == COSInteger.ZERO) {
                    bytes.write('0');
                    bytes.write(' ');
                } else if (t == COSInteger.ONE) {
                    bytes.write('1');
                    bytes.write(' ');
                } else {
                    out.writeTokens(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number with at most two decimals, as PDF wants it: no exponent, no trailing zeros. */
    private void writeNumber(long hundredths) {
        if (hundredths < 0) {
            bytes.write('-');
            hundredths = -hundredths;
        }
        writeDigits(hundredths / 100);
        long frac = hundredths % 100;
        if (frac != 0) {
            bytes.write('.');
            bytes.write((int) ('0' + frac / 10));
            if (frac % 10 != 0) bytes.write((int) ('0' + frac % 10));
        }
    }

    private void writeDigits(long v) {
        if (v >= 10) writeDigits(v / 10);
        bytes.write((int) ('0' + v % 10));
    }

    private static Object[] rgb(Color c, String operator) {
        return new Object[] {f(c.getRed() / 255f), f(c.getGreen() / 255f), f(c.getBlue() / 255f), op(operator)};
    }

    /** A number rounded to hundredths (finer than any printer resolves at these sizes). */
    private record Num(long hundredths) {}

    private record Op(byte[] name) {}

    private static final Map<String, Op> OPERATORS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Num f(float v) {
        return new Num(Math.round(v * 100.0));
    }

    private static Op op(String name) {
        return OPERATORS.computeIfAbsent(name, n -> new Op(n.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
