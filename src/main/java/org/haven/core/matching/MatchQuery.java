package org.haven.core.matching;

import java.time.LocalDate;
import java.util.UUID;
import org.haven.core.people.Countries;
import org.haven.core.people.Person;

/**
 * What to look for: names (any script), date of birth or estimated age, nationality (ISO code).
 * {@code excludePersonId} is the person being checked when they are already saved.
 */
public record MatchQuery(String nameLatin, String nameNative, String aliases, LocalDate birthDate,
                         Integer estimatedAge, String nationality, UUID excludePersonId) {

    /** A lookup by one name in any script, as the CLI takes it. */
    public static MatchQuery byName(String name, LocalDate birthDate, Integer estimatedAge, String nationality) {
        return new MatchQuery(name, null, null, birthDate, estimatedAge, code(nationality), null);
    }

    /** The person being registered (a draft) or an existing person (then excluded from the results). */
    public static MatchQuery of(Person p) {
        return new MatchQuery(p.nameLatin(), p.nameNative(), p.aliases(), p.birthDate(), p.estimatedAge(),
                code(p.nationality()), p.id());
    }

    private static String code(String nationality) {
        return nationality == null ? null : Countries.toCode(nationality).orElse(null);
    }
}
