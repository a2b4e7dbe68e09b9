package org.haven.intake.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;

/**
 * Type-ahead as in a spreadsheet: while typing at the end of a field, the first candidate that
 * starts with the typed text is filled in, its remainder selected, so the next key either
 * replaces it or Tab/Enter accepts it. With {@code multi}, only the text after the last comma is
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
            int start = multi ? Math.max(newText.lastIndexOf(',') , newText.lastIndexOf(';')) + 1 : 0;
            String prefix = newText.substring(start).stripLeading();
            if (prefix.isEmpty()) return change;
            String match = firstStartingWith(candidates, prefix);
            if (match == null) return change;
            String rest = match.substring(prefix.length());
            change.setText(change.getText() + rest);
            change.selectRange(newText.length() + rest.length(), newText.length());
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

    private static String firstStartingWith(List<String> candidates, String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            if (c.length() > prefix.length() && c.toLowerCase(Locale.ROOT).startsWith(p)) return c;
        }
        return null;
    }
}
