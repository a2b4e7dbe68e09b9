package org.haven.core.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Texts in one language, from the resource bundles in {@code i18n/messages*.properties} (UTF-8).
 * No JavaFX: documents (summaries, reports) made from the command line use it with the language
 * asked for, independently of the window's language. The window's {@code I18n} uses it too.
 */
public final class Messages {
    /** The languages Haven speaks, first the default. Chinese is Simplified Chinese (zh_CN). */
    public static final List<Locale> SUPPORTED = List.of(
            Locale.ENGLISH, Locale.of("km"), Locale.of("vi"), Locale.of("id"), Locale.SIMPLIFIED_CHINESE);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        // Java 9+ reads .properties bundles as UTF-8; bundles are cached by ResourceBundle itself.
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale, NO_FALLBACK);
    }

    public static Messages of(Locale locale) {
        return new Messages(locale == null ? Locale.ENGLISH : locale);
    }

    public static Messages english() {
        return of(Locale.ENGLISH);
    }

    /**
     * The supported language for a code as a user types it ("en", "km", "vi", "id", "zh"; "zh-CN" too).
     * Anything else: bad input listing the allowed values.
     */
    public static Locale language(String code) {
        String c = code == null ? "" : code.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        for (Locale l : SUPPORTED) {
            if (l.getLanguage().equals(c) || l.toLanguageTag().toLowerCase(Locale.ROOT).equals(c)) return l;
        }
        throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.language", String.valueOf(codes()));
    }

    /** "en, km, vi, id, zh": the codes {@link #language} accepts. */
    public static String codes() {
        return SUPPORTED.stream().map(Locale::getLanguage).collect(Collectors.joining(", "));
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text for a key, with {0}-style arguments filled in. A missing key shows as !key! so tests catch it. */
    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The label of an enum value: key "enum.<Type>.<VALUE>". */
    public String label(Enum<?> value) {
        if (value == null) return "";
        return t("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** A country's name in this language (ISO alpha-2 code in, e.g. "KH" -> "កម្ពុជា"), from CLDR. */
    public String country(String code) {
        if (code == null || code.isBlank()) return "";
        String name = com.ibm.icu.util.ULocale.getDisplayCountry("und-" + code.strip().toUpperCase(Locale.ROOT),
                com.ibm.icu.util.ULocale.forLocale(locale));
        return name.isBlank() || name.equalsIgnoreCase(code.strip()) ? code.strip() : name;
    }
}
