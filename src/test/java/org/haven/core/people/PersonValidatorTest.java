package org.haven.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.haven.core.common.ValidationErrors;
import org.junit.jupiter.api.Test;

class PersonValidatorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private static Person person(LocalDate dob, Integer age, DocumentStatus status, String number) {
        return Person.draft("Nguyễn Thị Hương", "Nguyen Thi Huong", Sex.FEMALE, dob, age, "VN", "vi", true, status, number);
    }

    @Test
    void aCompletePersonIsValid() {
        assertThat(PersonValidator.validate(person(LocalDate.of(2000, 1, 2), null, DocumentStatus.HELD, "C1234567"),
                TODAY, TODAY).isEmpty()).isTrue();
    }

    @Test
    void latinNameAndSexAreRequired() {
        Person p = Person.draft(null, " ", null, null, null, null, null, false, DocumentStatus.NONE, null);
        ValidationErrors e = PersonValidator.validate(p, TODAY, TODAY);
        assertThat(e.asMap()).containsKeys("nameLatin", "sex");
    }

    @Test
    void aNameInItsOwnScriptAloneIsEnoughWhenALatinSpellingCanBeDerived() {
        Person khmer = Person.draft("សុខ ដារ៉ា", null, Sex.FEMALE, null, 16, "KH", null, false, DocumentStatus.NONE, null);
        assertThat(PersonValidator.validate(khmer, TODAY, TODAY).isEmpty()).isTrue();
        assertThat(khmer.isMinorOn(TODAY)).isTrue();
        Person nothingToSpell = Person.draft("　--", null, Sex.FEMALE, null, null, null, null, false, DocumentStatus.NONE, null);
        assertThat(PersonValidator.validate(nothingToSpell, TODAY, TODAY).get("nameLatin")).isEqualTo("required");
    }

    @Test
    void datesMustBeInThePastAndBirthBeforeIdentification() {
        assertThat(PersonValidator.validate(person(TODAY.plusDays(1), null, DocumentStatus.NONE, null), TODAY, TODAY).get("birthDate"))
                .contains("future");
        assertThat(PersonValidator.validate(person(LocalDate.of(2026, 5, 1), null, DocumentStatus.NONE, null), LocalDate.of(2026, 4, 1), TODAY)
                .get("birthDate")).contains("before the identification");
        assertThat(PersonValidator.validate(person(null, null, DocumentStatus.NONE, null), TODAY.plusDays(3), TODAY).get("identifiedOn"))
                .contains("future");
    }

    @Test
    void ageIsBetweenZeroAndHundred() {
        assertThat(PersonValidator.validate(person(null, 101, DocumentStatus.NONE, null), TODAY, TODAY).get("estimatedAge")).isNotNull();
        assertThat(PersonValidator.validate(person(null, -1, DocumentStatus.NONE, null), TODAY, TODAY).get("estimatedAge")).isNotNull();
        assertThat(PersonValidator.validate(person(null, 0, DocumentStatus.NONE, null), TODAY, TODAY).isEmpty()).isTrue();
        assertThat(PersonValidator.validate(person(null, 100, DocumentStatus.NONE, null), TODAY, TODAY).isEmpty()).isTrue();
    }

    @Test
    void documentNumberFollowsTheDocumentStatus() {
        assertThat(PersonValidator.validate(person(null, 30, DocumentStatus.NONE, "C1234567"), TODAY, TODAY).get("documentNumber"))
                .contains("no document");
        assertThat(PersonValidator.validate(person(null, 30, DocumentStatus.CONFISCATED, "12"), TODAY, TODAY).get("documentNumber"))
                .contains("5 to 20");
        assertThat(PersonValidator.validate(person(null, 30, DocumentStatus.WITH_POLICE, "B-77881234"), TODAY, TODAY).isEmpty()).isTrue();
    }

    @Test
    void nationalityMustBeACountry() {
        Person p = Person.draft(null, "Budi Santoso", Sex.MALE, null, 30, "Atlantis", "id", false, DocumentStatus.NONE, null);
        assertThat(PersonValidator.validate(p, TODAY, TODAY).get("nationality")).isNotNull();
        assertThat(Countries.toCode("IDN")).contains("ID");
        assertThat(Countries.toCode("Indonesia")).contains("ID");
        assertThat(Countries.toCode("khmer")).contains("KH");
    }

    @Test
    void messagesNeverRepeatTheValue() {
        Person p = person(TODAY.plusDays(1), 150, DocumentStatus.NONE, "SECRET123");
        String all = String.join(" ", PersonValidator.validate(p, TODAY, TODAY).lines());
        assertThat(all).doesNotContain("SECRET123").doesNotContain("Huong").doesNotContain("150");
    }

    /** Issue 14 item 10: the one text rule the form, the intake grid and imports share. */
    @Test
    void controlAndSpoofingCharactersAreRefusedInEveryTextFieldButNotesKeepTabsAndNewlines() {
        Person base = person(null, 30, DocumentStatus.NONE, null);
        Person hostile = new Person(null, "Li\u202eeciffo", "Sok\u001b[2JDara", "a\rb", Sex.FEMALE, null, 30, "VN", "vi\u0007",
                false, DocumentStatus.NONE, null, "+84\u2028 90", "ok\u0000", 0);
        assertThat(PersonValidator.validate(hostile, TODAY, TODAY).asMap())
                .containsEntry("nameLatin", "contains control or hidden formatting characters")
                .containsKeys("nameNative", "aliases", "languages", "familyContact", "notes");
        Person notes = base.withContactAndNotes(null, null, "line one\r\nline two\n\tindented");
        assertThat(PersonValidator.validate(notes, TODAY, TODAY).isEmpty()).isTrue();
        Person loneCr = base.withContactAndNotes(null, null, "CASE-1\rhidden");
        assertThat(PersonValidator.validate(loneCr, TODAY, TODAY).get("notes")).isEqualTo("contains control or hidden formatting characters");
    }

    @Test
    void namesOfOnlyInvisibleCharactersAreRefusedButJoinersInsideNamesAreKept() {
        for (String invisible : java.util.List.of("\u200b", "\ufeff\u200b", " \u2060 ", "\u3164", "\u00a0\u200d")) {
            Person p = Person.draft(invisible, invisible, Sex.MALE, null, 30, "KH", "km", false, DocumentStatus.NONE, null);
            assertThat(PersonValidator.validate(p, TODAY, TODAY).asMap())
                    .containsEntry("nameLatin", "contains only invisible characters")
                    .containsEntry("nameNative", "contains only invisible characters");
        }
        String khmerZwj = "\u1780\u17d2\u200d\u179a\u17bb\u1798";
        String myanmarZwnj = "\u1019\u1004\u103a\u200c\u1038";
        String khmerWords = "\u179f\u17bb\u1781\u200b\u178a\u17b6";
        for (String name : java.util.List.of(khmerZwj, myanmarZwnj, khmerWords)) {
            Person p = Person.draft(name, "Sok Dara", Sex.MALE, null, 30, "KH", "km", false, DocumentStatus.NONE, null);
            assertThat(PersonValidator.validate(p, TODAY, TODAY).isEmpty()).as(name).isTrue();
        }
    }

    @Test
    void storedControlCharactersPrintEscaped() {
        assertThat(org.haven.core.common.PlainText.escapeForTerminal("a\u001b[2J\rb\tc\u202ed\\e\u009b" + "\u179f\u200d"))
                .isEqualTo("a\\x1b[2J\\rb\\tc\\u202ed\\\\e\\x9b\u179f\u200d");
    }

    /** A note or alias longer than its column is a rule the user can read, not a database error at save. */
    @Test
    void freeTextLongerThanItsColumnIsRefusedByName() {
        Person ok = person(null, 30, DocumentStatus.NONE, null)
                .withContactAndNotes("a".repeat(500), "b".repeat(500), "c".repeat(4000));
        assertThat(PersonValidator.validate(ok, TODAY, TODAY).isEmpty()).isTrue();
        Person tooLong = person(null, 30, DocumentStatus.NONE, null)
                .withContactAndNotes("a".repeat(501), "b".repeat(501), "c".repeat(4001));
        assertThat(PersonValidator.validate(tooLong, TODAY, TODAY).asMap())
                .containsEntry("aliases", "too long (at most 500 characters)")
                .containsEntry("familyContact", "too long (at most 500 characters)")
                .containsEntry("notes", "too long (at most 4000 characters)");
    }

    @Test
    void theLimitsAreTheColumnsOfThePersonTable() {
        var person = org.haven.core.db.jooq.Tables.PERSON;
        assertThat(PersonValidator.MAX_ALIASES).isEqualTo(person.ALIASES.getDataType().length());
        assertThat(PersonValidator.MAX_FAMILY_CONTACT).isEqualTo(person.FAMILY_CONTACT.getDataType().length());
        assertThat(PersonValidator.MAX_LANGUAGES).isEqualTo(person.LANGUAGES.getDataType().length());
        assertThat(PersonValidator.MAX_NOTES).isEqualTo(person.NOTES.getDataType().length());
        assertThat(PersonValidator.MAX_NAME).isEqualTo(person.NAME_LATIN.getDataType().length());
    }
}
