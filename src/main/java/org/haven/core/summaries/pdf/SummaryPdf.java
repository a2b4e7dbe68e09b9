package org.haven.core.summaries.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.haven.core.common.Messages;
import org.haven.core.pdf.ArchivalPdf;
import org.haven.core.pdf.Letterhead;
import org.haven.core.pdf.PageCanvas;
import org.haven.core.pdf.Structure;
import org.haven.core.pdf.Typesetter;
import org.haven.core.summaries.CaseSummary.Block;
import org.haven.core.summaries.CaseSummary.EventRow;
import org.haven.core.summaries.CaseSummary.Events;
import org.haven.core.summaries.CaseSummary.Field;
import org.haven.core.summaries.CaseSummary.Fields;
import org.haven.core.summaries.CaseSummary.Part;
import org.haven.core.summaries.CaseSummary.Photo;
import org.haven.core.summaries.CaseSummary.Signature;
import org.haven.core.summaries.CaseSummary.Text;
import org.haven.core.summaries.CaseSummary;

/**
 * Lays case summaries out as one A4 PDF: a running header (organisation, CONFIDENTIAL), a title
 * block and a redaction notice on each case's first page, sections with tables, rows that never
 * break across pages, a footer "Confidential" and "Page X of Y", and, for a batch, a table of
 * contents (case number and page) plus bookmarks. Pages are kept in memory until {@link #save},
 * because the footer needs the page count and the contents need the case page numbers.
 * Longer than 400 lines on purpose: it is one layout engine whose state is the current page and
 * position; split into parts, each would need that state passed around.
 */
public final class SummaryPdf implements AutoCloseable {
    // Geometry (points; A4 is 595 x 842).
    static final float W = PageCanvas.SIZE.getWidth();
    static final float H = PageCanvas.SIZE.getHeight();
    static final float LEFT = 56;
    static final float RIGHT = W - 56;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = H - 64;
    static final float BOTTOM = 56;

    // Type sizes and leading.
    static final float BODY = 9.5f;
    static final float BODY_LEADING = 13f;
    static final float TABLE = 8.8f;
    static final float TABLE_LEADING = 11.6f;
    static final float CELL_PAD = 2.2f;
    static final float LABEL_WIDTH = 140f;

    static final Color INK = new Color(33, 37, 41);
    static final Color MUTED = new Color(100, 108, 116);
    static final Color ACCENT = new Color(28, 52, 92);
    static final Color ALERT = new Color(150, 20, 30);
    static final Color RULE = new Color(185, 190, 198);
    static final Color HEADER_FILL = new Color(228, 233, 240);
    static final Color ZEBRA = new Color(246, 247, 249);
    static final Color NOTICE_FILL = new Color(252, 246, 228);
    static final Color NOTICE_LINE = new Color(205, 170, 90);
    static final Color WARNING_FILL = new Color(251, 234, 234);

    private final PDDocument doc = new PDDocument();
    private final Typesetter ts = new Typesetter(doc);
    /** Tagged PDF: headings, paragraphs and tables in reading order, for screen readers. */
    private final Structure structure = new Structure();
    private PDStructureElement tocHeading;
    private PDStructureElement toc;
    private PDStructureElement coverFacts;
    private final boolean contents;
    private final Messages m;
    private List<Field> cover = List.of();
    private final List<PageInfo> pages = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private String organisation = "";
    private Letterhead letterhead;
    private PageCanvas page;
    private float y;
    private String caseNumber;

    private record PageInfo(PageCanvas canvas, String organisation, String caseNumber) {}

    private record Entry(String caseNumber, int firstPageIndex) {}

    /** In English. @param contents true for a batch: a table of contents goes first */
    public SummaryPdf(boolean contents) {
        this(contents, Messages.english());
    }

    /**
     * @param contents true for a batch: a cover with a table of contents goes first
     * @param m        the language of the page furniture (header, footer, contents)
     */
    public SummaryPdf(boolean contents, Messages m) {
        this.contents = contents;
        this.m = m;
        if (contents) { // first in reading order, though laid out last
            tocHeading = structure.add(null, "H1");
            coverFacts = structure.add(null, "Div");
            toc = structure.add(null, "TOC");
        }
    }

    /** The cover's facts above the table of contents (operation, audience, who produced it, when). */
    public void cover(List<Field> facts) {
        cover = List.copyOf(facts);
    }

    // Room the closing line needs below the last block; reserved while laying out the last block so the
    // line always stays on the page of the block it closes (never a page of its own).
    private static final float END_SPACE = 20;
    /** Space above a section's heading, and between the heading, its rule and the content. */
    private static final float PART_GAP = 12;
    private static final float HEADING_GAP = 4;
    private static final float SIGNATURE_ROW = 26;
    private boolean lastBlock;

    /** Lays out one case summary, starting on a new page. */
    public void add(CaseSummary s) {
        organisation = s.organisation();
        caseNumber = s.caseNumber();
        entries.add(new Entry(s.caseNumber(), pages.size()));
        newPage();
        titleBlock(s);
        List<Part> parts = s.parts();
        for (int i = 0; i < parts.size(); i++) part(parts.get(i), i == parts.size() - 1);
        lastBlock = false;
        if (y - END_SPACE < BOTTOM - 20) newPage(); // only when there were no parts at all
        page.begin(structure.add(null, "P"));
        centered(m.t("summary.end", s.caseNumber()), y - 14, 8f, false, MUTED);
        page.end();
        y -= END_SPACE;
    }

    public int pageCount() {
        return pages.size() + (contents ? tocPages() : 0);
    }

    /** Finishes the document (contents, headers, footers, bookmarks) and writes it. */
    public void save(OutputStream out, String title) throws IOException {
        List<PageInfo> all = new ArrayList<>();
        int tocPages = contents ? tocPages() : 0;
        if (contents) all.addAll(tableOfContents(tocPages));
        all.addAll(pages);
        int total = all.size();
        List<PDPage> finished = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            PageInfo p = all.get(i);
            runningHeader(p);
            footer(p, i + 1, total);
            PDPage pdPage = p.canvas().finish(doc);
            doc.addPage(pdPage);
            finished.add(pdPage);
        }
        if (contents) bookmarks(finished, tocPages);
        ts.subsetAll();
        structure.finish(doc);
        ArchivalPdf.finish(doc, title, m.locale().toLanguageTag()); // title: a case number or an operation code; never a name
        doc.save(out);
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }

    // ---- page furniture

    private void newPage() {
        page = new PageCanvas(ts, structure);
        pages.add(new PageInfo(page, organisation, caseNumber));
        y = TOP;
    }

    /** Starts a new page unless {@code height} still fits above the footer. */
    private boolean need(float height) {
        return need(height, false);
    }

    /** As {@link #need(float)}; {@code closing}: this is the last row of the case, keep the closing line with it. */
    private boolean need(float height, boolean closing) {
        if (y - height - (closing && lastBlock ? END_SPACE : 0) < BOTTOM) {
            newPage();
            return true;
        }
        return false;
    }

    /** The organisation's name, address and logo at the head of every page (default: the name on each summary). */
    public void letterhead(Letterhead letterhead) {
        this.letterhead = letterhead;
    }

    private void runningHeader(PageInfo p) {
        PageCanvas c = p.canvas();
        Letterhead head = letterhead != null ? letterhead : new Letterhead(p.organisation(), "", null);
        String conf = m.t("summary.confidential");
        float confWidth = ts.width(conf, 9.5f, true);
        float bottom = head.draw(doc, c, LEFT, H - 24, WIDTH - confWidth - 90, ACCENT, MUTED);
        c.text(conf, RIGHT - confWidth, H - 33.5f, 9.5f, true, ALERT);
        if (p.caseNumber() != null) {
            String mid = m.t("summary.header.case", p.caseNumber());
            c.text(mid, RIGHT - ts.width(mid, 8.5f, false), H - 44, 8.5f, false, MUTED);
        }
        float rule = Math.min(bottom, H - 48) - 2;
        c.line(LEFT, rule, RIGHT, rule, 0.8f, ACCENT);
    }

    private void footer(PageInfo p, int number, int total) {
        PageCanvas c = p.canvas();
        float base = 34;
        c.line(LEFT, base + 11, RIGHT, base + 11, 0.5f, RULE);
        c.text(m.t("summary.footer.confidential"), LEFT, base, 8f, true, ALERT);
        if (p.caseNumber() != null) {
            String mid = p.caseNumber();
            c.text(mid, (W - ts.width(mid, 8f, false)) / 2, base, 8f, false, MUTED);
        }
        String pg = m.t("summary.footer.page", number, total);
        c.text(pg, RIGHT - ts.width(pg, 8f, false), base, 8f, false, INK);
    }

    // ---- first page of a case

    private void titleBlock(CaseSummary s) {
        y -= 16;
        tagged("H1", () -> page.text(s.title(), LEFT, y, 17f, true, ACCENT));
        y -= 16;
        tagged("P", () -> page.text(s.subtitle(), LEFT, y, 10f, false, INK));
        y -= 13;
        tagged("P", () -> page.text(s.producedLine(), LEFT, y, 8.5f, false, MUTED));
        y -= 12;
        List<String> lines = new ArrayList<>();
        for (String n : s.notices()) lines.addAll(ts.wrap(n, 8.8f, false, WIDTH - 20));
        float h = lines.size() * 11.5f + 12;
        page.fillRect(LEFT, y - h, WIDTH, h, NOTICE_FILL);
        page.line(LEFT, y - h, LEFT, y, 2.5f, NOTICE_LINE);
        float ty = y - 14;
        page.begin(structure.add(null, "P"));
        for (String l : lines) {
            page.text(l, LEFT + 10, ty, 8.8f, false, INK);
            ty -= 11.5f;
        }
        page.end();
        y -= h + 4;
    }

    // ---- sections

    private void part(Part part, boolean lastPart) {
        // The court's certification (the part with no section) is signed as a whole: keep it on one page,
        // measured as it will be laid out (with the closing line when it is the last part).
        need(part.section() == null ? certificationHeight(part) + (lastPart ? END_SPACE : 0)
                : PART_GAP + 2 * HEADING_GAP + 3 * TABLE_LEADING);
        y -= PART_GAP;
        tagged("H2", () -> page.text(part.title(), LEFT, y, 12f, true, ACCENT));
        y -= HEADING_GAP;
        page.line(LEFT, y, RIGHT, y, 0.6f, RULE);
        y -= HEADING_GAP;
        List<Block> blocks = part.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            lastBlock = lastPart && (i == blocks.size() - 1 || (b instanceof Photo && i == blocks.size() - 2));
            if (b instanceof Photo photo && i + 1 < blocks.size() && blocks.get(i + 1) instanceof Fields f) {
                fieldsWithPhoto(f, photo);
                i++;
            } else if (b instanceof Photo photo) {
                fieldsWithPhoto(new Fields(List.of()), photo);
            } else if (b instanceof Fields f && part.section() == null) {
                certificationFields(f);
            } else if (b instanceof Fields f) {
                fields(f, LEFT, WIDTH);
            } else if (b instanceof Events e) {
                events(e);
            } else if (b instanceof Text t) {
                text(t);
            } else if (b instanceof Signature sig) {
                signature(sig);
            }
        }
    }

    /** The height of the certification as {@link #part} and its blocks lay it out. */
    private float certificationHeight(Part part) {
        float h = PART_GAP + 2 * HEADING_GAP;
        for (Block b : part.blocks()) {
            if (b instanceof Fields f) h += certificationFieldsHeight(f);
            else if (b instanceof Text t) h += ts.wrap(t.text(), BODY, false, WIDTH).size() * BODY_LEADING + 7;
            else if (b instanceof Signature sig) h += signatureHeight(sig);
            else return TOP - BOTTOM; // not a certification block: keep the old rule of a page of its own
        }
        return h;
    }

    private static final float PAIR_LABEL = 60;

    /**
     * The certification's fields: two short ones (name and role) share a row, each half a row wide;
     * a long one (the address, the legal basis) has a row of its own. Each row is its own table, so
     * every table stays regular for a screen reader.
     */
    private List<List<Field>> certificationRows(Fields f) {
        List<List<Field>> rows = new ArrayList<>();
        List<Field> all = f.fields();
        float value = WIDTH / 2 - PAIR_LABEL - 2 * CELL_PAD;
        for (int i = 0; i < all.size(); i++) {
            Field a = all.get(i);
            Field b = i + 1 < all.size() ? all.get(i + 1) : null;
            if (b != null && fitsHalf(a, value) && fitsHalf(b, value)) {
                rows.add(List.of(a, b));
                i++;
            } else {
                rows.add(List.of(a));
            }
        }
        return rows;
    }

    private boolean fitsHalf(Field f, float valueWidth) {
        return ts.width(f.label(), TABLE, true) <= PAIR_LABEL - 2 * CELL_PAD && ts.width(f.value(), TABLE, false) <= valueWidth;
    }

    private float certificationFieldsHeight(Fields f) {
        float h = 0;
        for (List<Field> row : certificationRows(f)) {
            h += row.size() == 2 ? rowHeight(List.of(List.of(""))) : fieldsHeight(new Fields(row), WIDTH);
        }
        return h;
    }

    private void certificationFields(Fields f) {
        List<List<Field>> rows = certificationRows(f);
        for (int r = 0; r < rows.size(); r++) {
            List<Field> row = rows.get(r);
            if (row.size() == 1) {
                fields(new Fields(row), LEFT, WIDTH);
                continue;
            }
            float h = rowHeight(List.of(List.of("")));
            need(h, r == rows.size() - 1);
            PDStructureElement tr = structure.add(structure.add(null, "Table"), "TR");
            for (int c = 0; c < 2; c++) {
                Field field = row.get(c);
                float x = LEFT + c * WIDTH / 2;
                cell(structure.header(tr, true), List.of(field.label()), x, PAIR_LABEL, TABLE, true, MUTED);
                cell(structure.add(tr, "TD"), List.of(field.value()), x + PAIR_LABEL, WIDTH / 2 - PAIR_LABEL, TABLE, false,
                        field.withheld() ? MUTED : INK);
            }
            y -= h;
            page.line(LEFT, y, RIGHT, y, 0.35f, RULE);
        }
    }

    /** Signature and date side by side, two to a row (room to sign on each line), kept on one page. */
    private void signature(Signature sig) {
        need(signatureHeight(sig), true);
        List<String> labels = sig.labels();
        float column = WIDTH / 2;
        for (int i = 0; i < labels.size(); i++) {
            if (i % 2 == 0) y -= SIGNATURE_ROW;
            float x = LEFT + (i % 2) * column;
            String label = labels.get(i);
            page.text(label, x, y + 3, BODY, true, MUTED);
            float lineStart = x + Math.max(60, ts.width(label, BODY, true) + 8);
            page.line(lineStart, y + 1, x + column - 16, y + 1, 0.6f, INK);
        }
        y -= 6;
    }

    private static float signatureHeight(Signature sig) {
        return SIGNATURE_ROW * ((sig.labels().size() + 1) / 2) + 6;
    }

    private void fieldsWithPhoto(Fields f, Photo photo) {
        float boxW = 84;
        float boxH = 104;
        float tableH = fieldsHeight(f, WIDTH - boxW - 16);
        need(Math.max(tableH, boxH + 4));
        float top = y;
        float bx = RIGHT - boxW;
        float by = top - 4 - boxH;
        page.fillRect(bx, by, boxW, boxH, ZEBRA);
        page.strokeRect(bx, by, boxW, boxH, 0.6f, RULE);
        List<String> caption = ts.wrap(photo.caption(), 7.5f, false, boxW - 10);
        float cy = by + boxH / 2 + (caption.size() - 1) * 4.5f;
        page.begin(structure.add(null, "P"));
        for (String l : caption) {
            centeredIn(l, bx, boxW, cy, 7.5f, MUTED);
            cy -= 9;
        }
        page.end();
        fields(f, LEFT, WIDTH - boxW - 16);
        y = Math.min(y, by - 4);
    }

    private float fieldsHeight(Fields f, float width) {
        float labelW = LABEL_WIDTH;
        float h = 0;
        for (Field field : f.fields()) h += rowHeight(List.of(ts.wrap(field.label(), TABLE, true, labelW - 2 * CELL_PAD),
                ts.wrap(field.value(), TABLE, false, width - labelW - 2 * CELL_PAD)));
        return h;
    }

    private void fields(Fields f, float x, float width) {
        float labelW = LABEL_WIDTH;
        PDStructureElement table = f.fields().isEmpty() ? null : structure.add(null, "Table");
        List<Field> all = f.fields();
        for (int i = 0; i < all.size(); i++) {
            Field field = all.get(i);
            PDStructureElement tr = structure.add(table, "TR");
            List<String> label = ts.wrap(field.label(), TABLE, true, labelW - 2 * CELL_PAD);
            List<String> value = ts.wrap(field.value(), TABLE, false, width - labelW - 2 * CELL_PAD);
            float h = rowHeight(List.of(label, value));
            need(h, i == all.size() - 1);
            cell(structure.header(tr, true), label, x, labelW, TABLE, true, MUTED);
            cell(structure.add(tr, "TD"), value, x + labelW, width - labelW, TABLE, false, field.withheld() ? MUTED : INK);
            y -= h;
            page.line(x, y, x + width, y, 0.35f, RULE);
        }
    }

    private static final float[] EVENT_COLUMNS = {0.21f, 0.18f, 0.46f, 0.15f};

    private void events(Events e) {
        if (e.rows().isEmpty()) {
            text(new Text(e.emptyText(), CaseSummary.Style.MUTED));
            return;
        }
        float[] widths = new float[EVENT_COLUMNS.length];
        for (int i = 0; i < widths.length; i++) widths[i] = WIDTH * EVENT_COLUMNS[i];
        // The header goes to the next page with the first row, never alone at the foot of a page.
        EventRow first = e.rows().get(0);
        float firstRow = rowHeight(List.of(ts.wrap(first.date(), TABLE, false, widths[0] - 2 * CELL_PAD),
                ts.wrap(first.type(), TABLE, false, widths[1] - 2 * CELL_PAD),
                ts.wrap(first.note(), TABLE, false, widths[2] - 2 * CELL_PAD),
                ts.wrap(first.recordedBy(), TABLE, false, widths[3] - 2 * CELL_PAD)));
        need(headerHeight(e, widths) + Math.min(firstRow, 6 * TABLE_LEADING));
        PDStructureElement table = structure.add(null, "Table");
        eventHeader(e, widths, structure.add(table, "TR"));
        int n = 0;
        for (EventRow r : e.rows()) {
            boolean lastRow = n == e.rows().size() - 1;
            PDStructureElement tr = structure.add(table, "TR");
            List<PDStructureElement> tds = new ArrayList<>();
            for (int c = 0; c < widths.length; c++) tds.add(structure.add(tr, "TD"));
            List<List<String>> cells = List.of(
                    ts.wrap(r.date(), TABLE, false, widths[0] - 2 * CELL_PAD),
                    ts.wrap(r.type(), TABLE, false, widths[1] - 2 * CELL_PAD),
                    ts.wrap(r.note(), TABLE, false, widths[2] - 2 * CELL_PAD),
                    ts.wrap(r.recordedBy(), TABLE, false, widths[3] - 2 * CELL_PAD));
            Color[] colors = {INK, INK, r.noteWithheld() ? MUTED : INK, MUTED};
            boolean zebra = n++ % 2 == 1;
            // A row moves whole to the next page; only a row taller than a page is cut, line by line.
            float h = rowHeight(cells);
            float closing = lastRow && lastBlock ? END_SPACE : 0;
            if (y - h - closing < BOTTOM && h + closing <= TOP - BOTTOM - headerHeight(e, widths)) {
                newPage();
                eventHeader(e, widths, null);
            }
            int from = 0;
            int maxLines = cells.stream().mapToInt(List::size).max().orElse(1);
            while (from < maxLines) {
                int fit = (int) Math.floor((y - BOTTOM - 2 * CELL_PAD) / TABLE_LEADING);
                if (fit <= 0) {
                    newPage();
                    eventHeader(e, widths, null);
                    continue;
                }
                int to = Math.min(maxLines, from + fit);
                float sliceH = (to - from) * TABLE_LEADING + 2 * CELL_PAD;
                if (zebra) page.fillRect(LEFT, y - sliceH, WIDTH, sliceH, ZEBRA);
                float x = LEFT;
                for (int c = 0; c < cells.size(); c++) {
                    List<String> all = cells.get(c);
                    cell(tds.get(c), all.subList(Math.min(from, all.size()), Math.min(to, all.size())), x, widths[c], TABLE, false, colors[c]);
                    x += widths[c];
                }
                y -= sliceH;
                from = to;
            }
            page.line(LEFT, y, RIGHT, y, 0.3f, RULE);
        }
        y -= 4;
    }

    private float headerHeight(Events e, float[] widths) {
        int lines = 1;
        for (int i = 0; i < widths.length; i++) lines = Math.max(lines, ts.wrap(e.headers().get(i), 8.2f, true, widths[i] - 2 * CELL_PAD).size());
        return lines * TABLE_LEADING + 2 * CELL_PAD;
    }

    /** The timeline's header row; {@code tr} is null where it repeats on a following page (an artifact then). */
    private void eventHeader(Events e, float[] widths, PDStructureElement tr) {
        float h = headerHeight(e, widths);
        page.fillRect(LEFT, y - h, WIDTH, h, HEADER_FILL);
        float x = LEFT;
        for (int i = 0; i < widths.length; i++) {
            cell(tr == null ? null : structure.header(tr, false), ts.wrap(e.headers().get(i), 8.2f, true, widths[i] - 2 * CELL_PAD), x, widths[i], 8.2f, true, ACCENT);
            x += widths[i];
        }
        y -= h;
    }

    private void text(Text t) {
        boolean warning = t.style() == CaseSummary.Style.WARNING;
        Color color = switch (t.style()) {
            case MUTED -> MUTED;
            case WARNING -> ALERT;
            case NORMAL -> INK;
        };
        float inset = warning ? 10 : 0;
        List<String> lines = ts.wrap(t.text(), BODY, warning, WIDTH - 2 * inset);
        if (warning) {
            float h = lines.size() * BODY_LEADING + 10;
            need(h + 4);
            page.fillRect(LEFT, y - h - 2, WIDTH, h, WARNING_FILL);
            page.line(LEFT, y - h - 2, LEFT, y - 2, 2.5f, ALERT);
        }
        y -= warning ? 4 : 3;
        PDStructureElement p = structure.add(null, "P");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            need(BODY_LEADING, i == lines.size() - 1);
            y -= BODY_LEADING;
            page.begin(p);
            page.text(line, LEFT + inset, y + 3.5f, BODY, warning, color);
            page.end();
        }
        y -= warning ? 10 : 4;
    }

    private float rowHeight(List<List<String>> cells) {
        int lines = 1;
        for (List<String> c : cells) lines = Math.max(lines, c.size());
        return lines * TABLE_LEADING + 2 * CELL_PAD;
    }

    /** Draws lines of a cell whose top is the current y, as content of {@code element} (TH, TD; null: an artifact). */
    private void cell(PDStructureElement element, List<String> lines, float x, float width, float size, boolean bold, Color color) {
        float base = y - CELL_PAD - size;
        page.begin(element);
        for (String l : lines) {
            page.text(l, x + CELL_PAD, base, size, bold, color);
            base -= TABLE_LEADING;
        }
        page.end();
    }

    /** Draws something that is one element of {@code type} (H1, H2, P), appended to the document in reading order. */
    private void tagged(String type, Runnable draw) {
        page.begin(structure.add(null, type));
        draw.run();
        page.end();
    }

    private void centered(String text, float baseline, float size, boolean bold, Color color) {
        page.text(text, (W - ts.width(text, size, bold)) / 2, baseline, size, bold, color);
    }

    private void centeredIn(String text, float x, float width, float baseline, float size, Color color) {
        page.text(text, x + (width - ts.width(text, size, false)) / 2, baseline, size, false, color);
    }

    // ---- cover and table of contents (batches)

    private static final float TOC_LEADING = 15f;
    private static final float COVER_LEADING = 13f;
    private static final float TOC_NEXT_ENTRY = TOP - 10;

    /** The cover's facts as wrapped lines: label, then value lines. Used for layout and for counting pages. */
    private List<List<String>> coverRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Field f : cover) rows.add(ts.wrap(f.value(), 10f, false, WIDTH - LABEL_WIDTH));
        return rows;
    }

    /** The baseline of the first contents entry on the cover: below the title, the facts and the column heads. */
    private float firstEntry() {
        int lines = 0;
        for (List<String> r : coverRows()) lines += Math.max(1, r.size());
        return TOP - 20 - 16 - lines * COVER_LEADING - 22 - 22 - 15;
    }

    /** How many pages the cover and contents take: the same arithmetic as {@link #tableOfContents}. */
    private int tocPages() {
        int first = Math.max(0, (int) Math.floor((firstEntry() - BOTTOM) / TOC_LEADING) + 1);
        int other = (int) Math.floor((TOC_NEXT_ENTRY - BOTTOM) / TOC_LEADING) + 1;
        int n = entries.size();
        return n <= first ? 1 : 1 + (n - first + other - 1) / other;
    }

    private List<PageInfo> tableOfContents(int tocPages) {
        List<PageInfo> out = new ArrayList<>();
        PageCanvas c = new PageCanvas(ts, structure);
        out.add(new PageInfo(c, organisation, null));
        float ty = TOP - 20;
        c.begin(tocHeading);
        c.text(m.t("summary.toc.title"), LEFT, ty, 17f, true, ACCENT);
        c.end();
        ty -= 16;
        List<List<String>> rows = coverRows();
        for (int i = 0; i < cover.size(); i++) {
            ty -= COVER_LEADING;
            c.begin(structure.add(coverFacts, "P"));
            c.text(cover.get(i).label(), LEFT, ty, 10f, true, MUTED);
            List<String> lines = rows.get(i);
            for (int j = 0; j < lines.size(); j++) {
                if (j > 0) ty -= COVER_LEADING;
                c.text(lines.get(j), LEFT + LABEL_WIDTH, ty, 10f, false, INK);
            }
            c.end();
        }
        ty -= 22;
        c.begin(structure.add(coverFacts, "P"));
        c.text(m.t("summary.toc.count", entries.size()), LEFT, ty, 10f, false, INK);
        c.end();
        ty -= 22;
        c.text(m.t("summary.toc.case"), LEFT, ty, 8.2f, true, ACCENT);
        String pageHead = m.t("summary.toc.page");
        c.text(pageHead, RIGHT - ts.width(pageHead, 8.2f, true), ty, 8.2f, true, ACCENT);
        c.line(LEFT, ty - 4, RIGHT, ty - 4, 0.5f, RULE);
        ty = firstEntry();
        for (Entry e : entries) {
            if (ty < BOTTOM) {
                c = new PageCanvas(ts, structure);
                out.add(new PageInfo(c, organisation, null));
                ty = TOC_NEXT_ENTRY;
            }
            c.begin(structure.add(toc, "TOCI"));
            float w = c.text(e.caseNumber(), LEFT, ty, 9.5f, false, INK);
            String number = Integer.toString(tocPages + e.firstPageIndex() + 1);
            float nw = ts.width(number, 9.5f, false);
            c.text(number, RIGHT - nw, ty, 9.5f, false, INK);
            c.end();
            c.line(LEFT + w + 6, ty + 1, RIGHT - nw - 6, ty + 1, 0.3f, RULE);
            ty -= TOC_LEADING;
        }
        if (out.size() != tocPages) throw new IllegalStateException("table of contents page count");
        return out;
    }

    private void bookmarks(List<PDPage> finished, int tocPages) {
        PDDocumentOutline outline = new PDDocumentOutline();
        for (Entry e : entries) {
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(e.caseNumber());
            PDPageFitDestination dest = new PDPageFitDestination();
            dest.setPage(finished.get(tocPages + e.firstPageIndex()));
            item.setDestination(dest);
            outline.addLast(item);
        }
        doc.getDocumentCatalog().setDocumentOutline(outline);
    }
}
