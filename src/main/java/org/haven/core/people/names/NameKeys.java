package org.haven.core.people.names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.haven.core.people.NameFolding;

/**
 * The forms of a person's names that matching compares ({@link #variants}) and the blocking keys
 * stored for them in the match_key table ({@link #keys}). A candidate is only scored when it
 * shares a key with the name looked up, so the keys must survive the differences matching
 * tolerates: word order (pairs are sorted), spelling and script (each word gives its first three
 * letters and its phonetic code, and a pair of words matches if either form of each matches).
 */
public final class NameKeys {
    /** Words per name used for keys: enough for real names, bounded for pasted nonsense. */
    private static final int MAX_WORDS = 6;
    private static final int MAX_KEY = 60;

    private NameKeys() {}

    public enum Source { LATIN, NATIVE, ALIAS }

    /** One written form of a name as folded Latin words, and whether it came from another script. */
    public record Variant(Source source, String raw, List<String> words, boolean otherScript) {}

    /** Longest stored form of a person's variants (the match_name column). */
    public static final int MAX_ENCODED = 2000;
    private static final String ALIAS_SPLIT = "[,;/\\n]+";

    /** Every form of a person's names: the Latin name, the native name romanized, each alias. */
    public static List<Variant> variants(String nameLatin, String nameNative, String aliases) {
        List<Variant> out = new ArrayList<>();
        add(out, Source.LATIN, nameLatin);
        add(out, Source.NATIVE, nameNative);
        if (aliases != null) {
            for (String alias : aliases.split(ALIAS_SPLIT)) add(out, Source.ALIAS, alias);
        }
        return out;
    }

    private static void add(List<Variant> out, Source source, String name) {
        if (name == null || name.isBlank()) return;
        List<String> words = NameFolding.words(Romanizer.fold(name));
        if (words.isEmpty()) return;
        boolean otherScript = name.codePoints().anyMatch(cp -> cp > 0x024F && !(cp >= 0x1E00 && cp <= 0x1EFF)
                && Character.isLetter(cp));
        for (Variant v : out) {
            if (v.words().equals(words)) return; // the same words already (native == Latin spelling)
        }
        out.add(new Variant(source, name.strip(), words, otherScript));
    }

    /**
     * The variants as stored in match_name, one per line: source letter, 1 if from another
     * script, tab, the words. The raw names are not stored again: {@link #decode} takes them from
     * the person row.
     */
    public static String encode(List<Variant> variants) {
        StringBuilder sb = new StringBuilder();
        for (Variant v : variants) {
            String line = v.source().name().charAt(0) + (v.otherScript() ? "1" : "0") + "\t" + String.join(" ", v.words());
            if (sb.length() + line.length() + 1 > MAX_ENCODED) break;
            if (!sb.isEmpty()) sb.append('\n');
            sb.append(line);
        }
        return sb.toString();
    }

    /** The variants stored by {@link #encode}, with their raw names from the person's columns. */
    public static List<Variant> decode(String encoded, String nameLatin, String nameNative, String aliases) {
        List<Variant> out = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) return out;
        for (String line : encoded.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab < 2) continue;
            Source source = switch (line.charAt(0)) {
                case 'L' -> Source.LATIN;
                case 'N' -> Source.NATIVE;
                default -> Source.ALIAS;
            };
            List<String> words = NameFolding.words(line.substring(tab + 1));
            String raw = switch (source) {
                case LATIN -> nameLatin;
                case NATIVE -> nameNative;
                case ALIAS -> aliasWithWords(aliases, words);
            };
            out.add(new Variant(source, raw == null ? "" : raw.strip(), words, line.charAt(1) == '1'));
        }
        return out;
    }

    private static String aliasWithWords(String aliases, List<String> words) {
        if (aliases == null) return "";
        for (String alias : aliases.split(ALIAS_SPLIT)) {
            if (NameFolding.words(Romanizer.fold(alias)).equals(words)) return alias;
        }
        return "";
    }

    /** The blocking keys of a person (stored) or of a name looked up (queried). */
    public static Set<String> keys(List<Variant> variants) {
        Set<String> keys = new LinkedHashSet<>();
        for (Variant v : variants) {
            // Repeated words count ("Myint Myint"): their pair is a key like any other.
            List<String> words = v.words().size() > MAX_WORDS ? v.words().subList(0, MAX_WORDS) : v.words();
            for (int i = 0; i < words.size(); i++) {
                for (int j = i + 1; j < words.size(); j++) {
                    // Spelling with spelling, sound with sound: mixed pairs would double the rows a lookup reads.
                    List<String> a = codes(words.get(i));
                    List<String> b = codes(words.get(j));
                    for (int k = 0; k < 2; k++) {
                        String x = a.get(k);
                        String y = b.get(k);
                        keys.add(cut("2:" + (x.compareTo(y) <= 0 ? x + "|" + y : y + "|" + x)));
                    }
                }
                keys.add(cut("w:" + words.get(i)));
            }
            if (words.size() == 1) {
                // One-word names ("Thida") meet other one-word names by spelling or sound.
                for (String code : codes(words.get(0))) keys.add(cut("1:" + code));
            }
            keys.add(cut("j:" + String.join("", v.words())));
        }
        return keys;
    }

    /** The keys a lookup uses: word pairs, one-word codes and joined names; single words only for one-word names. */
    public static Set<String> queryKeys(List<Variant> variants) {
        Set<String> keys = new LinkedHashSet<>();
        for (String k : keys(variants)) {
            if (!k.startsWith("w:")) keys.add(k);
        }
        for (Variant v : variants) {
            if (distinct(v.words()).size() == 1) keys.add(cut("w:" + v.words().get(0)));
        }
        return keys;
    }

    /**
     * The two codes of a word: its first three letters, and its sound: the phonetic code, or for
     * words of vowels and soft letters only ("wei", "wu") the consonant skeleton or the word.
     */
    static List<String> codes(String word) {
        String prefix = "p" + (word.length() <= 3 ? word : word.substring(0, 3));
        String phonetic = NameSimilarity.phonetic(word);
        if (phonetic.isEmpty()) {
            String skeleton = NameSimilarity.skeleton(word);
            phonetic = "_" + (skeleton.isEmpty() ? word : skeleton);
        }
        return List.of(prefix, "f" + phonetic);
    }

    private static List<String> distinct(List<String> words) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(words));
        return out.size() > MAX_WORDS ? out.subList(0, MAX_WORDS) : out;
    }

    private static String cut(String key) {
        return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
    }
}
