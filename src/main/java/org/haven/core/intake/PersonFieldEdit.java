package org.haven.core.intake;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haven.core.common.HavenException;
import org.haven.core.people.Countries;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;

/**
 * {@code FIELD=VALUE} edits of a person, for scripts and tests ({@code haven person set}). Fields are
 * named as the identified export's columns ({@code name_latin}, {@code birth_date},
 * {@code person_notes}...), with the import's names accepted too ({@code notes}, {@code date_of_birth},
 * {@code age}). Values are read as an import reads them ({@link RowParser}); an empty value clears
 * the field. The service then applies the same rules as the form. Messages name the field, never the value.
 */
public final class PersonFieldEdit {
    /** The person's columns of the identified export, in its order. */
    public static final List<String> FIELDS = List.of("name_latin", "name_native", "aliases", "sex", "birth_date",
            "estimated_age", "nationality", "languages", "interpreter_needed", "document_status", "document_number",
            "family_contact", "person_notes");
    private static final Map<String, String> OTHER_NAMES = Map.of("notes", "person_notes", "date_of_birth", "birth_date",
            "age", "estimated_age");
    private static final Pattern AGE = Pattern.compile("~?\\s*(\\d{1,3})");
    private static final Pattern FIELD_LIKE = Pattern.compile("[A-Za-z_]{1,40}");
    private static final Pattern CAMEL = Pattern.compile("([a-z])([A-Z])");

    private PersonFieldEdit() {}

    /** {@code FIELD=VALUE} arguments as field (export name) to value, in order; bad input for a malformed, unknown or repeated one. */
    public static Map<String, String> parse(List<String> assignments) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.edit.expectedFieldValue");
            String field = field(a.substring(0, eq));
            if (out.put(field, a.substring(eq + 1)) != null) {
                throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.edit.fieldTwice", String.valueOf(field));
            }
        }
        if (out.isEmpty()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.edit.noField");
        return out;
    }

    /** The export name of a field as typed, or bad input naming the fields there are. */
    static String field(String typed) {
        String name = typed.strip().toLowerCase(Locale.ROOT);
        name = OTHER_NAMES.getOrDefault(name, name);
        if (!FIELDS.contains(name)) {
            // Echoed only when it looks like a field name: text before a mistyped '=' could be a value (a name).
            String shown = FIELD_LIKE.matcher(typed.strip()).matches() ? " '" + typed.strip() + "'" : "";
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.edit.unknownField", String.valueOf(shown), String.valueOf(String.join(",", FIELDS)));
        }
        return name;
    }

    /** The person with the edits applied (not yet validated as a whole: the service does that). */
    public static Person apply(Person p, Map<String, String> edits) {
        String nameNative = p.nameNative();
        String nameLatin = p.nameLatin();
        boolean latinDerived = p.latinDerived();
        String aliases = p.aliases();
        Sex sex = p.sex();
        LocalDate birthDate = p.birthDate();
        Integer age = p.estimatedAge();
        String nationality = p.nationality();
        String languages = p.languages();
        boolean interpreter = p.interpreterNeeded();
        DocumentStatus documentStatus = p.documentStatus();
        String documentNumber = p.documentNumber();
        String familyContact = p.familyContact();
        String notes = p.notes();
        for (var e : edits.entrySet()) {
            String field = e.getKey();
            String value = e.getValue() == null || e.getValue().isBlank() ? null : e.getValue().strip();
            switch (field) {
                case "name_latin" -> {
                    nameLatin = value; // empty: a Latin name derived from the native one, as in the form
                    latinDerived = false;
                }
                case "name_native" -> nameNative = value;
                case "aliases" -> aliases = value;
                case "sex" -> {
                    sex = value == null ? null : RowParser.parseSex(value);
                    if (sex == null) throw invalid(field, "not a known value (male, female, transgender/nonconforming, unknown)");
                }
                case "birth_date" -> {
                    if (value == null) {
                        birthDate = null;
                    } else {
                        RowParser.DateResult d = RowParser.parseDate(value);
                        if (d.error() != null) throw invalid(field, d.error());
                        birthDate = d.date();
                    }
                }
                case "estimated_age" -> {
                    if (value == null) {
                        age = null;
                    } else {
                        Matcher m = AGE.matcher(value);
                        if (!m.matches()) throw invalid(field, "not a whole number of years");
                        age = Integer.parseInt(m.group(1));
                    }
                }
                case "nationality" -> {
                    nationality = value == null ? null : Countries.toCode(value).orElse(null);
                    if (value != null && nationality == null) throw invalid(field, "not a known country (use an ISO code or the English name)");
                }
                case "languages" -> languages = value;
                case "interpreter_needed" -> {
                    Boolean b = value == null ? Boolean.FALSE : RowParser.parseYesNo(value);
                    if (b == null) throw invalid(field, "not yes or no");
                    interpreter = b;
                }
                case "document_status" -> {
                    documentStatus = value == null ? null : RowParser.parseDocumentStatus(value);
                    if (documentStatus == null) {
                        throw invalid(field, "not a known value (none, held, confiscated, lost, with police, with embassy, unknown)");
                    }
                }
                case "document_number" -> documentNumber = value;
                case "family_contact" -> familyContact = value;
                case "person_notes" -> notes = value;
                default -> throw new IllegalStateException("unmapped field " + field);
            }
        }
        return new Person(p.id(), nameNative, nameLatin, aliases, sex, birthDate, age, nationality, languages, interpreter,
                documentStatus, documentNumber, familyContact, notes, p.version(), latinDerived);
    }

    /**
     * The export name of a field the person rules name ({@code birthDate} -> {@code birth_date}, {@code notes}
     * -> {@code person_notes}), so that a refused value is reported in the names the command took.
     */
    public static String exportName(String validatorField) {
        String snake = CAMEL.matcher(validatorField).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
        return OTHER_NAMES.getOrDefault(snake, snake);
    }

    private static HavenException invalid(String field, String why) {
        return HavenException.of(HavenException.Kind.BAD_INPUT, "error.edit.invalidValue", String.valueOf(field), String.valueOf(why));
    }
}
