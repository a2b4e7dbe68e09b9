package org.haven.core.people;

import java.time.LocalDate;
import java.util.UUID;

/** A person assisted by Haven. Every field here is personal data: never log it. */
public record Person(
        UUID id,
        String nameNative,
        String nameLatin,
        String aliases,
        Sex sex,
        LocalDate birthDate,
        Integer estimatedAge,
        String nationality,
        String languages,
        boolean interpreterNeeded,
        DocumentStatus documentStatus,
        String documentNumber,
        String familyContact,
        String notes,
        int version,
        boolean latinDerived) {

    /**
     * A person whose Latin name is as typed (or absent). {@code latinDerived} marks a Latin name
     * Haven wrote from the native one ({@link LatinNames}) because none was typed: shown as
     * "derived", re-derived when the native name changes, replaced as soon as one is typed.
     */
    public Person(UUID id, String nameNative, String nameLatin, String aliases, Sex sex, LocalDate birthDate,
                  Integer estimatedAge, String nationality, String languages, boolean interpreterNeeded,
                  DocumentStatus documentStatus, String documentNumber, String familyContact, String notes, int version) {
        this(id, nameNative, nameLatin, aliases, sex, birthDate, estimatedAge, nationality, languages, interpreterNeeded,
                documentStatus, documentNumber, familyContact, notes, version, false);
    }

    /** A new person not yet saved: no id, version 0. */
    public static Person draft(String nameNative, String nameLatin, Sex sex, LocalDate birthDate, Integer estimatedAge,
                               String nationality, String languages, boolean interpreterNeeded,
                               DocumentStatus documentStatus, String documentNumber) {
        return new Person(null, nameNative, nameLatin, null, sex, birthDate, estimatedAge, nationality, languages,
                interpreterNeeded, documentStatus, documentNumber, null, null, 0);
    }

    public Person withVersion(int newVersion) {
        return new Person(id, nameNative, nameLatin, aliases, sex, birthDate, estimatedAge, nationality, languages,
                interpreterNeeded, documentStatus, documentNumber, familyContact, notes, newVersion, latinDerived);
    }

    public Person withContactAndNotes(String newAliases, String newFamilyContact, String newNotes) {
        return new Person(id, nameNative, nameLatin, newAliases, sex, birthDate, estimatedAge, nationality, languages,
                interpreterNeeded, documentStatus, documentNumber, newFamilyContact, newNotes, version, latinDerived);
    }

    /** The Latin name as the user typed it: null when Haven derived it from the native name. */
    public String typedLatin() {
        return latinDerived ? null : nameLatin;
    }

    /** Under 18 on that date (the identification date): a child, whom other rules protect. */
    public boolean isMinorOn(LocalDate date) {
        Integer age = ageOn(date);
        return age != null && age < 18;
    }

    /** Age on a date: from the date of birth when known, else the estimate. */
    public Integer ageOn(LocalDate date) {
        if (birthDate != null) return java.time.Period.between(birthDate, date).getYears();
        return estimatedAge;
    }
}
