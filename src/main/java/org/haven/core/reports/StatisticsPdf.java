package org.haven.core.reports;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.haven.core.common.AtomicFiles;
import org.haven.core.common.Messages;
import org.haven.core.pdf.ArchivalPdf;
import org.haven.core.pdf.Letterhead;
import org.haven.core.pdf.PageCanvas;
import org.haven.core.pdf.Structure;
import org.haven.core.pdf.Typesetter;

/**
 * The statistics as a PDF report: each table's chart (as on the Statistics page) and its counts, with the
 * small-cell rule applied exactly as in the CSV. Drawn with the summaries' typesetter (so an
 * organisation name in Khmer or Thai prints right) and saved as PDF/A-2u like the summaries.
 */
public final class StatisticsPdf {
    private static final float MARGIN = 50;
    private static final float PAGE_W = PDRectangle.A4.getWidth();
    private static final float PAGE_H = PDRectangle.A4.getHeight();
    private static final float WIDTH = PAGE_W - 2 * MARGIN;
    private static final float TOP = PAGE_H - 78;
    private static final float BOTTOM = 56;
    private static final Color INK = new Color(33, 37, 41);
    private static final Color MUTED = new Color(100, 108, 116);
    private static final Color ACCENT = new Color(28, 52, 92);
    private static final Color RULE = new Color(185, 190, 198);

    /**
     * What the report says about itself: whose report it is (organisation, may be blank), its title,
     * the period/filter line, the small-cell rule, the table titles and the line saying when it was
     * produced (printed under the filter line); {@code messages} is the language of the rest (totals,
     * page numbers, chart words), the window's or the one the command line asks for.
     */
    public record Texts(Messages messages, String organisation, String title, String filter, String note,
                        Map<String, String> tableTitles, String produced) {
        public Texts(Messages messages, String title, String filter, String note, Map<String, String> tableTitles) {
            this(messages, "", title, filter, note, tableTitles, "");
        }
    }

    /** The organisation's name, address and logo for the report's head. */
    public static Letterhead letterhead(OrganisationSettings org) {
        return new Letterhead(org.name(), org.address(), org.logo().map(OrganisationSettings.Logo::bytes).orElse(null));
    }

    /**
     * The report's period and operation line, e.g. "Period: 2025-01 to 2026-08 · Operation: OP-7";
     * a blank month leaves that side open ("Period: all records" when both are).
     */
    public static String periodLine(Messages m, String from, String to, String operation) {
        boolean f = from != null && !from.isBlank();
        boolean t = to != null && !to.isBlank();
        String period = f && t ? m.t("stats.pdfPeriod", from.strip(), to.strip())
                : f ? m.t("stats.pdfPeriodSince", from.strip())
                : t ? m.t("stats.pdfPeriodUntil", to.strip())
                : m.t("stats.pdfPeriodAll");
        return period + " · " + m.t("stats.pdfOperation", operation);
    }

    private final PDDocument doc;
    private final Typesetter ts;
    private final Letterhead letterhead;
    private final List<PageCanvas> pages = new ArrayList<>();
    /** Tagged: title, period lines, a heading, a figure and a table per statistic, in reading order. */
    private final Structure structure = new Structure();
    private PageCanvas page;
    private float y;

    private StatisticsPdf(PDDocument doc, Letterhead letterhead) {
        this.doc = doc;
        this.ts = new Typesetter(doc);
        this.letterhead = letterhead;
    }

    /** As {@link #write(List, int, Texts, BiFunction, Letterhead, Path)} with the organisation's name alone. */
    public static void write(List<CountTable> tables, int k, Texts texts,
                             BiFunction<String, String, String> label, Path file) {
        write(tables, k, texts, label, new Letterhead(texts.organisation(), "", null), file);
    }

    /**
     * Writes the report through a temporary file in the same folder. {@code label} turns a table id
     * and a row or column key into the text shown; {@code letterhead} heads every page. Every
     * table with rows gets its chart, drawn here as vector graphics (the same in the window and
     * from the command line).
     */
    public static void write(List<CountTable> tables, int k, Texts texts,
                             BiFunction<String, String, String> label, Letterhead letterhead, Path file) {
        AtomicFiles.write(file, tmp -> {
            try (PDDocument doc = new PDDocument()) {
                StatisticsPdf pdf = new StatisticsPdf(doc, letterhead);
                pdf.render(tables, k, texts, label);
                pdf.finish(texts);
                doc.save(tmp.toFile());
            }
        });
    }

    private void render(List<CountTable> tables, int k, Texts texts,
                        BiFunction<String, String, String> label) throws IOException {
        newPage();
        tagged("H1", () -> text(texts.title(), MARGIN, 18, true, ACCENT));
        y -= 26;
        tagged("P", () -> text(texts.filter(), MARGIN, 10, false, INK));
        y -= 14;
        if (!texts.produced().isBlank()) {
            tagged("P", () -> text(texts.produced(), MARGIN, 10, false, INK));
            y -= 14;
        }
        PDStructureElement note = structure.add(null, "P");
        for (String line : ts.wrap(texts.note(), 9, false, WIDTH)) {
            page.begin(note);
            text(line, MARGIN, 9, false, MUTED);
            page.end();
            y -= 12;
        }
        y -= 10;
        for (CountTable t : tables) {
            SmallCells.Protected p = SmallCells.protect(t, k);
            String title = texts.tableTitles().getOrDefault(t.id(), t.id());
            // The heading stays with its chart (or, without one, with the first rows of its table).
            need(22 + (PdfChart.drawable(t) ? PdfChart.height(ts, p, label, texts.messages(), WIDTH) + 30 : 60));
            tagged("H2", () -> text(title, MARGIN, 13, true, ACCENT));
            y -= 22;
            if (PdfChart.drawable(t)) {
                float h = PdfChart.height(ts, p, label, texts.messages(), WIDTH);
                List<String> caption = ts.wrap(chartCaption(texts, k), 8, false, WIDTH);
                // The chart is one figure (its alternative text points to the table, which holds every count).
                page.begin(structure.figure(null, title + ": " + texts.messages().t("stats.pdfChartAlt")));
                PdfChart.draw(page, p, label, texts.messages(), MARGIN, y, WIDTH);
                page.end();
                y -= h + 4;
                PDStructureElement cap = structure.add(null, "Caption");
                for (String line : caption) {
                    page.begin(cap);
                    text(line, MARGIN, 8, false, MUTED);
                    page.end();
                    y -= 10;
                }
                y -= 6;
            }
            PDStructureElement table = structure.add(null, "Table");
            if (t.columns().size() == 1) {
                for (int i = 0; i < t.rows().size(); i++) row(table, label.apply(t.id(), t.rows().get(i)), p.cell(i, 0), false);
                if (p.publishesTotal()) row(table, texts.messages().t("stats.pdfTotal"), Long.toString(t.total()), true);
            } else {
                crossTable(table, t, p, label);
            }
            y -= 16;
        }
    }

    /** The line under every chart: the period (and operation) and the small-cell rule it was drawn under. */
    static String chartCaption(Texts texts, int k) {
        return texts.filter() + " · " + texts.messages().t("stats.smallCellRule", k);
    }

    /** Letterhead and "Page X of Y" (with the organisation) on every page, once the page count is known; then PDF/A. */
    private void finish(Texts texts) throws IOException {
        int total = pages.size();
        for (int i = 0; i < total; i++) {
            PageCanvas c = pages.get(i);
            float bottom = letterhead.draw(doc, c, MARGIN, PAGE_H - 28, WIDTH, ACCENT, MUTED);
            c.line(MARGIN, Math.min(bottom, PAGE_H - 54) - 2, PAGE_W - MARGIN, Math.min(bottom, PAGE_H - 54) - 2, 0.6f, RULE);
            c.line(MARGIN, 42, PAGE_W - MARGIN, 42, 0.5f, RULE);
            String pg = texts.messages().t("summary.footer.page", i + 1, total);
            c.text(pg, PAGE_W - MARGIN - ts.width(pg, 8, false), 30, 8, false, INK);
            if (!letterhead.name().isBlank()) c.text(letterhead.name(), MARGIN, 30, 8, false, MUTED);
            doc.addPage(c.finish(doc));
        }
        ts.subsetAll();
        structure.finish(doc);
        ArchivalPdf.finish(doc, texts.title(), texts.messages().locale().toLanguageTag());
    }

    private void row(PDStructureElement table, String left, String right, boolean bold) {
        need(14);
        PDStructureElement tr = structure.add(table, "TR");
        page.begin(structure.header(tr, true));
        text(left, MARGIN + 10, 10, bold, INK);
        page.end();
        page.begin(structure.add(tr, "TD"));
        text(right, MARGIN + 260 - ts.width(right, 10, bold), 10, bold, INK);
        page.end();
        y -= 13;
    }

    private void crossTable(PDStructureElement table, CountTable t, SmallCells.Protected p, BiFunction<String, String, String> label) {
        int cols = t.columns().size();
        // The row labels' column as wide as its longest label (up to a third of the page), so none runs into a count.
        float first = 40;
        for (String r : t.rows()) first = Math.max(first, ts.width(label.apply(t.id(), r), 8, false) + 10);
        first = Math.min(first, WIDTH / 3);
        float colWidth = (WIDTH - first) / cols;
        need(40);
        PDStructureElement head = structure.add(table, "TR");
        page.begin(structure.add(head, "TD")); // the empty corner cell
        page.end();
        for (int j = 0; j < cols; j++) {
            List<String> lines = ts.wrap(label.apply(t.id() + ".column", t.columns().get(j)), 7, false, colWidth - 4);
            page.begin(structure.header(head, false));
            for (int l = 0; l < lines.size() && l < 3; l++) page.text(lines.get(l), MARGIN + first + j * colWidth, y - 7 - l * 9, 7, false, MUTED);
            page.end();
        }
        y -= 30;
        for (int i = 0; i < t.rows().size(); i++) {
            need(12);
            PDStructureElement tr = structure.add(table, "TR");
            int row = i;
            page.begin(structure.header(tr, true));
            text(label.apply(t.id(), t.rows().get(row)), MARGIN, 8, false, INK);
            page.end();
            for (int j = 0; j < cols; j++) {
                page.begin(structure.add(tr, "TD"));
                text(p.cell(row, j), MARGIN + first + j * colWidth, 8, false, INK);
                page.end();
            }
            y -= 11;
        }
    }

    private void tagged(String type, Runnable draw) {
        page.begin(structure.add(null, type));
        draw.run();
        page.end();
    }

    private void need(float height) {
        if (y - height < BOTTOM) newPage();
    }

    private void newPage() {
        page = new PageCanvas(ts, structure);
        pages.add(page);
        y = TOP;
    }

    /** One line whose top is the current y. */
    private void text(String s, float x, float size, boolean bold, Color color) {
        page.text(s, x, y - size, size, bold, color);
    }
}
