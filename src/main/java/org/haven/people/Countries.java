package org.haven.people;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * ISO 3166 countries (HTCDS prs_Citizenship), from the JDK's own list. Accepts an alpha-2 or
 * alpha-3 code or the English name, and the demonyms caseworkers type ("Vietnamese", "Khmer").
 */
public final class Countries {
    private static final Map<String, String> BY_KEY = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale locale = Locale.of("", code);
            String name = locale.getDisplayCountry(Locale.ENGLISH);
            NAMES.put(code, name);
            BY_KEY.put(code, code);
            BY_KEY.put(name, code);
            try {
                BY_KEY.put(locale.getISO3Country(), code);
            } catch (java.util.MissingResourceException ignored) {
                // no alpha-3 for this code
            }
        }
        String[][] extra = {
            {"Vietnamese", "VN"}, {"Viet Nam", "VN"}, {"Indonesian", "ID"}, {"Chinese", "CN"}, {"Thai", "TH"},
            {"Lao", "LA"}, {"Laotian", "LA"}, {"Laos", "LA"}, {"Burmese", "MM"}, {"Burma", "MM"}, {"Myanmar (Burma)", "MM"},
            {"Filipino", "PH"}, {"Philippine", "PH"}, {"Khmer", "KH"}, {"Cambodian", "KH"}, {"Malaysian", "MY"},
            {"Bangladeshi", "BD"}, {"Indian", "IN"}, {"Nepali", "NP"}, {"Nepalese", "NP"}, {"Pakistani", "PK"},
            {"Sri Lankan", "LK"}, {"Taiwanese", "TW"}, {"Korean", "KR"}, {"South Korea", "KR"}, {"Japanese", "JP"},
            {"Kenyan", "KE"}, {"Ugandan", "UG"}, {"Ethiopian", "ET"}, {"Nigerian", "NG"}, {"Russia", "RU"},
            {"Russian", "RU"}, {"Turkish", "TR"}, {"Turkey", "TR"}, {"Brazilian", "BR"}, {"Singaporean", "SG"},
        };
        for (String[] e : extra) BY_KEY.put(e[0], e[1]);
    }

    private Countries() {}

    /** The alpha-2 code for a code or name, or empty when it is not a country. */
    public static Optional<String> toCode(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        return Optional.ofNullable(BY_KEY.get(text.trim()));
    }

    public static String name(String code) {
        return code == null ? "" : NAMES.getOrDefault(code, code);
    }

    /** Code -> English name, in ISO order. */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(NAMES);
    }
}
