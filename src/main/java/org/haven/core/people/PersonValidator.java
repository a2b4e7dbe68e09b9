package org.haven.core.people;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.haven.core.common.PlainText;
import org.haven.core.common.ValidationErrors;
import org.haven.core.people.names.LatinNames;

/**
 * The rules a person record must meet before it is saved, in one place for the form, the intake
 * grid and imports. Messages name the rule, never the value (they may reach logs or the console).
 */
public final class PersonValidator {
    /** Passport and ID numbers: 5 to 20 letters, digits or dashes. */
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{3,18}[A-Za-z0-9]");
    public static final int MAX_NAME = 200;
    /** The lengths of the person table's free-text columns (PersonValidatorTest holds them to the schema). */
    public static final int MAX_ALIASES = 500;
    public static final int MAX_FAMILY_CONTACT = 500;
    public static final int MAX_LANGUAGES = 200;
    public static final int MAX_NOTES = 4000;

    private PersonValidator() {}

    /**
     * @param identifiedOn the date the person was identified (the case's opening date): a date of
     *                     birth must come before it
     */
    public static ValidationErrors validate(Person p, LocalDate identifiedOn, LocalDate today) {
        ValidationErrors errors = new ValidationErrors();
        // Text that could attack a terminal or hide itself is refused first, whatever the field.
        PlainText.checkLine(errors, "nameLatin", p.nameLatin());
        PlainText.checkLine(errors, "nameNative", p.nameNative());
        PlainText.checkLine(errors, "aliases", p.aliases());
        PlainText.checkLine(errors, "nationality", p.nationality());
        PlainText.checkLine(errors, "languages", p.languages());
        PlainText.checkLine(errors, "documentNumber", p.documentNumber());
        PlainText.checkLine(errors, "familyContact", p.familyContact());
        PlainText.checkMultiLine(errors, "notes", p.notes());
        if (p.nameLatin() == null || p.nameLatin().isBlank()) {
            // A name in one script alone is enough when a Latin spelling can be derived from it.
            boolean nativeOnly = p.nameNative() != null && !PlainText.isVisiblyEmpty(p.nameNative())
                    && !LatinNames.derive(p.nameNative()).isEmpty();
            if (!nativeOnly) errors.add("nameLatin", "validation.required", "required");
        } else if (PlainText.isVisiblyEmpty(p.nameLatin())) {
            errors.add("nameLatin", PlainText.key(PlainText.ONLY_INVISIBLE), PlainText.ONLY_INVISIBLE);
        } else if (p.nameLatin().length() > MAX_NAME) {
            errors.add("nameLatin", "validation.too_long_at_most_" + MAX_NAME + "_characters", "too long (at most " + MAX_NAME + " characters)");
        }
        if (p.nameNative() != null && !p.nameNative().isEmpty() && PlainText.isVisiblyEmpty(p.nameNative())) {
            errors.add("nameNative", PlainText.key(PlainText.ONLY_INVISIBLE), PlainText.ONLY_INVISIBLE);
        } else if (p.nameNative() != null && p.nameNative().length() > MAX_NAME) {
            errors.add("nameNative", "validation.too_long_at_most_" + MAX_NAME + "_characters", "too long (at most " + MAX_NAME + " characters)");
        }
        // Longer than its column: a clear rule for the user, not a database error at save.
        tooLong(errors, "aliases", p.aliases(), MAX_ALIASES);
        tooLong(errors, "familyContact", p.familyContact(), MAX_FAMILY_CONTACT);
        tooLong(errors, "languages", p.languages(), MAX_LANGUAGES);
        tooLong(errors, "notes", p.notes(), MAX_NOTES);
        if (p.sex() == null) {
            errors.add("sex", "validation.required", "required");
        }
        if (p.birthDate() != null) {
            if (p.birthDate().isAfter(today)) {
                errors.add("birthDate", "validation.cannot_be_in_the_future", "cannot be in the future");
            } else if (identifiedOn != null && !p.birthDate().isBefore(identifiedOn)) {
                errors.add("birthDate", "validation.must_be_before_the_identification_date", "must be before the identification date");
            } else if (p.birthDate().isBefore(today.minusYears(100))) {
                errors.add("birthDate", "validation.more_than_100_years_ago", "more than 100 years ago");
            }
        }
        if (p.estimatedAge() != null && (p.estimatedAge() < 0 || p.estimatedAge() > 100)) {
            errors.add("estimatedAge", "validation.must_be_between_0_and_100", "must be between 0 and 100");
        }
        if (p.nationality() != null && !p.nationality().isBlank() && Countries.toCode(p.nationality()).isEmpty()) {
            errors.add("nationality", "validation.not_a_known_country_use_an_iso_code_or_the_english_name", "not a known country (use an ISO code or the English name)");
        }
        if (identifiedOn != null && identifiedOn.isAfter(today)) {
            errors.add("identifiedOn", "validation.cannot_be_in_the_future", "cannot be in the future");
        }
        if (p.documentStatus() == null) {
            errors.add("documentStatus", "validation.required", "required");
        }
        String number = p.documentNumber();
        if (number != null && !number.isBlank()) {
            if (p.documentStatus() != null && !p.documentStatus().mayHaveNumber()) {
                errors.add("documentNumber", "validation.must_be_empty_when_there_is_no_document", "must be empty when there is no document");
            } else if (!DOCUMENT_NUMBER.matcher(number.trim()).matches()) {
                errors.add("documentNumber", "validation.5_to_20_letters_digits_or_dashes", "5 to 20 letters, digits or dashes");
            }
        }
        return errors;
    }

    private static void tooLong(ValidationErrors errors, String field, String value, int max) {
        if (value != null && value.length() > max) errors.add(field, "validation.too_long_at_most_" + max + "_characters", "too long (at most " + max + " characters)");
    }
}
