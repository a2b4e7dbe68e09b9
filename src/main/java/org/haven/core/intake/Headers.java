package org.haven.core.intake;

import java.text.Normalizer;
import java.util.Locale;

/** Folds a column header for comparison: case, accents, punctuation and spacing do not matter. */
final class Headers {
    private Headers() {}

    static String normalize(String header) {
        if (header == null) return "";
        String s = header.replace('đ', 'd').replace('Đ', 'D');
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        // Strip Latin accents only: Thai, Khmer and Burmese vowel signs are combining marks too and must stay.
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean latinMark = Character.getType(cp) == Character.NON_SPACING_MARK && cp >= 0x0300 && cp <= 0x036F;
            if (!latinMark) out.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        s = Normalizer.normalize(out.toString(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return s.replaceAll("[^\\p{L}\\p{N}\\p{M}]+", " ").trim();
    }
}
