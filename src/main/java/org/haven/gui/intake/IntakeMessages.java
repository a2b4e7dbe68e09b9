package org.haven.gui.intake;

import java.util.Locale;
import org.haven.gui.toolkit.I18n;
import org.haven.core.intake.FieldError;

/**
 * Validation messages in the user's language: the rule's English text (from the shared
 * validators) is the key suffix, e.g. "cannot be in the future" -> intake.rule.cannot_be_in_the_future.
 */
final class IntakeMessages {
    private IntakeMessages() {}

    static String of(FieldError error) {
        String key = "intake.rule." + error.message().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        String text = I18n.t(key);
        return text.startsWith("!") ? error.message() : text;
    }
}
