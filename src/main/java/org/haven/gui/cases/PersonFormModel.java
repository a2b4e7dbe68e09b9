package org.haven.gui.cases;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.haven.gui.toolkit.Dates;
import org.haven.core.cases.NewCase;
import org.haven.core.common.ValidationErrors;
import org.haven.core.operations.Operation;
import org.haven.core.people.Countries;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.PersonValidator;
import org.haven.core.people.Sex;
import org.haven.core.people.names.LatinNames;

/**
 * The person form without its controls (ADR 12): what is typed, what is wrong with it, and whether
 * Save may run. {@link PersonFormDialog} binds its fields to these properties and shows the errors;
 * the rules are {@link PersonValidator}'s, asked again on every change. Tested without a window
 * ({@code PersonFormModelTest}).
 */
public final class PersonFormModel {
    /** The form's fields, by the names the errors use. */
    public static final List<String> FIELDS = List.of("nameLatin", "nameNative", "aliases", "sex", "birthDate", "estimatedAge",
            "nationality", "languages", "documentStatus", "documentNumber", "familyContact", "notes", "identifiedOn", "operation");

    public final StringProperty nameNative = new SimpleStringProperty("");
    public final StringProperty nameLatin = new SimpleStringProperty("");
    public final StringProperty aliases = new SimpleStringProperty("");
    public final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    /** As typed: the window's date format or ISO. */
    public final StringProperty birthDate = new SimpleStringProperty("");
    public final StringProperty estimatedAge = new SimpleStringProperty("");
    /** A country as typed (a name in any UI language, a demonym or a code); saved as its ISO code when known. */
    public final StringProperty nationality = new SimpleStringProperty("");
    public final StringProperty languages = new SimpleStringProperty("");
    public final BooleanProperty interpreterNeeded = new SimpleBooleanProperty();
    public final ObjectProperty<DocumentStatus> documentStatus = new SimpleObjectProperty<>();
    public final StringProperty documentNumber = new SimpleStringProperty("");
    public final StringProperty familyContact = new SimpleStringProperty("");
    public final StringProperty notes = new SimpleStringProperty("");
    public final StringProperty identifiedOn = new SimpleStringProperty("");
    public final ObjectProperty<Operation> operation = new SimpleObjectProperty<>();

    private final ReadOnlyObjectWrapper<ValidationErrors> errors = new ReadOnlyObjectWrapper<>(new ValidationErrors());
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper();
    private final Set<String> touched = new HashSet<>();
    private final Person original;
    private final LocalDate openedOn;
    private final Supplier<LocalDate> today;
    private List<Object> asLoaded;

    /** A form for a new person and case ({@code original} null) or for editing the person of a case opened on {@code openedOn}. */
    public PersonFormModel(Person original, LocalDate openedOn, Supplier<LocalDate> today) {
        this.original = original;
        this.openedOn = openedOn;
        this.today = today;
        if (original == null) {
            identifiedOn.set(Dates.format(today.get()));
        } else {
            load(original);
        }
        for (Observable o : List.of(nameNative, nameLatin, aliases, sex, birthDate, estimatedAge, nationality, languages,
                interpreterNeeded, documentStatus, documentNumber, familyContact, notes, identifiedOn, operation)) {
            o.addListener(x -> validate());
        }
        saving.addListener(x -> canSave.set(errors.get().isEmpty() && !saving.get()));
        validate();
        asLoaded = values();
    }

    private void load(Person p) {
        nameNative.set(orEmpty(p.nameNative()));
        nameLatin.set(orEmpty(p.typedLatin()));
        aliases.set(orEmpty(p.aliases()));
        sex.set(p.sex());
        birthDate.set(Dates.format(p.birthDate()));
        estimatedAge.set(p.estimatedAge() == null ? "" : p.estimatedAge().toString());
        nationality.set(p.nationality() == null ? "" : Countries.name(p.nationality()));
        languages.set(orEmpty(p.languages()));
        interpreterNeeded.set(p.interpreterNeeded());
        documentStatus.set(p.documentStatus());
        documentNumber.set(orEmpty(p.documentNumber()));
        familyContact.set(orEmpty(p.familyContact()));
        notes.set(orEmpty(p.notes()));
        identifiedOn.set(Dates.format(openedOn));
    }

    public boolean isNew() {
        return original == null;
    }

    /** The current errors, by field (raw messages; the view translates them). */
    public ReadOnlyObjectProperty<ValidationErrors> errors() {
        return errors.getReadOnlyProperty();
    }

    /** True while there is nothing wrong and no save is running. */
    public ReadOnlyBooleanProperty canSave() {
        return canSave.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty saving() {
        return saving.getReadOnlyProperty();
    }

    /**
     * The error to show under a field, or null. A required field the user has not reached yet is
     * marked (the decoration) but not shouted at: its message waits until they leave it or try to save.
     */
    public String visibleError(String field) {
        String message = errors.get().get(field);
        if (message == null) return null;
        return "required".equals(message) && !touched.contains(field) ? null : message;
    }

    /** The user left this field. */
    public void touch(String field) {
        touched.add(field);
        validate();
    }

    /** Typed since the form was filled: closing would lose it. */
    public boolean hasChanges() {
        return !values().equals(asLoaded);
    }

    /** The Latin spelling Haven would derive from the native name when no Latin name is typed ("" when none). */
    public String derivedLatin() {
        return LatinNames.derive(nameNative.get());
    }

    /** The person as typed: blank texts become null, a known country its ISO code. */
    public Person person() {
        String nat = blankToNull(nationality.get());
        if (nat != null) nat = Countries.toCode(nat).orElse(nat);
        UUID id = original == null ? null : original.id();
        int version = original == null ? 0 : original.version();
        return new Person(id, blankToNull(nameNative.get()), blankToNull(nameLatin.get()), blankToNull(aliases.get()),
                sex.get(), date(birthDate.get()), age(), nat, blankToNull(languages.get()), interpreterNeeded.get(),
                documentStatus.get(), blankToNull(documentNumber.get()), blankToNull(familyContact.get()),
                blankToNull(notes.get()), version);
    }

    /** The day the person was identified: typed for a new case, the case's own for an edit. */
    public LocalDate identifiedOnDate() {
        return original != null ? openedOn : date(identifiedOn.get());
    }

    /**
     * Starts a save: every field counts as reached, and when nothing is wrong the form is marked as
     * saving (Save disabled) and true is returned; the caller runs the save and calls {@link #saved}
     * or {@link #refused}.
     */
    public boolean beginSave() {
        touched.addAll(FIELDS);
        validate();
        if (!errors.get().isEmpty() || saving.get()) return false;
        saving.set(true);
        return true;
    }

    /** The registration a new case's save sends. */
    public NewCase newCaseRequest() {
        Operation op = operation.get();
        return new NewCase(person(), op == null ? null : op.id(), identifiedOnDate(), null, null);
    }

    /** The save was called off before it ran (the user closed the duplicate check): nothing was saved. */
    public void saveCalledOff() {
        saving.set(false);
    }

    public void saved() {
        saving.set(false);
        asLoaded = values();
    }

    /** The save was refused: its field errors show where the user typed; every typed value stays. */
    public void refused(Throwable error) {
        if (error instanceof ValidationErrors.InvalidInputException invalid) {
            errors.set(invalid.errors());
        }
        saving.set(false);
        canSave.set(errors.get().isEmpty());
    }

    private void validate() {
        ValidationErrors found = new ValidationErrors();
        // Only the form knows whether a typed text is a number or a date; the rules are the validator's.
        if (!estimatedAge.get().isBlank() && age() == null) found.add("estimatedAge", "validation.must_be_a_whole_number", "must be a whole number");
        if (!birthDate.get().isBlank() && date(birthDate.get()) == null) found.add("birthDate", "validation.not_a_date", "not a date");
        if (original == null) {
            if (identifiedOn.get().isBlank()) found.add("identifiedOn", "validation.required", "required");
            else if (date(identifiedOn.get()) == null) found.add("identifiedOn", "validation.not_a_date", "not a date");
        }
        found.addAll(PersonValidator.validate(person(), identifiedOnDate(), today.get()));
        errors.set(found);
        canSave.set(found.isEmpty() && !saving.get());
    }

    private List<Object> values() {
        return Arrays.asList(nameNative.get(), nameLatin.get(), aliases.get(), sex.get(), birthDate.get(), estimatedAge.get(),
                nationality.get(), languages.get(), interpreterNeeded.get(), documentStatus.get(), documentNumber.get(),
                familyContact.get(), notes.get(), identifiedOn.get(), operation.get());
    }

    private Integer age() {
        String t = estimatedAge.get() == null ? "" : estimatedAge.get().strip();
        if (t.isEmpty()) return null;
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        try {
            return Dates.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String orEmpty(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
