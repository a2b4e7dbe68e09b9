package org.haven.core.people.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.haven.core.people.NameFolding;

/**
 * Names in any script to folded Latin words, for matching. ICU (through {@link NameFolding}) covers
 * Chinese, Myanmar, Bengali and Thai, but has no Khmer or Lao transliterator: it returns those
 * unchanged and folding then strips their vowel signs. So Khmer and Lao (and Thai, where ICU's
 * letter-by-letter ISO 11940 output is far from how names are spelled in Latin) go through a
 * small letter table here that follows the common romanization: close enough for the consonant
 * skeleton and phonetic comparison in {@link NameSimilarity}, not a linguistic transcription.
 */
public final class Romanizer {
    private static final Map<Integer, String> TABLE = new HashMap<>();
    /** Vowel signs written before the consonant they follow in speech (Thai and Lao). */
    private static final String PRE_BASE = "\u0E40\u0E41\u0E42\u0E43\u0E44\u0EC0\u0EC1\u0EC2\u0EC3\u0EC4";
    private static final int THANTHAKHAT = 0x0E4C; // Thai: the marked consonant is silent
    private static final int KHMER_COENG = 0x17D2; // Khmer: the next consonant is subscript

    static {
        // Khmer consonants U+1780..U+17A2, independent vowels, dependent vowels and signs.
        put(0x1780, "k", "kh", "k", "kh", "ng", "ch", "chh", "ch", "chh", "nh", "d", "th", "d", "th", "n", "t", "th",
                "t", "th", "n", "b", "ph", "p", "ph", "m", "y", "r", "l", "v", "s", "s", "s", "h", "l", "");
        put(0x17A3, "a", "aa", "e", "ei", "o", "ou", "ou", "ov", "rue", "rue", "lue", "lue", "ae", "ai", "ao", "ao", "au");
        put(0x17B6, "a", "i", "i", "oe", "eu", "o", "ou", "uo", "aeu", "oea", "ie", "e", "ae", "ai", "ao", "au", "m", "h");
        for (int cp = 0x17C8; cp <= 0x17DD; cp++) TABLE.putIfAbsent(cp, "");
        for (int d = 0; d < 10; d++) TABLE.put(0x17E0 + d, Integer.toString(d));
        // Lao.
        String[][] lao = {{"ກ", "k"}, {"ຂ", "kh"}, {"ຄ", "kh"}, {"ງ", "ng"}, {"ຈ", "ch"}, {"ຊ", "s"}, {"ຍ", "ny"},
            {"ດ", "d"}, {"ຕ", "t"}, {"ຖ", "th"}, {"ທ", "th"}, {"ນ", "n"}, {"ບ", "b"}, {"ປ", "p"}, {"ຜ", "ph"},
            {"ຝ", "f"}, {"ພ", "ph"}, {"ຟ", "f"}, {"ມ", "m"}, {"ຢ", "y"}, {"ຣ", "r"}, {"ລ", "l"}, {"ວ", "v"},
            {"ສ", "s"}, {"ຫ", "h"}, {"ອ", "o"}, {"ຮ", "h"}, {"ໜ", "n"}, {"ໝ", "m"},
            {"ະ", "a"}, {"ັ", "a"}, {"າ", "a"}, {"ຳ", "am"}, {"ິ", "i"}, {"ີ", "i"}, {"ຶ", "u"}, {"ື", "u"},
            {"ຸ", "ou"}, {"ູ", "ou"}, {"ົ", "o"}, {"ຼ", "l"}, {"ຽ", "ia"}, {"ເ", "e"}, {"ແ", "ae"}, {"ໂ", "o"},
            {"ໃ", "ai"}, {"ໄ", "ai"}, {"ໆ", ""}, {"່", ""}, {"້", ""}, {"໊", ""}, {"໋", ""}, {"໌", ""}, {"ໍ", "o"}};
        putPairs(lao);
        // Thai (initial sounds of the Royal Thai General System, simplified).
        String[][] thai = {{"ก", "k"}, {"ข", "kh"}, {"ฃ", "kh"}, {"ค", "kh"}, {"ฅ", "kh"}, {"ฆ", "kh"}, {"ง", "ng"},
            {"จ", "ch"}, {"ฉ", "ch"}, {"ช", "ch"}, {"ซ", "s"}, {"ฌ", "ch"}, {"ญ", "y"}, {"ฎ", "d"}, {"ฏ", "t"},
            {"ฐ", "th"}, {"ฑ", "th"}, {"ฒ", "th"}, {"ณ", "n"}, {"ด", "d"}, {"ต", "t"}, {"ถ", "th"}, {"ท", "th"},
            {"ธ", "th"}, {"น", "n"}, {"บ", "b"}, {"ป", "p"}, {"ผ", "ph"}, {"ฝ", "f"}, {"พ", "ph"}, {"ฟ", "f"},
            {"ภ", "ph"}, {"ม", "m"}, {"ย", "y"}, {"ร", "r"}, {"ฤ", "rue"}, {"ล", "l"}, {"ฦ", "lue"}, {"ว", "w"},
            {"ศ", "s"}, {"ษ", "s"}, {"ส", "s"}, {"ห", "h"}, {"ฬ", "l"}, {"อ", "o"}, {"ฮ", "h"},
            {"ะ", "a"}, {"ั", "a"}, {"า", "a"}, {"ำ", "am"}, {"ิ", "i"}, {"ี", "i"}, {"ึ", "ue"}, {"ื", "ue"},
            {"ุ", "u"}, {"ู", "u"}, {"เ", "e"}, {"แ", "ae"}, {"โ", "o"}, {"ใ", "ai"}, {"ไ", "ai"}, {"ๅ", ""},
            {"็", ""}, {"่", ""}, {"้", ""}, {"๊", ""}, {"๋", ""}, {"ฯ", ""}, {"ๆ", ""}, {"ํ", ""}};
        putPairs(thai);
    }

    private Romanizer() {}

    /** Folded Latin words of a name in any script ("សុខ ដារ៉ា" -> "sokh dara", "王伟" -> "wang wei"). */
    public static String fold(String text) {
        if (text == null || text.isBlank()) return "";
        StringBuilder out = new StringBuilder();
        // Runs of table scripts are romanized here; everything else goes through ICU folding.
        StringBuilder other = new StringBuilder();
        int[] cps = text.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            if (!inTable(cps[i])) {
                other.appendCodePoint(cps[i]);
                i++;
                continue;
            }
            if (!other.isEmpty()) {
                out.append(' ').append(NameFolding.fold(other.toString()));
                other.setLength(0);
            }
            int start = i;
            while (i < cps.length && inTable(cps[i])) i++;
            out.append(' ').append(romanizeRun(cps, start, i));
        }
        if (!other.isEmpty()) out.append(' ').append(NameFolding.fold(other.toString()));
        return NameFolding.foldLatin(out.toString());
    }

    private static boolean inTable(int cp) {
        return (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x0E80 && cp <= 0x0EFF) || (cp >= 0x0E00 && cp <= 0x0E7F);
    }

    private static String romanizeRun(int[] cps, int from, int to) {
        // One entry per letter, so a Thai silent mark can drop the consonant it sits on.
        List<String> units = new ArrayList<>();
        List<Boolean> consonant = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int cp = cps[i];
            if (PRE_BASE.indexOf(cp) >= 0 && i + 1 < to && isConsonant(cps[i + 1])) {
                units.add(TABLE.getOrDefault(cps[i + 1], ""));
                consonant.add(true);
                units.add(TABLE.getOrDefault(cp, ""));
                consonant.add(false);
                i++;
                continue;
            }
            if (cp == THANTHAKHAT) {
                for (int u = units.size() - 1; u >= 0; u--) {
                    boolean wasConsonant = consonant.get(u);
                    units.remove(u);
                    consonant.remove(u);
                    if (wasConsonant) break;
                }
                continue;
            }
            if (cp == KHMER_COENG) continue;
            units.add(TABLE.getOrDefault(cp, ""));
            consonant.add(isConsonant(cp));
        }
        return String.join("", units);
    }

    private static boolean isConsonant(int cp) {
        return (cp >= 0x1780 && cp <= 0x17A2) || (cp >= 0x0E01 && cp <= 0x0E2E) || (cp >= 0x0E81 && cp <= 0x0EAE)
                || cp == 0x0EDC || cp == 0x0EDD;
    }

    private static void put(int first, String... values) {
        for (int k = 0; k < values.length; k++) TABLE.put(first + k, values[k]);
    }

    private static void putPairs(String[][] pairs) {
        for (String[] p : pairs) TABLE.put(p[0].codePointAt(0), p[1]);
    }
}
