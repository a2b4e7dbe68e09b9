package org.haven.core.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haven.core.cases.TraffickingDetails;
import org.haven.core.common.Messages;
import org.haven.core.people.Countries;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.PersonValidator;
import org.haven.core.people.Sex;

/**
 * Turns the text of one intake row (an import line or a grid row) into a {@link Person}, or the
 * list of what is wrong with it. Lenient in what it reads, strict in what it accepts:
 * <ul>
 *   <li>sex: what {@link Sex#parse} knows (m, f, male, female, x, transgender/nonconforming, u, unknown...)</li>
 *   <li>date_of_birth: {@code YYYY-MM-DD}; also {@code DD/MM/YYYY}, {@code MM/DD/YYYY}, {@code DD.MM.YYYY} or
 *       {@code DD-MM-YYYY} when only one reading is a real date (25/12/1999); an ambiguous one (05/06/1999)
 *       is refused and must be written as YYYY-MM-DD</li>
 *   <li>age: a whole number 0-100 (a leading "~" for "about" is allowed)</li>
 *   <li>nationality: an ISO 3166 alpha-2 or alpha-3 code, the English name, or a common demonym</li>
 *   <li>interpreter_needed: yes/no, y/n, true/false, 1/0 (empty = no)</li>
 *   <li>document_status: what {@link DocumentStatus#parse} knows (none, held, confiscated, lost, police, embassy)</li>
 *   <li>country_of_exploitation, recruiter_relation, methods_of_control: see {@link TraffickingColumns}</li>
 * </ul>
 * then the shared {@link PersonValidator} rules. Messages never contain the value.
 */
public final class RowParser {
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern OTHER_DATE = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern AGE = Pattern.compile("~?\\s*(\\d{1,3})");
    static final int MAX_ALIASES = 500;
    static final int MAX_LANGUAGES = 200;
    static final int MAX_CONTACT = 500;
    static final int MAX_NOTES = 4000;

    /**
     * The outcome for one row: a person ready to save, with the case's trafficking details (no case id
     * yet; empty when the row gives none), or its errors (never both).
     */
    public record Parsed(Person person, TraffickingDetails trafficking, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private RowParser() {}

    /**
     * @param values       text by field; a missing or blank value is an empty field
     * @param identifiedOn the date the person is registered as identified (a birth date must precede it)
     */
    public static Parsed parse(Map<IntakeField, String> values, LocalDate identifiedOn, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String nameLatin = text(values, IntakeField.NAME_LATIN);
        String nameNative = text(values, IntakeField.NAME_NATIVE);
        String aliases = text(values, IntakeField.ALIASES);
        checkLength(errors, IntakeField.ALIASES, aliases, MAX_ALIASES);

        String sexText = text(values, IntakeField.SEX);
        Sex sex = sexText == null ? null : parseSex(sexText);
        if (sexText != null && sex == null) errors.add(new FieldError(IntakeField.SEX, "not a known value (male, female, transgender/nonconforming, unknown)"));

        LocalDate birthDate = null;
        String dobText = text(values, IntakeField.DATE_OF_BIRTH);
        if (dobText != null) {
            DateResult d = parseDate(dobText);
            if (d.error() != null) errors.add(new FieldError(IntakeField.DATE_OF_BIRTH, d.error()));
            else birthDate = d.date();
        }

        Integer age = null;
        String ageText = text(values, IntakeField.AGE);
        if (ageText != null) {
            Matcher m = AGE.matcher(ageText);
            if (m.matches()) age = Integer.parseInt(m.group(1));
            else errors.add(new FieldError(IntakeField.AGE, "not a whole number of years"));
        }

        String nationality = null;
        String natText = text(values, IntakeField.NATIONALITY);
        if (natText != null) {
            nationality = Countries.toCode(natText).orElse(null);
            if (nationality == null) errors.add(new FieldError(IntakeField.NATIONALITY, "not a known country (use an ISO code or the English name)"));
        }

        String languages = text(values, IntakeField.LANGUAGES);
        checkLength(errors, IntakeField.LANGUAGES, languages, MAX_LANGUAGES);

        boolean interpreter = false;
        String interpreterText = text(values, IntakeField.INTERPRETER_NEEDED);
        if (interpreterText != null) {
            Boolean b = parseYesNo(interpreterText);
            if (b == null) errors.add(new FieldError(IntakeField.INTERPRETER_NEEDED, "not yes or no"));
            else interpreter = b;
        }

        String docText = text(values, IntakeField.DOCUMENT_STATUS);
        DocumentStatus documentStatus = docText == null ? null : parseDocumentStatus(docText);
        if (docText != null && documentStatus == null) {
            errors.add(new FieldError(IntakeField.DOCUMENT_STATUS, "not a known value (none, held, confiscated, lost, with police, with embassy, unknown)"));
        }
        String documentNumber = text(values, IntakeField.DOCUMENT_NUMBER);
        String familyContact = text(values, IntakeField.FAMILY_CONTACT);
        checkLength(errors, IntakeField.FAMILY_CONTACT, familyContact, MAX_CONTACT);
        String notes = text(values, IntakeField.NOTES);
        checkLength(errors, IntakeField.NOTES, notes, MAX_NOTES);

        TraffickingDetails trafficking = TraffickingColumns.parse(values, errors);

        Person person = new Person(null, nameNative, nameLatin, aliases, sex, birthDate, age, nationality, languages,
                interpreter, documentStatus, documentNumber == null ? null : documentNumber.trim(), familyContact, notes, 0);
        // The shared rules; a field that already failed to parse keeps its first message.
        PersonValidator.validate(person, identifiedOn, today).asMap().forEach((field, message) -> {
            IntakeField f = fromValidatorField(field);
            if (f != null && errors.stream().noneMatch(e -> e.field() == f)) errors.add(new FieldError(f, message));
        });
        errors.sort(java.util.Comparator.comparing(FieldError::field));
        boolean valid = errors.isEmpty();
        return new Parsed(valid ? person : null, valid ? trafficking : null, List.copyOf(errors));
    }

    public static Sex parseSex(String text) {
        Sex sex = Sex.parse(text);
        if (sex != null) return sex;
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("transgender / non-conforming") || t.equals("non-conforming") || t.equals("trans")) return Sex.TRANSGENDER_NONCONFORMING;
        // A list written in one script says the sex in its language too: the window's own words for it.
        for (Locale language : Messages.SUPPORTED) {
            Messages words = Messages.of(language);
            for (Sex s : Sex.values()) {
                if (words.label(s).strip().toLowerCase(language).equals(text.strip().toLowerCase(language))) return s;
            }
        }
        return null;
    }

    public static DocumentStatus parseDocumentStatus(String text) {
        DocumentStatus s = DocumentStatus.parse(text);
        if (s != null) return s;
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "no document", "none held" -> DocumentStatus.NONE;
            case "held by the person", "held by person", "with the person" -> DocumentStatus.HELD;
            case "with the police" -> DocumentStatus.WITH_POLICE;
            case "with the embassy" -> DocumentStatus.WITH_EMBASSY;
            default -> null;
        };
    }

    public static Boolean parseYesNo(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> Boolean.TRUE;
            case "no", "n", "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A parsed date, or why it was refused. */
    public record DateResult(LocalDate date, String error) {}

    public static DateResult parseDate(String text) {
        String t = text.trim();
        Matcher iso = ISO_DATE.matcher(t);
        if (iso.matches()) {
            LocalDate d = date(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            return d == null ? new DateResult(null, "not a real date") : new DateResult(d, null);
        }
        Matcher other = OTHER_DATE.matcher(t);
        if (other.matches()) {
            int a = Integer.parseInt(other.group(1));
            int b = Integer.parseInt(other.group(2));
            int year = Integer.parseInt(other.group(3));
            LocalDate dayFirst = date(year, b, a);
            LocalDate monthFirst = date(year, a, b);
            if (dayFirst != null && monthFirst != null && !dayFirst.equals(monthFirst)) {
                return new DateResult(null, "ambiguous day and month: write it as YYYY-MM-DD");
            }
            LocalDate d = dayFirst != null ? dayFirst : monthFirst;
            return d == null ? new DateResult(null, "not a real date") : new DateResult(d, null);
        }
        return new DateResult(null, "not a date (use YYYY-MM-DD)");
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String text(Map<IntakeField, String> values, IntakeField field) {
        String v = values.get(field);
        if (v == null) return null;
        String s = v.strip();
        return s.isEmpty() ? null : s;
    }

    private static void checkLength(List<FieldError> errors, IntakeField field, String value, int max) {
        if (value != null && value.length() > max) errors.add(new FieldError(field, "too long (at most " + max + " characters)"));
    }

    private static IntakeField fromValidatorField(String field) {
        return switch (field) {
            case "nameLatin" -> IntakeField.NAME_LATIN;
            case "nameNative" -> IntakeField.NAME_NATIVE;
            case "sex" -> IntakeField.SEX;
            case "birthDate" -> IntakeField.DATE_OF_BIRTH;
            case "estimatedAge" -> IntakeField.AGE;
            case "nationality" -> IntakeField.NATIONALITY;
            case "documentStatus" -> IntakeField.DOCUMENT_STATUS;
            case "documentNumber" -> IntakeField.DOCUMENT_NUMBER;
            case "aliases" -> IntakeField.ALIASES;
            case "languages" -> IntakeField.LANGUAGES;
            case "familyContact" -> IntakeField.FAMILY_CONTACT;
            case "notes" -> IntakeField.NOTES;
            default -> null; // identifiedOn: the caller's date, checked before parsing rows
        };
    }
}
