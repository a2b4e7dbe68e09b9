package org.haven.gui.intake;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;

/**
 * Type-ahead as in a spreadsheet: while typing at the end of a field, the candidate equal to the
 * typed text, or else the only one that starts with it, is filled in, its remainder selected, so
 * the next key either replaces it or Tab/Enter accepts it (several possible: nothing is filled in). With {@code multi}, only the text after the last comma is
 * completed (a list of languages).
 */
final class Completion {
    private Completion() {}

    static void install(TextField field, List<String> candidates, boolean multi) {
        UnaryOperator<TextFormatter.Change> filter = change -> {
            // Only single typed characters at the end: pasting and programmatic changes are left alone.
            if (!field.isFocused() || !change.isContentChange() || change.getText().length() != 1) return change;
            if (change.getRangeEnd() != change.getControlText().length()) return change;
            String newText = change.getControlNewText();
            int start = multi ? Math.max(newText.lastIndexOf(','), newText.lastIndexOf(';')) + 1 : 0;
            String segment = newText.substring(start);
            String prefix = segment.stripLeading();
            if (prefix.isEmpty()) return change;
            String match = exactOrUnique(candidates, prefix);
            if (match == null) return change;
            // Replace the typed part with the candidate in its own spelling ("m" -> "Male"), the rest selected.
            String lead = segment.substring(0, segment.length() - prefix.length());
            change.setRange(start, change.getControlText().length());
            change.setText(lead + match);
            int typedEnd = start + lead.length() + prefix.length();
            change.selectRange(start + lead.length() + match.length(), typedEnd);
            return change;
        };
        field.setTextFormatter(new TextFormatter<>(filter));
    }

    /** The candidate equal to the text ignoring case, in the candidate's own spelling; else the text. */
    static String canonical(List<String> candidates, String text) {
        if (text == null) return null;
        for (String c : candidates) {
            if (c.equalsIgnoreCase(text.strip())) return c;
        }
        return text;
    }

    /** Like {@link #canonical} for each comma-separated part ("khmer, thai" -> "Khmer, Thai"). */
    static String canonicalList(List<String> candidates, String text) {
        if (text == null) return null;
        StringBuilder out = new StringBuilder();
        for (String part : text.split("(?<=[,;])", -1)) {
            boolean sep = part.endsWith(",") || part.endsWith(";");
            String body = sep ? part.substring(0, part.length() - 1) : part;
            String lead = body.substring(0, body.length() - body.stripLeading().length());
            String trail = body.substring(lead.length() + body.strip().length());
            out.append(lead).append(canonical(candidates, body.strip())).append(trail);
            if (sep) out.append(part.charAt(part.length() - 1));
        }
        return out.toString();
    }

    /**
     * The candidate to fill in: the one equal to the typed text, else the only one starting with it.
     * Several that start with it: none, so that "Malay" is never turned into "Malayalam" by a Tab.
     */
    static String exactOrUnique(List<String> candidates, String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        String only = null;
        for (String c : candidates) {
            String lower = c.toLowerCase(Locale.ROOT);
            if (lower.equals(p)) return c;
            if (lower.startsWith(p)) {
                if (only != null) return null;
                only = c;
            }
        }
        return only;
    }
}
