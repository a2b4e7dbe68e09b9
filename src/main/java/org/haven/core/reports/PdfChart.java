package org.haven.core.reports;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.haven.core.common.Messages;
import org.haven.core.pdf.PageCanvas;
import org.haven.core.pdf.Typesetter;

/**
 * A statistics table's chart drawn as vector graphics on a PDF page, without a window toolkit, so
 * the command line and the window print the same report. The charts follow the Statistics page:
 * months as vertical (stacked) bars, oldest first and every month of the span; other tables as
 * horizontal bars (stacked per column for cross tables); time to exit as quartile boxes with the
 * median. A hidden cell is never drawn; its category is marked with {@link SmallCells#HIDDEN}.
 */
final class PdfChart {
    /** Okabe-Ito colours: told apart also by readers with a colour vision deficiency. */
    private static final Color[] SERIES = {new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
            new Color(213, 94, 0), new Color(204, 121, 167), new Color(86, 180, 233), new Color(120, 120, 120),
            new Color(240, 228, 66)};
    private static final Color INK = new Color(33, 37, 41);
    private static final Color MUTED = new Color(100, 108, 116);
    private static final Color GRID = new Color(222, 226, 230);
    private static final Color AXIS = new Color(150, 156, 164);
    private static final float LABEL = 7;
    private static final float MONTH_PLOT = 150;
    private static final String MARK = " " + SmallCells.HIDDEN;

    private final PageCanvas page;
    private final Typesetter ts;
    private final SmallCells.Protected p;
    private final CountTable t;
    private final BiFunction<String, String, String> label;
    private final Messages messages;
    /** The columns drawn as series: those with a count shown or hidden (an outcome nobody had adds nothing). */
    private final List<Integer> series = new ArrayList<>();

    private PdfChart(PageCanvas page, Typesetter ts, SmallCells.Protected p, BiFunction<String, String, String> label, Messages messages) {
        this.messages = messages;
        this.page = page;
        this.ts = ts;
        this.p = p;
        this.t = p.table();
        this.label = label;
        for (int j = 0; j < t.columns().size(); j++) {
            boolean used = false;
            for (int i = 0; i < t.rows().size(); i++) used |= t.count(i, j) > 0 || p.isSuppressed(i, j);
            if (used && !CountTable.isMeasure(t.columns().get(j))) series.add(j);
        }
    }

    /** Whether the table has a chart at all (a table with no rows has none). */
    static boolean drawable(CountTable t) {
        return !t.rows().isEmpty();
    }

    /** The height the chart takes for this table at {@code width} points. */
    static float height(Typesetter ts, SmallCells.Protected p, BiFunction<String, String, String> label, Messages messages, float width) {
        CountTable t = p.table();
        PdfChart c = new PdfChart(null, ts, p, label, messages);
        if (byMonth(t)) return MONTH_PLOT + 24 + c.legendHeight(width);
        if (timeToExit(t)) return shownRows(p).size() * rowHeight(shownRows(p).size()) + 24;
        return t.rows().size() * rowHeight(t.rows().size()) + 24 + (t.columns().size() > 1 ? c.legendHeight(width) : 0);
    }

    /** Draws the chart with its top left corner at (x, top), {@code width} wide; content goes to the page's open element. */
    static void draw(PageCanvas page, SmallCells.Protected p, BiFunction<String, String, String> label, Messages messages,
                     float x, float top, float width) {
        PdfChart c = new PdfChart(page, page.typesetter(), p, label, messages);
        if (byMonth(p.table())) c.months(x, top, width);
        else if (timeToExit(p.table())) c.quartiles(x, top, width);
        else c.categories(x, top, width);
    }

    private static boolean byMonth(CountTable t) {
        return t.id().equals(StatisticsService.IDENTIFICATIONS_BY_MONTH) || t.id().equals(StatisticsService.OUTCOMES_BY_MONTH);
    }

    private static boolean timeToExit(CountTable t) {
        return t.id().equals(StatisticsService.TIME_TO_EXIT);
    }

    private static float rowHeight(int rows) {
        return rows > 30 ? 9 : 14;
    }

    /** Vertical bars per month, stacked by column; a month with a hidden count is marked under its bar. */
    private void months(float x, float top, float width) {
        float left = x + 34;
        float plotW = width - 34;
        float base = top - MONTH_PLOT;
        int n = t.rows().size();
        long max = 0;
        for (int i = 0; i < n; i++) max = Math.max(max, shownSum(i));
        long step = niceStep(max);
        long axisMax = Math.max(step, (max + step - 1) / step * step);
        float scale = (MONTH_PLOT - 8) / axisMax;
        for (long v = 0; v <= axisMax; v += step) {
            float gy = base + v * scale;
            page.line(left, gy, left + plotW, gy, 0.4f, v == 0 ? AXIS : GRID);
            String s = Long.toString(v);
            page.text(s, left - 4 - ts.width(s, LABEL, false), gy - 2.5f, LABEL, false, MUTED);
        }
        float slot = plotW / n;
        float bar = Math.max(1, slot * 0.72f);
        // Month labels spaced so they never overlap; a marked month always shows its label.
        float labelW = ts.width("0000-00" + MARK, LABEL, false) + 6;
        int every = Math.max(1, (int) Math.ceil(labelW / slot));
        float lastLabelEnd = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float bx = left + i * slot + (slot - bar) / 2;
            float y = base;
            for (int j : series) {
                if (p.isSuppressed(i, j) || t.count(i, j) == 0) continue;
                float h = t.count(i, j) * scale;
                page.fillRect(bx, y, bar, h, color(j));
                y += h;
            }
            boolean hidden = rowHidden(i);
            if (hidden) page.text(SmallCells.HIDDEN, bx + bar / 2 - ts.width(SmallCells.HIDDEN, 9, true) / 2, y + 2, 9, true, INK);
            String m = label.apply(t.id(), t.rows().get(i)) + (hidden ? MARK : "");
            float mw = ts.width(m, LABEL, false);
            float mx = Math.min(left + i * slot + slot / 2 - mw / 2, x + width - mw);
            if ((i % every == 0 || hidden) && mx > lastLabelEnd + 3) {
                page.text(m, mx, base - 10, LABEL, false, hidden ? INK : MUTED);
                lastLabelEnd = mx + mw;
            }
        }
        legend(x, base - 22, width);
    }

    /** Horizontal bars per row (stacked by column), the row's label on the left and its published count at the end. */
    private void categories(float x, float top, float width) {
        int n = t.rows().size();
        float rowH = rowHeight(n);
        float labelW = Math.min(150, width * 0.3f);
        float valueW = 34;
        float left = x + labelW;
        float plotW = width - labelW - valueW;
        long max = 0;
        for (int i = 0; i < n; i++) max = Math.max(max, shownSum(i));
        long step = niceStep(max);
        long axisMax = Math.max(step, (max + step - 1) / step * step);
        float scale = plotW / axisMax;
        float bottom = top - n * rowH;
        for (long v = 0; v <= axisMax; v += step) {
            float gx = left + v * scale;
            page.line(gx, top, gx, bottom, 0.4f, v == 0 ? AXIS : GRID);
            String s = Long.toString(v);
            page.text(s, gx - ts.width(s, LABEL, false) / 2, bottom - 9, LABEL, false, MUTED);
        }
        for (int i = 0; i < n; i++) {
            float rowTop = top - i * rowH;
            float bh = rowH * 0.66f;
            float by = rowTop - rowH + (rowH - bh) / 2;
            boolean hidden = rowHidden(i);
            String name = fit(label.apply(t.id(), t.rows().get(i)), hidden, labelW - 6);
            page.text(name, left - 4 - ts.width(name, LABEL, false), by + bh / 2 - 2.5f, LABEL, false, INK);
            float bx = left;
            for (int j : series) {
                if (p.isSuppressed(i, j) || t.count(i, j) == 0) continue;
                float w = t.count(i, j) * scale;
                page.fillRect(bx, by, w, bh, color(j));
                bx += w;
            }
            String value = series.size() == 1 || t.columns().size() == 1 ? p.cell(i, 0) : (hidden ? SmallCells.HIDDEN : "");
            if (!value.isEmpty()) page.text(value, bx + 3, by + bh / 2 - 2.5f, LABEL, false, INK);
        }
        if (t.columns().size() > 1) legend(x, bottom - 22, width);
    }

    /** Time to exit: per outcome a box from the first to the third quartile with the median marked, and the figures in words. */
    private void quartiles(float x, float top, float width) {
        List<Integer> rows = shownRows(p);
        float rowH = rowHeight(rows.size());
        float labelW = Math.min(150, width * 0.3f);
        float valueW = 120;
        float left = x + labelW;
        float plotW = width - labelW - valueW;
        long max = 0;
        for (int i : rows) if (!p.isSuppressed(i, 0)) max = Math.max(max, t.count(i, 3));
        long step = niceStep(max);
        long axisMax = Math.max(step, (max + step - 1) / step * step);
        float scale = plotW / axisMax;
        float bottom = top - rows.size() * rowH;
        for (long v = 0; v <= axisMax; v += step) {
            float gx = left + v * scale;
            page.line(gx, top, gx, bottom, 0.4f, v == 0 ? AXIS : GRID);
            String s = Long.toString(v);
            page.text(s, gx - ts.width(s, LABEL, false) / 2, bottom - 9, LABEL, false, MUTED);
        }
        String days = messages.t("stats.days");
        page.text(days, left + plotW + 16, bottom - 9, LABEL, false, MUTED);
        for (int r = 0; r < rows.size(); r++) {
            int i = rows.get(r);
            float rowTop = top - r * rowH;
            float bh = rowH * 0.62f;
            float by = rowTop - rowH + (rowH - bh) / 2;
            boolean hidden = p.isSuppressed(i, 0);
            String name = fit(label.apply(t.id(), t.rows().get(i)), hidden, labelW - 6);
            page.text(name, left - 4 - ts.width(name, LABEL, false), by + bh / 2 - 2.5f, LABEL, false, INK);
            if (hidden) continue;
            long q1 = t.count(i, 1);
            long median = t.count(i, 2);
            long q3 = t.count(i, 3);
            page.fillRect(left + q1 * scale, by, Math.max(1, (q3 - q1) * scale), bh, SERIES[5]);
            page.fillRect(left + median * scale - 0.9f, by - 1, 1.8f, bh + 2, INK);
            String words = messages.t("stats.pdfQuartiles", median, q1, q3, t.count(i, 0));
            page.text(words, left + plotW + 4, by + bh / 2 - 2.5f, LABEL, false, INK);
        }
    }

    /** Colour keys of the series on one or more lines under the chart. */
    private void legend(float x, float y, float width) {
        if (series.size() < 2) return;
        float cx = x;
        for (int j : series) {
            String name = label.apply(t.id() + ".column", t.columns().get(j));
            float w = 12 + ts.width(name, LABEL, false) + 12;
            if (cx + w > x + width) {
                cx = x;
                y -= 11;
            }
            page.fillRect(cx, y, 8, 7, color(j));
            page.text(name, cx + 11, y + 0.5f, LABEL, false, INK);
            cx += w;
        }
    }

    /** The height {@link #legend} takes: the same line breaking, without drawing. */
    private float legendHeight(float width) {
        if (series.size() < 2) return 0;
        float cx = 0;
        int lines = 1;
        for (int j : series) {
            float w = 12 + ts.width(label.apply(t.id() + ".column", t.columns().get(j)), LABEL, false) + 12;
            if (cx + w > width) {
                cx = 0;
                lines++;
            }
            cx += w;
        }
        return 6 + lines * 11;
    }

    /** The rows of the time-to-exit chart: outcomes with cases, or with a hidden count (marked, without a box). */
    private static List<Integer> shownRows(SmallCells.Protected p) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < p.table().rows().size(); i++) if (p.isSuppressed(i, 0) || p.table().count(i, 0) > 0) rows.add(i);
        return rows;
    }

    private long shownSum(int row) {
        long sum = 0;
        for (int j : series) if (!p.isSuppressed(row, j)) sum += t.count(row, j);
        return sum;
    }

    private boolean rowHidden(int row) {
        for (int j = 0; j < t.columns().size(); j++) if (p.isSuppressed(row, j)) return true;
        return false;
    }

    /** The label shortened with an ellipsis to fit, the hidden mark kept. */
    private String fit(String text, boolean hidden, float width) {
        String mark = hidden ? MARK : "";
        if (ts.width(text + mark, LABEL, false) <= width) return text + mark;
        String s = text;
        while (s.length() > 1 && ts.width(s + "…" + mark, LABEL, false) > width) s = s.substring(0, s.offsetByCodePoints(s.length(), -1));
        return s + "…" + mark;
    }

    private Color color(int column) {
        return SERIES[column % SERIES.length];
    }

    /** A round step (1, 2 or 5 times a power of ten) giving about four grid lines up to {@code max}. */
    static long niceStep(long max) {
        if (max <= 4) return 1;
        double raw = max / 4.0;
        long pow = (long) Math.pow(10, Math.floor(Math.log10(raw)));
        for (long m : new long[] {1, 2, 5, 10}) if (m * pow >= raw) return m * pow;
        return 10 * pow;
    }
}
