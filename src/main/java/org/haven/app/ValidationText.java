package org.haven.app;

import java.util.Locale;

/**
 * Turns a validator's English message (PersonValidator, EventValidator...) into the user's language:
 * key "validation.<message as a slug>", e.g. "cannot be in the future" -> validation.cannot_be_in_the_future.
 * An unknown message is shown as it is (validator messages never hold personal data).
 */
public final class ValidationText {
    private ValidationText() {}

    public static String of(String message) {
        if (message == null) return null;
        String key = "validation." + slug(message);
        String text = I18n.t(key);
        return text.startsWith("!") ? message : text;
    }

    static String slug(String message) {
        return message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
