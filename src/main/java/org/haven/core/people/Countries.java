package org.haven.core.people;

import com.ibm.icu.impl.ICUData;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.UResourceBundle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * ISO 3166 countries (HTCDS prs_Citizenship). {@link #toCode} is the one parser of a nationality as people
 * write it, used by the import, the intake grid and form, the validator and matching. It accepts, ignoring
 * case, spaces, punctuation and Latin accents ("VIET  NAM", "Cote d'Ivoire"):
 * <ol>
 *   <li>the ISO 3166-1 alpha-2 and alpha-3 codes;</li>
 *   <li>CLDR's English names, short names and variants (ICU4J: "Myanmar (Burma)", "Myanmar", "UK", "Ivory Coast");</li>
 *   <li>ISO 3166's own English names from Debian's iso-codes ("Viet Nam", "Taiwan, Province of China"),
 *       see iso-3166-names.tsv;</li>
 *   <li>the world-countries data: common and official names and alternative spellings ("Burma",
 *       "Russian Federation", "Korea, Republic of"), see world-countries-names.tsv;</li>
 *   <li>its English demonyms ("Burmese", "Filipino"), an independent country's before a territory's;</li>
 *   <li>CLDR's names in the UI languages and the region's ("កម្ពុជា", "中国", "Việt Nam", "ไทย");</li>
 *   <li>the few field spellings no source holds (field-spellings.tsv, each with its reason).</li>
 * </ol>
 * A spelling claimed by two countries in the same step is refused rather than guessed; an earlier step wins
 * over a later one.
 */
public final class Countries {
    /** Display-name languages after English: the UI languages, then the region's (Thai, Burmese, Lao, Malay). */
    private static final List<String> OTHER_LANGUAGES = List.of("km", "vi", "id", "zh", "zh-Hant", "th", "my", "lo", "ms");

    private static final Map<String, String> NAMES = new LinkedHashMap<>();
    /** The combining diacritical marks that Latin (and Vietnamese) letters decompose into. */
    private static final Pattern DOTTED_CAPITALS = Pattern.compile("(\\p{Lu}\\.){2,3}");
    private static final Pattern LATIN_ACCENTS = Pattern.compile("[\\u0300-\\u036F]");

    static {
        for (String code : Locale.getISOCountries()) {
            NAMES.put(code, new ULocale("", code).getDisplayCountry(ULocale.ENGLISH));
        }
    }

    /** Built on first use (about half a second): spelling key -> alpha-2 code. */
    private static final class Index {
        static final Map<String, String> BY_KEY = build();
    }

    private static Map<String, String> build() {
        Map<String, String> byKey = new HashMap<>();
        addStep(byKey, add -> {
            for (String code : NAMES.keySet()) {
                add.accept(code, code);
                try {
                    add.accept(new ULocale("", code).getISO3Country(), code);
                } catch (MissingResourceException ignored) {
                    // no alpha-3 for this code
                }
            }
        });
        addStep(byKey, add -> cldrNames(ULocale.ENGLISH, add));
        addStep(byKey, add -> readTsv("iso-3166-names.tsv", cells -> add.accept(cells[2], cells[0])));
        addStep(byKey, add -> worldCountries(List.of("common", "official", "alt"), add));
        addStep(byKey, add -> worldCountries(List.of("demonym"), add));
        addStep(byKey, add -> worldCountries(List.of("demonym-territory"), add));
        addStep(byKey, add -> {
            for (String language : OTHER_LANGUAGES) cldrNames(ULocale.forLanguageTag(language), add);
        });
        addStep(byKey, add -> readTsv("field-spellings.tsv", cells -> add.accept(cells[0], cells[1])));
        return Map.copyOf(byKey);
    }

    private Countries() {}

    /** The alpha-2 code for a code, name or demonym, or empty when it is not a country. */
    public static Optional<String> toCode(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String key = key(text);
        if (key.isEmpty()) return Optional.empty();
        // "N/A" and "n.a." (no nationality known) fold to "na", Namibia's code: a short Latin form
        // (a code, "UK", "Lao") counts only when it is written as letters alone.
        // Dotted capitals ("U.K.", "U.S.A.", "P.R.C.") are abbreviations too, but "N.A." still means "not available".
        boolean shortLatin = key.length() <= 3 && key.chars().allMatch(c -> c < 128);
        boolean lettersAlone = text.strip().chars().allMatch(Character::isLetter);
        boolean dottedCapitals = DOTTED_CAPITALS.matcher(text.strip()).matches() && !key.equals("na");
        if (shortLatin && !lettersAlone && !dottedCapitals) return Optional.empty();
        return Optional.ofNullable(Index.BY_KEY.get(key));
    }

    public static String name(String code) {
        return code == null ? "" : NAMES.getOrDefault(code, code);
    }

    /** Code -> English name, in ISO order. */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(NAMES);
    }

    /**
     * "Côte d’Ivoire" -> "cotedivoire", "Đông Timor" -> "dongtimor": drops Latin accents (Vietnamese đ has no
     * decomposition, so it is folded by hand), case, spaces and punctuation; keeps the letters and marks of
     * other scripts (Khmer vowel signs, Chinese).
     */
    static String key(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String folded = LATIN_ACCENTS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).replace('đ', 'd');
        StringBuilder sb = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(c -> Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                        || Character.getType(c) == Character.COMBINING_SPACING_MARK)
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** One source: its spellings go in unless an earlier source has them or two countries claim one. */
    private static void addStep(Map<String, String> byKey, Consumer<BiConsumer<String, String>> source) {
        Map<String, String> step = new HashMap<>();
        Set<String> claimedTwice = new HashSet<>();
        source.accept((text, code) -> {
            if (text == null || !NAMES.containsKey(code)) return;
            String key = key(text);
            if (key.isEmpty()) return;
            String before = step.putIfAbsent(key, code);
            if (before != null && !before.equals(code)) claimedTwice.add(key);
        });
        step.forEach((key, code) -> {
            if (!claimedTwice.contains(key)) byKey.putIfAbsent(key, code);
        });
    }

    /** CLDR's display names of every country in one language, with its short and variant forms. */
    private static void cldrNames(ULocale language, BiConsumer<String, String> add) {
        for (String code : NAMES.keySet()) add.accept(new ULocale("", code).getDisplayCountry(language), code);
        UResourceBundle region = UResourceBundle.getBundleInstance(ICUData.ICU_REGION_BASE_NAME, language);
        for (String table : List.of("Countries%short", "Countries%variant")) {
            UResourceBundle names;
            try {
                names = region.get(table);
            } catch (MissingResourceException none) {
                continue;
            }
            for (int i = 0; i < names.getSize(); i++) add.accept(names.get(i).getString(), names.get(i).getKey());
        }
    }

    private static void worldCountries(List<String> kinds, BiConsumer<String, String> add) {
        readTsv("world-countries-names.tsv", cells -> {
            if (kinds.contains(cells[1])) add.accept(cells[2], cells[0]);
        });
    }

    private static void readTsv(String resource, Consumer<String[]> row) {
        try (InputStream in = Countries.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                row.accept(line.split("\t"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
