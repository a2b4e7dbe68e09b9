package org.haven.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.haven.common.ValidationErrors;
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
}
