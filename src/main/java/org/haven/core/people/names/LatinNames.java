package org.haven.core.people.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.haven.core.people.NameFolding;

/**
 * A Latin spelling of a name written only in its own script, for people registered from a list
 * with no Latin column: Chinese through ICU's Han-Latin (pinyin, tones dropped, the family name
 * first and the given name as one word: "王小明" -> "Wang Xiaoming"), Khmer, Lao and Thai through
 * Haven's own tables ({@link Romanizer}), Vietnamese with its accents removed, other scripts
 * through ICU's Any-Latin. It is a help for search, sorting and reading, not a transcription a
 * person chose: Haven stores it marked as derived and never in place of what was typed.
 */
public final class LatinNames {
    private LatinNames() {}

    /** The derived Latin name ("" when the text holds nothing that can be spelled in Latin). */
    public static String derive(String nameNative) {
        if (nameNative == null || nameNative.isBlank()) return "";
        List<String> out = new ArrayList<>();
        for (String word : nameNative.strip().split("[\\s,;]+")) {
            if (word.isEmpty()) continue;
            List<String> syllables = NameFolding.words(Romanizer.fold(word));
            if (syllables.isEmpty()) continue;
            if (allHan(word) && syllables.size() > 1) {
                // Chinese names are written without spaces; pinyin puts the family name apart.
                out.add(capitalized(syllables.getFirst()));
                out.add(capitalized(String.join("", syllables.subList(1, syllables.size()))));
            } else {
                for (String s : syllables) out.add(capitalized(s));
            }
        }
        return String.join(" ", out);
    }

    private static boolean allHan(String word) {
        return word.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
