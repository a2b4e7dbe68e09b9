package org.haven.core.pdf;

import com.ibm.icu.text.BreakIterator;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Fonts of one PDF document: splits text into runs by script, measures them, and shapes complex
 * scripts with the JDK's text layout. Fonts are embedded as subsets and loaded only when a run
 * needs them (a summary with no Chinese never parses the 4 MB CJK font). Not thread-safe: one per document.
 */
public final class Typesetter {
    /** A piece of text drawn with one font. */
    record Run(Face face, boolean bold, String text) {}

    /**
     * Glyph ids and their positions for a shaped run, at font size 1 (y grows downwards, as in
     * Java2D), and for each glyph the text of the cluster it belongs to (its Unicode meaning).
     */
    record Shaped(int[] glyphs, float[] x, float[] y, float advance, String[] text) {}

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final float SHAPE_SIZE = 1000f;

    private final PDDocument doc;
    private final Map<String, PDType0Font> fonts = new HashMap<>();
    private final Map<Run, Shaped> shaped = new HashMap<>();
    private final Map<Run, Float> widths = new HashMap<>();
    private final Map<String, Float> regularWidths = new HashMap<>();
    private final Map<String, Float> boldWidths = new HashMap<>();
    private final Map<PDType0Font, Map<Integer, String>> unicode = new HashMap<>();
    private final Map<Face, Font> awtRegular = new EnumMap<>(Face.class);
    private final BreakIterator lineBreaks = BreakIterator.getLineInstance();

    public Typesetter(PDDocument doc) {
        this.doc = doc;
    }

    /** Text as it may be drawn: composed (NFC, so Vietnamese uses precomposed letters) and with no control characters. */
    static String clean(String text) {
        if (text == null) return "";
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return sb.toString();
    }

    /** Splits one line of text into runs of one face each. Spaces and punctuation stay with their neighbours. */
    List<Run> runs(String line, boolean bold) {
        List<Run> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Face face = null;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            Face wanted = Face.of(cp);
            if (wanted == null) wanted = face != null && canDisplay(face, cp) ? face : Face.LATIN;
            if (!canDisplay(wanted, cp)) {
                wanted = canDisplay(Face.LATIN, cp) ? Face.LATIN : canDisplay(Face.CJK, cp) ? Face.CJK : null;
                if (wanted == null) {
                    // No bundled font has this character: a visible placeholder beats a broken PDF.
                    wanted = face != null ? face : Face.LATIN;
                    cp = '?';
                }
            }
            if (face != null && wanted != face) {
                out.add(new Run(face, bold, current.toString()));
                current.setLength(0);
            }
            face = wanted;
            current.appendCodePoint(cp);
        }
        if (face != null && !current.isEmpty()) out.add(new Run(face, bold, current.toString()));
        return out;
    }

    private boolean canDisplay(Face face, int cp) {
        return awtRegular.computeIfAbsent(face, f -> FontFiles.awt(f.regular)).canDisplay(cp);
    }

    public float width(String line, float size, boolean bold) {
        // Line breaking measures the same words again and again (labels repeat in every case of a
        // batch): remember each string's width at size 1 rather than splitting it into runs each time.
        Map<String, Float> known = bold ? boldWidths : regularWidths;
        Float unit = known.get(line);
        if (unit == null) {
            float w = 0;
            for (Run r : runs(line, bold)) w += width(r, 1f);
            unit = w;
            known.put(line, unit);
        }
        return unit * size;
    }

    float width(Run run, float size) {
        return widths.computeIfAbsent(run, this::unitWidth) * size;
    }

    private float unitWidth(Run run) {
        if (run.face().shaped) return shape(run).advance();
        try {
            return font(run).getStringWidth(run.text()) / 1000f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lays a complex-script run out with the JDK (HarfBuzz inside): the glyphs a reader must see, in order. */
    Shaped shape(Run run) {
        return shaped.computeIfAbsent(run, r -> {
            Font f = FontFiles.awt(r.face().file(r.bold())).deriveFont(SHAPE_SIZE);
            char[] chars = r.text().toCharArray();
            GlyphVector gv = f.layoutGlyphVector(FRC, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
            int n = gv.getNumGlyphs();
            int[] glyphs = new int[n];
            float[] xs = new float[n];
            float[] ys = new float[n];
            for (int i = 0; i < n; i++) {
                glyphs[i] = gv.getGlyphCode(i);
                Point2D p = gv.getGlyphPosition(i);
                xs[i] = (float) p.getX() / SHAPE_SIZE;
                ys[i] = (float) p.getY() / SHAPE_SIZE;
            }
            float advance = (float) gv.getGlyphPosition(n).getX() / SHAPE_SIZE;
            return new Shaped(glyphs, xs, ys, advance, clusters(gv, r.text()));
        });
    }

    /**
     * The text each glyph stands for: the characters from its own character index up to the next
     * cluster's. Glyphs of one cluster (a Khmer consonant with its subscript and vowel) all map to
     * the cluster's text; PDF/A-2u needs every glyph to map to some Unicode, and the ActualText
     * span around the run gives readers the exact string.
     */
    private static String[] clusters(GlyphVector gv, String text) {
        int n = gv.getNumGlyphs();
        int[] starts = new int[n];
        for (int i = 0; i < n; i++) starts[i] = Math.max(0, Math.min(text.length() - 1, gv.getGlyphCharIndex(i)));
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            int end = text.length();
            for (int j = 0; j < n; j++) if (starts[j] > starts[i] && starts[j] < end) end = starts[j];
            out[i] = text.substring(starts[i], end);
        }
        return out;
    }

    /** Encodes unshaped text, remembering what each code means for the ToUnicode map. */
    byte[] encode(PDType0Font font, String text) {
        Map<Integer, String> meaning = unicode.computeIfAbsent(font, f -> new TreeMap<>());
        try {
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                String one = new String(Character.toChars(cp));
                byte[] code = font.encode(one);
                if (code.length == 2) meaning.putIfAbsent(((code[0] & 0xFF) << 8) | (code[1] & 0xFF), one);
            }
            return font.encode(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Remembers what a glyph drawn by id means (its code is its glyph id: Identity-H). */
    void glyphMeans(PDType0Font font, int gid, String text) {
        if (!text.isEmpty()) unicode.computeIfAbsent(font, f -> new TreeMap<>()).putIfAbsent(gid, text);
    }

    /**
     * Embeds the subsets (glyphs drawn by id are not tracked by PDFBox's own save, so this runs
     * before it) and replaces each font's ToUnicode map with one covering every glyph drawn,
     * shaped ones included: PDFBox's own map knows only the characters it encoded itself.
     */
    public void subsetAll() throws IOException {
        for (PDType0Font f : fonts.values()) {
            f.subset();
            Map<Integer, String> meaning = unicode.get(f);
            if (meaning != null && !meaning.isEmpty()) {
                f.getCOSObject().setItem(COSName.TO_UNICODE, ToUnicodeCMap.stream(doc, meaning));
            }
        }
    }

    PDType0Font font(Run run) {
        String file = run.face().file(run.bold());
        return fonts.computeIfAbsent(file, f -> {
            try {
                return PDType0Font.load(doc, FontFiles.parsed(f), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Breaks text into lines no wider than {@code width}: at line-break opportunities (ICU knows
     * Thai, Khmer, Lao, Myanmar and Chinese, which have no spaces between words), and inside a
     * word only when the word alone is too wide. Newlines in the text start new lines.
     */
    public List<String> wrap(String text, float size, boolean bold, float width) {
        List<String> lines = new ArrayList<>();
        String normalized = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        for (String paragraph : normalized.split("\n", -1)) {
            String para = clean(paragraph).stripTrailing();
            if (para.isEmpty()) {
                lines.add("");
                continue;
            }
            lineBreaks.setText(para);
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            int start = lineBreaks.first();
            for (int end = lineBreaks.next(); end != BreakIterator.DONE; start = end, end = lineBreaks.next()) {
                String segment = para.substring(start, end);
                float visible = width(segment.stripTrailing(), size, bold);
                if (lineWidth + visible <= width) {
                    line.append(segment);
                    lineWidth += width(segment, size, bold);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    lineWidth = 0;
                }
                if (visible <= width) {
                    line.append(segment);
                    lineWidth = width(segment, size, bold);
                } else {
                    lineWidth = breakLongWord(segment, size, bold, width, lines, line);
                }
            }
            if (!line.isEmpty()) lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** A word wider than the column: cut it between characters (grapheme clusters, so no accent is split off). */
    private float breakLongWord(String word, float size, boolean bold, float width, List<String> lines, StringBuilder line) {
        BreakIterator chars = BreakIterator.getCharacterInstance();
        chars.setText(word);
        float lineWidth = 0;
        int start = chars.first();
        for (int end = chars.next(); end != BreakIterator.DONE; start = end, end = chars.next()) {
            String piece = word.substring(start, end);
            float w = width(piece, size, bold);
            if (lineWidth + w > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
            }
            line.append(piece);
            lineWidth += w;
        }
        return lineWidth;
    }
}
