package org.haven.core.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.haven.core.common.HavenException;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.NameFolding;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;

/**
 * The fields of two records of one person combined into the kept one: its own values win, empty
 * ones are filled from the other, the other's names that differ become aliases, free texts are
 * joined so nothing is lost. Pure: no database.
 */
final class PersonMerge {
    static final int MAX_ALIASES = 500;
    static final int MAX_CONTACT = 500;
    static final int MAX_NOTES = 4000;

    private PersonMerge() {}

    static Person merge(Person keep, Person other) {
        String nameNative = blank(keep.nameNative()) ? other.nameNative() : keep.nameNative();
        String aliases = aliases(keep, other, nameNative);
        boolean keepHasDob = keep.birthDate() != null;
        var birthDate = keepHasDob ? keep.birthDate() : other.birthDate();
        Integer age = keep.estimatedAge() != null ? keep.estimatedAge() : (birthDate == null ? other.estimatedAge() : null);
        Sex sex = keep.sex() == Sex.UNKNOWN && other.sex() != null ? other.sex() : keep.sex();
        String nationality = blank(keep.nationality()) ? other.nationality() : keep.nationality();
        String languages = joinDistinct(keep.languages(), other.languages(), ", ", 200, "languages");
        DocumentStatus docStatus = keep.documentStatus();
        String docNumber = keep.documentNumber();
        if (blank(docNumber) && !blank(other.documentNumber())
                && (docStatus == DocumentStatus.NONE || docStatus == other.documentStatus())) {
            docStatus = other.documentStatus();
            docNumber = other.documentNumber();
        } else if (docStatus == DocumentStatus.NONE && other.documentStatus() != DocumentStatus.NONE && blank(docNumber)) {
            docStatus = other.documentStatus();
        }
        String contact = joinDistinct(keep.familyContact(), other.familyContact(), "; ", MAX_CONTACT, "familyContacts");
        String notes = joinDistinct(keep.notes(), other.notes(), "\n\n", MAX_NOTES, "notes");
        return new Person(keep.id(), nameNative, keep.nameLatin(), aliases, sex, birthDate, age, nationality, languages,
                keep.interpreterNeeded() || other.interpreterNeeded(), docStatus, docNumber, contact, notes,
                keep.version());
    }

    /** The kept aliases, the other's aliases, and the other's names where they differ from the kept names. */
    private static String aliases(Person keep, Person other, String nameNative) {
        Set<String> seen = new LinkedHashSet<>();
        seen.add(key(keep.nameLatin()));
        if (!blank(nameNative)) seen.add(key(nameNative));
        List<String> out = new ArrayList<>();
        for (String candidate : concat(split(keep.aliases()), List.of(nullToEmpty(other.nameLatin()),
                nullToEmpty(other.nameNative())), split(other.aliases()))) {
            if (blank(candidate)) continue;
            if (seen.add(key(candidate))) out.add(candidate.strip());
        }
        String joined = String.join("; ", out);
        if (joined.length() > MAX_ALIASES) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.merge.aliasesTooLong", String.valueOf(MAX_ALIASES));
        }
        return joined.isEmpty() ? null : joined;
    }

    private static String joinDistinct(String a, String b, String separator, int max, String what /* the field, as in the key error.merge.tooLong.<what> */) {
        if (blank(b) || (!blank(a) && a.strip().equalsIgnoreCase(b.strip()))) return a;
        if (blank(a)) return b;
        String joined = a.strip() + separator + b.strip();
        if (joined.length() > max) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.merge.tooLong." + what, String.valueOf(max));
        }
        return joined;
    }

    private static List<String> split(String aliases) {
        return aliases == null ? List.of() : List.of(aliases.split("[,;\\n]+"));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) out.addAll(l);
        return out;
    }

    private static String key(String name) {
        return String.join(" ", NameFolding.words(NameFolding.fold(name)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
