package org.haven.gui.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.haven.gui.toolkit.I18n;
import org.haven.core.common.ValidationErrors;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The person form's rules without a window: what a caseworker types, what the form says, when Save may run. */
class PersonFormModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private static PersonFormModel newForm() {
        return new PersonFormModel(null, null, () -> TODAY);
    }

    @Test
    void anEmptyNewFormCannotSaveButDoesNotShoutBeforeTheUserReachesAField() {
        PersonFormModel form = newForm();
        assertThat(form.canSave().get()).isFalse();
        assertThat(form.errors().get().asMap()).containsKeys("nameLatin", "sex", "documentStatus");
        assertThat(form.visibleError("nameLatin")).as("not reached yet").isNull();
        form.touch("nameLatin");
        assertThat(form.visibleError("nameLatin")).isEqualTo(form.errors().get().get("nameLatin"));
        assertThat(form.identifiedOn.get()).as("identified today by default").isNotBlank();
        assertThat(form.identifiedOnDate()).isEqualTo(TODAY);
    }

    @Test
    void aCompleteFormSavesTheRegistrationAsTyped() {
        PersonFormModel form = newForm();
        form.nameLatin.set("  Nilar  ");
        form.nameNative.set("နီလာ");
        form.sex.set(Sex.FEMALE);
        form.documentStatus.set(DocumentStatus.NONE);
        form.nationality.set("Myanmar");
        form.estimatedAge.set("24");
        form.birthDate.set("2001-03-09");
        assertThat(form.canSave().get()).as(form.errors().get().lines().toString()).isTrue();

        assertThat(form.beginSave()).isTrue();
        assertThat(form.canSave().get()).as("Save is disabled while it runs").isFalse();
        Person p = form.newCaseRequest().person();
        assertThat(p.nameLatin()).isEqualTo("Nilar");
        assertThat(p.nationality()).as("a country as police lists write it, kept as its code").isEqualTo("MM");
        assertThat(p.estimatedAge()).isEqualTo(24);
        assertThat(p.birthDate()).isEqualTo(LocalDate.of(2001, 3, 9));
        assertThat(form.newCaseRequest().identifiedOn()).isEqualTo(TODAY);
    }

    @Test
    void aNumberOrDateThatCannotBeReadIsAnErrorOnItsFieldNotASilentBlank() {
        PersonFormModel form = filled();
        form.estimatedAge.set("twenty");
        assertThat(form.errors().get().get("estimatedAge")).isNotNull();
        assertThat(form.canSave().get()).isFalse();
        form.estimatedAge.set("");
        form.birthDate.set("31/02/1999");
        assertThat(form.errors().get().get("birthDate")).as("31 February does not exist").isNotNull();
        assertThat(form.birthDate.get()).as("what was typed stays").isEqualTo("31/02/1999");
        form.birthDate.set("");
        assertThat(form.canSave().get()).isTrue();
    }

    @Test
    void datesFollowTheWindowsLanguageDayFirstInKhmer() {
        I18n.setLocale(Locale.forLanguageTag("km"));
        PersonFormModel form = filled();
        form.birthDate.set("25/12/1999");
        assertThat(form.errors().get().get("birthDate")).isNull();
        assertThat(form.person().birthDate()).isEqualTo(LocalDate.of(1999, 12, 25));
    }

    @Test
    void editingKeepsTheRecordsIdentityAndNoticesChanges() {
        UUID id = UUID.randomUUID();
        Person stored = new Person(id, null, "Somchai Lee", null, Sex.MALE, null, 30, "TH", null, false,
                DocumentStatus.HELD, "X123", null, "first note", 4);
        PersonFormModel form = new PersonFormModel(stored, LocalDate.of(2026, 1, 5), () -> TODAY);
        assertThat(form.hasChanges()).isFalse();
        assertThat(form.nationality.get()).as("shown as a word").isEqualTo("Thailand");
        assertThat(form.person()).isEqualTo(stored);
        assertThat(form.identifiedOnDate()).isEqualTo(LocalDate.of(2026, 1, 5));

        form.notes.set("first note, then a second");
        assertThat(form.hasChanges()).isTrue();
        Person edited = form.person();
        assertThat(edited.id()).isEqualTo(id);
        assertThat(edited.version()).as("the version the save checks").isEqualTo(4);
        form.beginSave();
        form.saved();
        assertThat(form.hasChanges()).isFalse();
    }

    @Test
    void aRefusedSaveShowsTheServicesFieldErrorsAndKeepsTheInput() {
        PersonFormModel form = filled();
        assertThat(form.beginSave()).isTrue();
        ValidationErrors refused = new ValidationErrors();
        refused.add("documentNumber", "already used by another person");
        try {
            refused.throwIfAny();
        } catch (ValidationErrors.InvalidInputException e) {
            form.refused(e);
        }
        assertThat(form.visibleError("documentNumber")).isEqualTo("already used by another person");
        assertThat(form.nameLatin.get()).isEqualTo("Dara Sok");
        assertThat(form.saving().get()).isFalse();
    }

    @Test
    void aLatinNameIsOfferedFromTheNativeOneWhenNoneIsTyped() {
        PersonFormModel form = newForm();
        form.nameNative.set("王小明");
        assertThat(form.derivedLatin()).isNotBlank().isNotEqualTo("王小明");
    }

    private static PersonFormModel filled() {
        PersonFormModel form = newForm();
        form.nameLatin.set("Dara Sok");
        form.sex.set(Sex.MALE);
        form.documentStatus.set(DocumentStatus.UNKNOWN);
        return form;
    }
}
