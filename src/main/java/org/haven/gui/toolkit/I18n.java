package org.haven.gui.toolkit;

import java.util.Locale;
import java.util.ResourceBundle;
import org.haven.core.common.Messages;

/**
 * Every string a user sees in the window comes from here: the window's current language, as a
 * {@link Messages} (resource bundle i18n/messages*.properties, UTF-8). Documents that choose their
 * own language (summaries) take a {@link Messages} of that language instead.
 */
public final class I18n {
    private static volatile Messages messages = Messages.english();

    private I18n() {}

    public static Locale locale() {
        return messages.locale();
    }

    public static void setLocale(Locale newLocale) {
        messages = Messages.of(newLocale);
    }

    /** The window's language as a message source. */
    public static Messages messages() {
        return messages;
    }

    public static ResourceBundle bundle() {
        return messages.bundle();
    }

    /** The text for a key, with {0}-style arguments filled in. A missing key shows as !key! so tests catch it. */
    public static String t(String key, Object... args) {
        return messages.t(key, args);
    }

    /** The label of an enum value: key "enum.<Type>.<VALUE>". */
    public static String label(Enum<?> value) {
        return messages.label(value);
    }

    /** A country's name in the UI language (ISO alpha-2 code in, e.g. "KH" -> "កម្ពុជា"). */
    public static String country(String code) {
        if (code == null || code.isBlank()) return "";
        String name = Locale.of("", code).getDisplayCountry(locale());
        return name.isBlank() ? code : name;
    }
}
