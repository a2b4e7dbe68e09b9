package org.haven.core.common;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;

/**
 * The one rule for text typed or imported into Haven, used by every validator (person, import, intake
 * grid, forms, settings): no character that can attack a terminal, a spreadsheet or a reader's eyes.
 * Refused: control characters (Unicode category Cc, e.g. ESC, CR; in multi-line text tab and line feed
 * are kept), bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069: they
 * reorder the text after them on screen), tag characters (U+E0000-U+E007F: invisible text),
 * interlinear annotation marks, line and paragraph separators and lone surrogates. Kept: zero-width
 * joiner and non-joiner (Khmer, Myanmar and Indic scripts need them inside words), the zero-width
 * space (Khmer and Thai use it between words) and the left-to-right/right-to-left marks.
 * Character properties come from ICU (Unicode's data), not from a hand-typed table.
 * Messages name the problem, never the value.
 */
public final class PlainText {
    public static final String CONTROL_CHARACTERS = "contains control or hidden formatting characters";
    public static final String ONLY_INVISIBLE = "contains only invisible characters";

    private PlainText() {}

    /** The bundle key of a problem this class names. */
    public static String key(String problem) {
        return ONLY_INVISIBLE.equals(problem) ? "validation.contains_only_invisible_characters"
                : "validation.contains_control_or_hidden_formatting_characters";
    }

    /** Why a one-line text (a name, a place, a number) is refused, or null when it is fine. */
    public static String lineProblem(String text) {
        return problem(text, false);
    }

    /** Adds the field's error to {@code errors} when a one-line text is refused. */
    public static void checkLine(ValidationErrors errors, String field, String text) {
        String problem = lineProblem(text);
        if (problem != null) errors.add(field, key(problem), problem);
    }

    /** Adds the field's error to {@code errors} when a multi-line text (notes) is refused. */
    public static void checkMultiLine(ValidationErrors errors, String field, String text) {
        String problem = multiLineProblem(text);
        if (problem != null) errors.add(field, key(problem), problem);
    }

    /** Why a multi-line text (notes) is refused, or null: tab and line breaks are allowed there. */
    public static String multiLineProblem(String text) {
        return problem(text, true);
    }

    private static String problem(String text, boolean multiLine) {
        if (text == null) return null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean allowed = multiLine && (c == '\t' || c == '\n' || (c == '\r' && next < text.length() && text.charAt(next) == '\n'));
            if (!allowed && refused(c)) return CONTROL_CHARACTERS;
            i = next;
        }
        return null;
    }

    static boolean refused(int c) {
        int type = UCharacter.getType(c);
        if (type == UCharacterCategory.CONTROL || type == UCharacterCategory.SURROGATE) return true;
        if (type == UCharacterCategory.LINE_SEPARATOR || type == UCharacterCategory.PARAGRAPH_SEPARATOR) return true;
        // Bidi_Control minus the three invisible marks (LRM, RLM, ALM), which cannot reorder a run of text.
        if (UCharacter.hasBinaryProperty(c, UProperty.BIDI_CONTROL)) return c != 0x200E && c != 0x200F && c != 0x061C;
        if (c >= 0xE0000 && c <= 0xE007F) return true; // tags: invisible copies of ASCII
        return c >= 0xFFF9 && c <= 0xFFFB;              // interlinear annotations: hidden text
    }

    /**
     * True when nothing would be seen: empty, or only white space (any Unicode White_Space, such as
     * U+00A0 or U+3000) and default-ignorable characters (zero-width space U+200B, U+FEFF, U+2060,
     * joiners, variation selectors, Hangul fillers...).
     */
    public static boolean isVisiblyEmpty(String text) {
        if (text == null) return true;
        return text.codePoints().allMatch(c -> UCharacter.hasBinaryProperty(c, UProperty.WHITE_SPACE)
                || UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || c == 0x2800); // braille blank: looks like a space, is not White_Space
    }

    /**
     * The text as a terminal may print it: control characters, separators and the refused formatting
     * characters written as escapes ({@code \x1b}, {@code \r}, {@code \t}, {@code \n}, {@code \u202e}),
     * and a backslash doubled so an escape can be told from typed text. Everything else unchanged
     * (Khmer with its joiners prints as it is).
     */
    public static String escapeForTerminal(String text) {
        if (text == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            String escape = c == '\\' ? "\\\\" : refused(c) ? escape(c) : null;
            if (escape != null && out == null) out = new StringBuilder(text.length() + 8).append(text, 0, i);
            if (out != null) {
                if (escape != null) out.append(escape);
                else out.appendCodePoint(c);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private static String escape(int c) {
        return switch (c) {
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> c < 0x100 ? String.format("\\x%02x", c)
                    : c <= 0xFFFF ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
        };
    }
}
