package org.haven.cases;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.haven.people.NameFolding;
import org.haven.people.Person;
import org.haven.people.PersonRepository;
import org.haven.people.matching.MatchIndex;
import org.jooq.DSLContext;

/** Keeps a person's search tokens (names, aliases, case numbers) in step with their records. */
public final class SearchIndex {
    private SearchIndex() {}

    public static void reindex(DSLContext tx, UUID personId) {
        Person p = PersonRepository.find(tx, personId).orElseThrow();
        Set<String> tokens = new LinkedHashSet<>(NameFolding.searchTokens(p.nameLatin(), p.nameNative(), p.aliases()));
        for (CaseFile c : CaseRepository.forPerson(tx, personId)) {
            tokens.addAll(caseNumberTokens(c.caseNumber()));
        }
        PersonRepository.replaceTokens(tx, personId, tokens);
        // Duplicate detection's blocking keys follow the same names.
        MatchIndex.reindex(tx, p);
    }

    public static Set<String> caseNumberTokens(String caseNumber) {
        Set<String> tokens = new LinkedHashSet<>();
        String lower = caseNumber.toLowerCase(Locale.ROOT);
        tokens.add(lower);
        int dash = lower.lastIndexOf('-');
        String serial = lower.substring(dash + 1);
        tokens.add(serial);
        String trimmed = serial.replaceFirst("^0+(?=.)", "");
        tokens.add(trimmed);
        return tokens;
    }
}
