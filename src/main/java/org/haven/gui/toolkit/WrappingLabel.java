package org.haven.gui.toolkit;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A label whose text wraps to its width, for every script.
 *
 * <p>Why not {@code Label.setWrapText(true)}: on Linux, JavaFX shapes complex scripts (Khmer, Thai,
 * Lao, Myanmar) through Pango, and when its own line breaking splits such a run, each piece is
 * shaped from its start to the end of the paragraph: every wrapped line draws the rest of the
 * paragraph again, runs out of its box and repeats fragments (seen with JavaFX 26.0.2; the line
 * bounds of a wrapped Khmer Text are 648, 403 and 190 px in a 316 px box). A paragraph whose lines
 * are separated by hard line breaks is laid out right, since JavaFX never splits a run then. So this
 * label breaks the lines itself, at the break opportunities ICU finds for the window's language
 * (dictionary-based for Khmer, Thai, Lao and Myanmar, which put no spaces between words), and shows
 * them in one unwrapped {@link Text} as its graphic. {@link #getText()} stays the paragraph as given.
 */
public class WrappingLabel extends Label {
    private final Text lines = new Text();
    private final Text measure = new Text();
    private final Node icon;
    private String laidOutFor;
    private double laidOutWidth = -1;
    private Font laidOutFont;
    private List<String> laidOut = List.of();

    public WrappingLabel() {
        this("");
    }

    public WrappingLabel(String text) {
        this(text, null);
    }

    /** With an icon before the text (on the first line's height). */
    public WrappingLabel(String text, Node icon) {
        super(text);
        this.icon = icon;
        getStyleClass().add("wrapping-label");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        if (icon == null) {
            setGraphic(lines);
        } else {
            HBox both = new HBox(icon, lines);
            both.spacingProperty().bind(graphicTextGapProperty());
            both.setAlignment(Pos.TOP_LEFT);
            setGraphic(both);
        }
        setMinWidth(0);
        setMaxWidth(Double.MAX_VALUE);
        lines.fillProperty().bind(textFillProperty());
        lines.fontProperty().bind(fontProperty());
        lines.textAlignmentProperty().bind(textAlignmentProperty());
        lines.getStyleClass().add("wrapping-label-text");
        textProperty().addListener((o, a, b) -> requestLayout());
        fontProperty().addListener((o, a, b) -> requestLayout());
    }

    /** The lines as laid out for the current width (for tests and screen readers' sake the text stays whole). */
    public List<String> lines() {
        return List.copyOf(laidOut);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        double widest = 0;
        for (String paragraph : paragraphs(getText())) widest = Math.max(widest, width(paragraph));
        double full = horizontalExtra() + Math.ceil(widest);
        double max = getMaxWidth();
        // A label given a maximum width wants to be that wide at most: parents that ask for the height
        // before they know the width then get the height of the lines it will really have.
        return max > 0 && max < Double.MAX_VALUE ? Math.min(full, max) : full;
    }

    /** Padding, and the icon with its gap: what of the width is not for the text. */
    private double horizontalExtra() {
        Insets in = getInsets();
        double extra = in.getLeft() + in.getRight();
        if (icon != null) extra += icon.prefWidth(-1) + getGraphicTextGap();
        return extra;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        if (width < 0) width = getPrefWidth() > 0 ? getPrefWidth() : computePrefWidth(-1); // asked without a width: the width it wants
        double available = width < 0 ? Double.MAX_VALUE : width - horizontalExtra();
        int count = Math.max(1, wrap(available).size());
        double iconHeight = icon == null ? 0 : icon.prefHeight(-1);
        return in.getTop() + in.getBottom() + Math.max(iconHeight, count * lineHeight());
    }

    @Override
    protected void layoutChildren() {
        List<String> wrapped = wrap(getWidth() - horizontalExtra());
        laidOut = wrapped;
        String shown = String.join("\n", wrapped);
        if (!shown.equals(lines.getText())) lines.setText(shown);
        super.layoutChildren();
    }

    /** The height of one line of this very text (Khmer's stacked marks make its lines taller than Latin ones). */
    private double lineHeight() {
        measure.setFont(getFont());
        String text = getText() == null ? "" : getText().replace('\n', ' ');
        measure.setText(text.isEmpty() ? " " : text);
        return Math.ceil(measure.getLayoutBounds().getHeight());
    }

    private double width(String s) {
        measure.setFont(getFont());
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    private static List<String> paragraphs(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }

    /** The text broken into lines no wider than {@code max} (a word wider than a line is broken between characters). */
    List<String> wrap(double max) {
        String text = getText() == null ? "" : getText();
        if (text.equals(laidOutFor) && max == laidOutWidth && getFont().equals(laidOutFont)) return laidOut;
        List<String> result = new ArrayList<>();
        if (max <= 0) {
            result.addAll(paragraphs(text));
        } else {
            for (String paragraph : paragraphs(text)) wrapParagraph(paragraph, max, result);
        }
        laidOutFor = text;
        laidOutWidth = max;
        laidOutFont = getFont();
        laidOut = result;
        return result;
    }

    private void wrapParagraph(String paragraph, double max, List<String> out) {
        if (paragraph.isEmpty() || width(paragraph) <= max) {
            out.add(paragraph);
            return;
        }
        BreakIterator breaks = BreakIterator.getLineInstance(ULocale.forLocale(I18n.locale()));
        breaks.setText(paragraph);
        int start = 0;
        int lastFit = -1;
        for (int end = breaks.following(0); end != BreakIterator.DONE; end = breaks.next()) {
            if (width(paragraph.substring(start, end).stripTrailing()) <= max) {
                lastFit = end;
                continue;
            }
            if (lastFit > start) {
                out.add(paragraph.substring(start, lastFit).stripTrailing());
                start = lastFit;
                if (width(paragraph.substring(start, end).stripTrailing()) <= max) {
                    lastFit = end;
                    continue;
                }
            }
            start = breakWithinWord(paragraph, start, end, max, out);
            lastFit = end;
        }
        if (start < paragraph.length()) out.add(paragraph.substring(start).stripTrailing());
    }

    /** A single word wider than the line: put as many whole characters (graphemes) as fit on each line. */
    private int breakWithinWord(String paragraph, int start, int end, double max, List<String> out) {
        BreakIterator chars = BreakIterator.getCharacterInstance(ULocale.forLocale(I18n.locale()));
        chars.setText(paragraph);
        int lineStart = start;
        int lastFit = -1;
        for (int c = chars.following(start); c != BreakIterator.DONE && c <= end; c = chars.next()) {
            if (width(paragraph.substring(lineStart, c)) <= max || lastFit <= lineStart) {
                lastFit = c;
                continue;
            }
            out.add(paragraph.substring(lineStart, lastFit));
            lineStart = lastFit;
            lastFit = c;
        }
        return lineStart;
    }
}
