package org.haven.app;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every string a user sees comes from here (resource bundle i18n/messages*.properties, UTF-8). */
public final class I18n {
    private static volatile Locale locale = Locale.ENGLISH;
    private static volatile ResourceBundle bundle = load(locale);

    private I18n() {}

    public static Locale locale() {
        return locale;
    }

    public static void setLocale(Locale newLocale) {
        locale = newLocale;
        bundle = load(newLocale);
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    /** The text for a key, with {0}-style arguments filled in. A missing key shows as !key! so tests catch it. */
    public static String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The label of an enum value: key "enum.<Type>.<VALUE>". */
    public static String label(Enum<?> value) {
        if (value == null) return "";
        return t("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** A country's name in the UI language (ISO alpha-2 code in, e.g. "KH" -> "កម្ពុជា"). */
    public static String country(String code) {
        if (code == null || code.isBlank()) return "";
        String name = Locale.of("", code).getDisplayCountry(locale);
        return name.isBlank() ? code : name;
    }

    private static ResourceBundle load(Locale l) {
        // Java 9+ reads .properties bundles as UTF-8.
        return ResourceBundle.getBundle("i18n.messages", l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
