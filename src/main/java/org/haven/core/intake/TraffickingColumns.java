package org.haven.core.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.haven.core.cases.MethodOfControl;
import org.haven.core.cases.RecruiterRelation;
import org.haven.core.cases.TraffickingDetails;
import org.haven.core.common.Messages;
import org.haven.core.people.Countries;

/**
 * Reads the three case-level trafficking columns of an intake list (the "Trafficking details" tab's
 * fields, HTCDS/CTDC) into {@link TraffickingDetails} without a case id:
 * <ul>
 *   <li>country_of_exploitation: any spelling {@link Countries#toCode} knows (the nationality column's
 *       resolver: ISO codes, CLDR names such as "Myanmar", "Viet Nam", "UK", names in the region's languages)</li>
 *   <li>recruiter_relation: one or more of the tab's values, ';'-separated (a ',' works too)</li>
 *   <li>methods_of_control: likewise</li>
 * </ul>
 * A value may be written as the export code (CTDC "IntimatePartner", HTCDS "DebtBondage"), Haven's
 * name (INTIMATE_PARTNER), or the tab's word in any of the window's languages ("Intimate partner",
 * "Family member", "Debt bondage"), ignoring case, spaces, '-' and '_'. Error messages never contain the value.
 */
final class TraffickingColumns {
    /** A few everyday words for the recruiter's relation that no label spells (docs/import.md lists them). */
    private static final Map<String, RecruiterRelation> RELATION_WORDS = Map.ofEntries(
            Map.entry("partner", RecruiterRelation.INTIMATE_PARTNER),
            Map.entry("boyfriend", RecruiterRelation.INTIMATE_PARTNER),
            Map.entry("girlfriend", RecruiterRelation.INTIMATE_PARTNER),
            Map.entry("husband", RecruiterRelation.INTIMATE_PARTNER),
            Map.entry("wife", RecruiterRelation.INTIMATE_PARTNER),
            Map.entry("spouse", RecruiterRelation.INTIMATE_PARTNER),
            Map.entry("relative", RecruiterRelation.FAMILY),
            Map.entry("friends", RecruiterRelation.FRIEND));

    private static final Map<String, RecruiterRelation> RELATIONS = index(RecruiterRelation.class, RecruiterRelation::ctdc, RELATION_WORDS);
    private static final Map<String, MethodOfControl> METHODS = index(MethodOfControl.class, MethodOfControl::htcds, Map.of());

    static final String RELATION_VALUES = "intimate partner, friend, family, other, unknown";

    private TraffickingColumns() {}

    /** The details read from a row (empty when none of the columns has a value), adding what is wrong to {@code errors}. */
    static TraffickingDetails parse(Map<IntakeField, String> values, List<FieldError> errors) {
        String country = null;
        String countryText = text(values, IntakeField.COUNTRY_OF_EXPLOITATION);
        if (countryText != null) {
            country = Countries.toCode(countryText).orElse(null);
            if (country == null) {
                errors.add(new FieldError(IntakeField.COUNTRY_OF_EXPLOITATION, "not a known country (use an ISO code or the English name)"));
            }
        }
        Set<RecruiterRelation> relations = list(values, IntakeField.RECRUITER_RELATION, RELATIONS, RecruiterRelation.class,
                "not a known relation (" + RELATION_VALUES + "; several separated by ';')", errors);
        Set<MethodOfControl> methods = list(values, IntakeField.METHODS_OF_CONTROL, METHODS, MethodOfControl.class,
                "not a known method of control (the HTCDS codes or the words of the Trafficking details tab, e.g. DebtBondage;"
                        + " Threats; Withholds documents; several separated by ';')", errors);
        return new TraffickingDetails(null, country, relations, methods);
    }

    private static <E extends Enum<E>> Set<E> list(Map<IntakeField, String> values, IntakeField field, Map<String, E> known,
                                                  Class<E> type, String message, List<FieldError> errors) {
        Set<E> out = EnumSet.noneOf(type);
        String text = text(values, field);
        if (text == null) return out;
        List<Integer> unknown = new ArrayList<>();
        int item = 0;
        for (String part : text.split("[;,]")) {
            if (part.isBlank()) continue;
            item++;
            E value = known.get(key(part));
            if (value == null) unknown.add(item);
            else out.add(value);
        }
        if (!unknown.isEmpty()) {
            String which = unknown.size() == 1 && item == 1 ? "" : (unknown.size() == 1 ? "item " : "items ")
                    + String.join(", ", unknown.stream().map(String::valueOf).toList()) + ": ";
            errors.add(new FieldError(field, which + message));
        }
        return out;
    }

    /**
     * Every spelling of every value: the export code, the enum name, the label in each language of the
     * window, then the extra words. A spelling two values share (none today) is left out rather than guessed.
     */
    private static <E extends Enum<E>> Map<String, E> index(Class<E> type, java.util.function.Function<E, String> code,
                                                           Map<String, E> extraWords) {
        Map<String, E> byKey = new HashMap<>();
        Set<String> ambiguous = new java.util.HashSet<>();
        java.util.function.BiConsumer<String, E> add = (spelling, value) -> {
            String k = key(spelling);
            if (k.isEmpty()) return;
            E before = byKey.putIfAbsent(k, value);
            if (before != null && before != value) ambiguous.add(k);
        };
        for (E value : type.getEnumConstants()) {
            add.accept(code.apply(value), value);
            add.accept(value.name(), value);
            for (Locale language : Messages.SUPPORTED) add.accept(Messages.of(language).label(value), value);
        }
        extraWords.forEach(add);
        ambiguous.forEach(byKey::remove);
        return Map.copyOf(byKey);
    }

    /** "Intimate-partner", "INTIMATE_PARTNER", "intimate partner" -> "intimatepartner"; other scripts keep their letters and marks. */
    static String key(String text) {
        String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(c -> Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String text(Map<IntakeField, String> values, IntakeField field) {
        String v = values.get(field);
        if (v == null) return null;
        String s = v.strip();
        return s.isEmpty() ? null : s;
    }
}
