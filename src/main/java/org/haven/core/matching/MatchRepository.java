package org.haven.core.matching;

import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.MATCH_DISTINCT;
import static org.haven.core.db.jooq.Tables.MATCH_NAME;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.haven.core.access.CaseAccess;
import org.haven.core.db.Audit;
import org.haven.core.security.User;
import org.jooq.DSLContext;
import org.jooq.Record;

/** The SQL of duplicate detection and merging (ADR 14): the service above it names no table. */
final class MatchRepository {
    private MatchRepository() {}

    /** What matching keeps of a person's names and dates (the compact match_name row). */
    record MatchName(UUID personId, String variants, LocalDate birthDate, Integer estimatedAge, Integer ageYear, String nationality) {}

    /** A person as a candidate shows: the names as written and their match row. */
    record NamedPerson(String nameLatin, String nameNative, String aliases, String sex, MatchName match) {}

    /** One of a person's cases that the user may see. */
    record VisibleCase(UUID id, String caseNumber, String status) {}

    static List<MatchName> matchNames(DSLContext dsl, Collection<UUID> personIds) {
        return dsl.select(MATCH_NAME.PERSON_ID, MATCH_NAME.VARIANTS, MATCH_NAME.BIRTH_DATE, MATCH_NAME.ESTIMATED_AGE,
                        MATCH_NAME.AGE_YEAR, MATCH_NAME.NATIONALITY)
                .from(MATCH_NAME).where(MATCH_NAME.PERSON_ID.in(personIds)).fetch(MatchRepository::matchName);
    }

    private static MatchName matchName(Record r) {
        return new MatchName(r.get(MATCH_NAME.PERSON_ID), r.get(MATCH_NAME.VARIANTS), r.get(MATCH_NAME.BIRTH_DATE),
                r.get(MATCH_NAME.ESTIMATED_AGE), r.get(MATCH_NAME.AGE_YEAR), r.get(MATCH_NAME.NATIONALITY));
    }

    static Map<UUID, NamedPerson> namedPeople(DSLContext dsl, Collection<UUID> personIds) {
        Map<UUID, NamedPerson> out = new HashMap<>();
        for (Record r : dsl.select(PERSON.ID, PERSON.NAME_LATIN, PERSON.NAME_NATIVE, PERSON.ALIASES, PERSON.SEX, MATCH_NAME.PERSON_ID,
                        MATCH_NAME.VARIANTS, MATCH_NAME.BIRTH_DATE, MATCH_NAME.ESTIMATED_AGE, MATCH_NAME.AGE_YEAR, MATCH_NAME.NATIONALITY)
                .from(PERSON).join(MATCH_NAME).on(MATCH_NAME.PERSON_ID.eq(PERSON.ID))
                .where(PERSON.ID.in(personIds)).fetch()) {
            out.put(r.get(PERSON.ID), new NamedPerson(r.get(PERSON.NAME_LATIN), r.get(PERSON.NAME_NATIVE), r.get(PERSON.ALIASES),
                    r.get(PERSON.SEX).name(), matchName(r)));
        }
        return out;
    }

    /** The cases of these people that the user may see, latest first per person. */
    static Map<UUID, List<VisibleCase>> visibleCases(DSLContext dsl, Collection<UUID> personIds, User user) {
        Map<UUID, List<VisibleCase>> out = new HashMap<>();
        for (Record c : dsl.select(CASE_FILE.ID, CASE_FILE.PERSON_ID, CASE_FILE.CASE_NUMBER, CASE_FILE.STATUS)
                .from(CASE_FILE).where(CASE_FILE.PERSON_ID.in(personIds)).and(CaseAccess.visibleTo(user))
                .orderBy(CASE_FILE.OPENED_ON.desc(), CASE_FILE.CASE_NUMBER.desc()).fetch()) {
            out.computeIfAbsent(c.get(CASE_FILE.PERSON_ID), k -> new ArrayList<>())
                    .add(new VisibleCase(c.get(CASE_FILE.ID), c.get(CASE_FILE.CASE_NUMBER), c.get(CASE_FILE.STATUS).name()));
        }
        return out;
    }

    /** Which of these people have a case the user may see. */
    static Set<UUID> visiblePeople(DSLContext dsl, Collection<UUID> personIds, User user) {
        return new HashSet<>(dsl.selectDistinct(CASE_FILE.PERSON_ID).from(CASE_FILE)
                .where(CASE_FILE.PERSON_ID.in(personIds)).and(CaseAccess.visibleTo(user)).fetch(CASE_FILE.PERSON_ID));
    }

    static boolean personExists(DSLContext dsl, UUID personId) {
        return dsl.fetchExists(PERSON, PERSON.ID.eq(personId));
    }

    /** The person's case numbers the user may see, oldest first. */
    static List<String> visibleCaseNumbers(DSLContext dsl, UUID personId, User user) {
        return dsl.select(CASE_FILE.CASE_NUMBER).from(CASE_FILE).where(CASE_FILE.PERSON_ID.eq(personId))
                .and(CaseAccess.visibleTo(user)).orderBy(CASE_FILE.OPENED_ON).fetch(CASE_FILE.CASE_NUMBER);
    }

    /** The display names and roles of the active accounts, by name. */
    static List<Map.Entry<String, String>> activeStaff(DSLContext dsl) {
        return dsl.select(APP_USER.DISPLAY_NAME, APP_USER.ROLES).from(APP_USER).where(APP_USER.ACTIVE.isTrue())
                .orderBy(APP_USER.DISPLAY_NAME).fetch(r -> Map.entry(r.get(APP_USER.DISPLAY_NAME), r.get(APP_USER.ROLES)));
    }

    /** Records that two people are different (the pair in key order); false when it was already recorded. */
    static boolean insertDistinct(DSLContext tx, UUID first, UUID second, UUID decidedBy) {
        if (tx.fetchExists(MATCH_DISTINCT, MATCH_DISTINCT.PERSON_A.eq(first).and(MATCH_DISTINCT.PERSON_B.eq(second)))) return false;
        tx.insertInto(MATCH_DISTINCT, MATCH_DISTINCT.PERSON_A, MATCH_DISTINCT.PERSON_B, MATCH_DISTINCT.DECIDED_BY,
                MATCH_DISTINCT.DECIDED_AT).values(first, second, decidedBy, Audit.now()).execute();
        return true;
    }

    /** Everyone recorded as a different person from this one. */
    static Set<UUID> distinctFrom(DSLContext dsl, UUID personId) {
        Set<UUID> out = new LinkedHashSet<>(dsl.select(MATCH_DISTINCT.PERSON_B).from(MATCH_DISTINCT)
                .where(MATCH_DISTINCT.PERSON_A.eq(personId)).fetch(MATCH_DISTINCT.PERSON_B));
        out.addAll(dsl.select(MATCH_DISTINCT.PERSON_A).from(MATCH_DISTINCT)
                .where(MATCH_DISTINCT.PERSON_B.eq(personId)).fetch(MATCH_DISTINCT.PERSON_A));
        return out;
    }

    /** A merge: every case of {@code fromPerson} moves to {@code toPerson} (each case's version goes up). */
    static void moveCases(DSLContext tx, UUID fromPerson, UUID toPerson, UUID by) {
        tx.update(CASE_FILE).set(CASE_FILE.PERSON_ID, toPerson)
                .set(CASE_FILE.VERSION, CASE_FILE.VERSION.plus(1))
                .set(CASE_FILE.UPDATED_AT, Audit.now())
                .set(CASE_FILE.UPDATED_BY, by)
                .where(CASE_FILE.PERSON_ID.eq(fromPerson)).execute();
    }

    /** A merge: the merged-away record, once it has no case left. */
    static void deletePerson(DSLContext tx, UUID personId) {
        tx.deleteFrom(PERSON).where(PERSON.ID.eq(personId)).execute();
    }
}
