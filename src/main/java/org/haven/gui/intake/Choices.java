package org.haven.gui.intake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.haven.gui.toolkit.I18n;
import org.haven.core.intake.GridColumn;
import org.haven.core.people.Countries;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Sex;

/**
 * What the grid offers while typing in each column, and the translation of shown labels
 * ("Held by the person") back to the values the parser reads (HELD). The region's countries and
 * languages come first, so two letters usually suffice.
 */
final class Choices {
    private static final List<String> REGION_COUNTRIES = List.of("VN", "ID", "CN", "KH", "TH", "MM", "LA", "PH", "MY",
            "BD", "IN", "NP", "PK", "LK", "TW", "KR", "JP", "SG", "KE", "UG", "ET", "NG");
    private static final List<String> REGION_LANGUAGES = List.of("vi", "km", "th", "zh", "id", "my", "lo", "tl", "ms",
            "en", "bn", "ne", "hi", "ur", "ko", "ja", "si", "ta", "sw", "am", "ru");

    private Choices() {}

    static List<String> candidates(GridColumn column) {
        return switch (column) {
            case SEX -> labels(Sex.values());
            case DOCUMENT_STATUS -> labels(DocumentStatus.values());
            case INTERPRETER_NEEDED -> List.of(I18n.t("intake.yes"), I18n.t("intake.no"));
            case NATIONALITY -> countries();
            case LANGUAGES -> languages();
            default -> List.of();
        };
    }

    /** The cell's text as the parser reads it: a label of a choice becomes its value name. */
    static String forParser(GridColumn column, String text) {
        if (text == null || text.isBlank()) return text;
        String t = text.strip();
        switch (column) {
            case SEX -> {
                for (Sex s : Sex.values()) if (I18n.label(s).equalsIgnoreCase(t)) return s.name();
            }
            case DOCUMENT_STATUS -> {
                for (DocumentStatus d : DocumentStatus.values()) if (I18n.label(d).equalsIgnoreCase(t)) return d.name();
            }
            case AGE_OR_BIRTH_DATE -> {
                // A birth date typed in the window's one date format (25/12/1999 in Khmer) reaches the parser as ISO.
                try {
                    java.time.LocalDate date = org.haven.gui.toolkit.Dates.parse(t);
                    if (date != null) return date.toString();
                } catch (java.time.format.DateTimeParseException notOurFormat) {
                    // an age, or a date the parser judges itself
                }
            }
            case INTERPRETER_NEEDED -> {
                if (I18n.t("intake.yes").equalsIgnoreCase(t)) return "yes";
                if (I18n.t("intake.no").equalsIgnoreCase(t)) return "no";
            }
            default -> { }
        }
        return text;
    }

    /**
     * A pasted or typed code shown as the word it stands for: "M" -> "Male", "vn" -> "Vietnam",
     * "km, th" -> "Khmer, Thai" (in the window's language for sex; the country and language names
     * the grid offers). Text that is no known code stays as it is (the row's check then says why).
     */
    static String asWords(GridColumn column, String text) {
        if (text == null || text.isBlank()) return text;
        String t = text.strip();
        return switch (column) {
            case SEX -> {
                Sex sex = org.haven.core.intake.RowParser.parseSex(t);
                yield sex == null ? text : I18n.label(sex);
            }
            case NATIONALITY -> Countries.toCode(t).map(Countries::name).orElse(text);
            case LANGUAGES -> {
                List<String> words = new ArrayList<>();
                for (String part : t.split("\\s*[,;]\\s*")) words.add(languageWord(part));
                yield String.join(", ", words);
            }
            case DOCUMENT_STATUS -> {
                DocumentStatus d = org.haven.core.intake.RowParser.parseDocumentStatus(t);
                yield d == null ? text : I18n.label(d);
            }
            case INTERPRETER_NEEDED -> {
                Boolean yes = org.haven.core.intake.RowParser.parseYesNo(t);
                yield yes == null ? text : I18n.t(yes ? "intake.yes" : "intake.no");
            }
            default -> text;
        };
    }

    /** An ISO 639 code ("km", "vie") as its English name, as the grid's language list spells it. */
    private static String languageWord(String part) {
        if (part.matches("[A-Za-z]{2,3}")) {
            String name = Locale.forLanguageTag(part.toLowerCase(Locale.ROOT)).getDisplayLanguage(Locale.ENGLISH);
            if (!name.isBlank() && !name.equalsIgnoreCase(part)) return name;
        }
        return part;
    }

    private static List<String> labels(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> v : values) out.add(I18n.label(v));
        return out;
    }

    private static List<String> countries() {
        Set<String> out = new LinkedHashSet<>();
        for (String code : REGION_COUNTRIES) out.add(Countries.name(code));
        out.addAll(Countries.all().values().stream().sorted().toList());
        return List.copyOf(out);
    }

    private static List<String> languages() {
        Set<String> out = new LinkedHashSet<>();
        for (String code : REGION_LANGUAGES) out.add(Locale.of(code).getDisplayLanguage(Locale.ENGLISH));
        List<String> rest = new ArrayList<>();
        for (String code : Locale.getISOLanguages()) {
            String name = Locale.of(code).getDisplayLanguage(Locale.ENGLISH);
            if (!name.isBlank() && !name.equalsIgnoreCase(code)) rest.add(name);
        }
        rest.sort(String::compareTo);
        out.addAll(rest);
        return List.copyOf(out);
    }
}
