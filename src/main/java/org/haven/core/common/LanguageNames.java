package org.haven.core.common;

import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Recorded language codes ("km, vi") as words in the reader's language (CLDR names through ICU). */
public final class LanguageNames {
    private LanguageNames() {
    }

    /**
     * "km, vi" as "Khmer, Vietnamese" in {@code in}; anything that is not a language code ICU knows
     * is given as recorded.
     */
    public static String of(String recorded, Locale in) {
        if (recorded == null || recorded.isBlank()) return recorded;
        ULocale reader = ULocale.forLocale(in);
        List<String> out = new ArrayList<>();
        for (String token : recorded.split("[,;]")) {
            String code = token.strip();
            if (code.isEmpty()) continue;
            String name = code.matches("[A-Za-z]{2,3}") ? ULocale.getDisplayLanguage(code.toLowerCase(Locale.ROOT), reader) : code;
            out.add(name.equalsIgnoreCase(code) ? code : name);
        }
        return String.join(", ", out);
    }
}
