package org.haven.reports;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.haven.common.AtomicFiles;

/**
 * The statistics as a PDF report: each table's chart (as drawn on screen) and its counts, with the
 * small-cell rule applied exactly as in the CSV. Latin text only (labels are English or codes), in
 * the embedded Noto Sans subset.
 */
public final class StatisticsPdf {
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    /**
     * What the report says about itself: whose report it is (organisation, may be blank), its title,
     * the period/filter line, the small-cell rule, the table titles and the line saying when it was
     * produced (printed under the filter line).
     */
    public record Texts(String organisation, String title, String filter, String note, Map<String, String> tableTitles,
                        String produced) {
        public Texts(String title, String filter, String note, Map<String, String> tableTitles) {
            this("", title, filter, note, tableTitles, "");
        }
    }

    private final PDDocument doc;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private PDPageContentStream page;
    private float y;

    private StatisticsPdf(PDDocument doc) throws IOException {
        this.doc = doc;
        this.regular = load(doc, "NotoSans-Regular.ttf");
        this.bold = load(doc, "NotoSans-Bold.ttf");
    }

    /**
     * Writes the report through a temporary file in the same folder. {@code label} turns a table id
     * and a row or column key into the text shown; {@code images} may miss tables (no chart then).
     */
    public static void write(List<CountTable> tables, Map<String, BufferedImage> images, int k, Texts texts,
                             BiFunction<String, String, String> label, Path file) {
        AtomicFiles.write(file, tmp -> {
            try (PDDocument doc = new PDDocument()) {
                StatisticsPdf pdf = new StatisticsPdf(doc);
                pdf.render(tables, images, k, texts, label);
                doc.save(tmp.toFile());
            }
        });
    }

    private void render(List<CountTable> tables, Map<String, BufferedImage> images, int k, Texts texts,
                        BiFunction<String, String, String> label) throws IOException {
        newPage();
        if (!texts.organisation().isBlank()) {
            text(bold, 11, MARGIN, texts.organisation());
            y -= 20;
        }
        text(bold, 18, MARGIN, texts.title());
        y -= 28;
        text(regular, 10, MARGIN, texts.filter());
        y -= 14;
        if (!texts.produced().isBlank()) {
            text(regular, 10, MARGIN, texts.produced());
            y -= 14;
        }
        for (String line : wrap(texts.note(), regular, 9, WIDTH)) {
            text(regular, 9, MARGIN, line);
            y -= 12;
        }
        y -= 10;
        for (CountTable t : tables) {
            SmallCells.Protected p = SmallCells.protect(t, k);
            need(60);
            text(bold, 13, MARGIN, texts.tableTitles().getOrDefault(t.id(), t.id()));
            y -= 22;
            BufferedImage image = images.get(t.id());
            if (image != null) {
                float w = Math.min(WIDTH, image.getWidth() * 0.75f);
                float h = w * image.getHeight() / image.getWidth();
                need(h + 10);
                PDImageXObject x = LosslessFactory.createFromImage(doc, image);
                page.drawImage(x, MARGIN, y - h, w, h);
                y -= h + 10;
            }
            if (t.columns().size() == 1) {
                for (int i = 0; i < t.rows().size(); i++) row(label.apply(t.id(), t.rows().get(i)), p.cell(i, 0), regular);
                if (p.publishesTotal()) row("Total", Long.toString(t.total()), bold);
            } else {
                crossTable(t, p, label);
            }
            y -= 16;
        }
        page.close();
        footers(texts);
    }

    /** "Page X of Y" (and the organisation) at the foot of every page, once the page count is known. */
    private void footers(Texts texts) throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                page = foot;
                String pg = "Page " + (i + 1) + " of " + total;
                float w = regular.getStringWidth(pg) / 1000 * 8;
                text(regular, 8, PDRectangle.A4.getWidth() - MARGIN - w, pg, 30);
                if (!texts.organisation().isBlank()) text(regular, 8, MARGIN, texts.organisation(), 30);
            }
        }
    }

    private void row(String left, String right, PDType0Font font) throws IOException {
        need(14);
        text(font, 10, MARGIN + 10, left);
        float w = font.getStringWidth(right) / 1000 * 10;
        text(font, 10, MARGIN + 260 - w, right);
        y -= 13;
    }

    private void crossTable(CountTable t, SmallCells.Protected p, BiFunction<String, String, String> label) throws IOException {
        int cols = t.columns().size();
        float first = 60;
        float colWidth = (WIDTH - first) / cols;
        need(40);
        for (int j = 0; j < cols; j++) {
            List<String> head = wrap(label.apply(t.id() + ".column", t.columns().get(j)), regular, 7, colWidth - 4);
            for (int l = 0; l < head.size() && l < 3; l++) text(regular, 7, MARGIN + first + j * colWidth, head.get(l), y - l * 9);
        }
        y -= 30;
        for (int i = 0; i < t.rows().size(); i++) {
            need(12);
            text(regular, 8, MARGIN, t.rows().get(i));
            for (int j = 0; j < cols; j++) text(regular, 8, MARGIN + first + j * colWidth, p.cell(i, j));
            y -= 11;
        }
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            page.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        page = new PDPageContentStream(doc, p);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void text(PDType0Font font, float size, float x, String s) throws IOException {
        text(font, size, x, s, y);
    }

    private void text(PDType0Font font, float size, float x, String s, float atY) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, atY - size);
        page.showText(s);
        page.endText();
    }

    private static List<String> wrap(String s, PDType0Font font, float size, float width) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String tryLine = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(tryLine) / 1000 * size > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(tryLine);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    private static PDType0Font load(PDDocument doc, String name) throws IOException {
        InputStream in = StatisticsPdf.class.getResourceAsStream("/assets/fonts/" + name);
        if (in == null) {
            Path dev = Path.of(System.getProperty("haven.assets", "assets"), "fonts", name);
            in = Files.newInputStream(dev);
        }
        try (InputStream font = in) {
            return PDType0Font.load(doc, font, true);
        }
    }
}
