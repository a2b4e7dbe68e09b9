package org.haven.core.people;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns names into comparable keys: lower case, accents and diacritics removed (Vietnamese
 * "Nguyễn Thị" -> "nguyen thi"), and names in other scripts transliterated to Latin
 * (Chinese "阮文" -> "ruan wen", Khmer -> its ICU romanization). Used by search and matching.
 */
public final class NameFolding {
    // Transliterator instances are not thread-safe; one per thread.
    private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private NameFolding() {}

    /** Lower-case ASCII-ish form of a Latin-script text, with diacritics removed. */
    public static String foldLatin(String text) {
        if (text == null) return "";
        String s = text.replace('đ', 'd').replace('Đ', 'D');
        s = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /** Any script to folded Latin. */
    public static String fold(String text) {
        if (text == null || text.isBlank()) return "";
        String latin = isMostlyAscii(text) ? text : TO_LATIN.get().transliterate(text);
        return foldLatin(latin);
    }

    public static List<String> words(String folded) {
        List<String> out = new ArrayList<>();
        for (String w : folded.split(" ")) {
            if (!w.isEmpty()) out.add(w);
        }
        return out;
    }

    /** The tokens a person is found by: folded words of every name, and the raw native words too. */
    public static Set<String> searchTokens(String nameLatin, String nameNative, String aliases) {
        Set<String> tokens = new LinkedHashSet<>();
        tokens.addAll(words(fold(nameLatin)));
        if (aliases != null) tokens.addAll(words(fold(aliases)));
        if (nameNative != null && !nameNative.isBlank()) {
            tokens.addAll(words(fold(nameNative)));
            for (String raw : nameNative.toLowerCase(Locale.ROOT).split("[\\s,;]+")) {
                if (raw.isEmpty()) continue;
                // Chinese names have no spaces: index every suffix so any part can be typed.
                if (raw.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                    int[] cps = raw.codePoints().toArray();
                    for (int i = 0; i < cps.length; i++) tokens.add(new String(cps, i, cps.length - i));
                } else {
                    tokens.add(raw);
                }
            }
        }
        tokens.removeIf(t -> t.length() > 200);
        return tokens;
    }

    private static boolean isMostlyAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Latin with diacritics (Vietnamese) is handled by foldLatin; only other scripts need ICU.
            if (c > 0x024F && !(c >= 0x1E00 && c <= 0x1EFF) && !Character.isWhitespace(c)) return false;
        }
        return true;
    }
}
