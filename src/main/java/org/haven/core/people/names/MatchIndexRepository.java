package org.haven.core.people.names;

import static org.haven.core.db.jooq.Tables.APP_SETTING;
import static org.haven.core.db.jooq.Tables.MATCH_KEY;
import static org.haven.core.db.jooq.Tables.MATCH_NAME;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haven.core.db.jooq.tables.records.MatchKeyRecord;
import org.haven.core.db.jooq.tables.records.MatchNameRecord;
import org.haven.core.db.jooq.tables.records.PersonRecord;
import org.haven.core.people.Person;
import org.jooq.DSLContext;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * The match_name and match_key rows (ADR 14), inside the caller's transaction; {@link MatchIndex}
 * decides the names' variants and keys.
 */
public final class MatchIndexRepository {
    private MatchIndexRepository() {}

    /** Deletes the person's keys, then their match_name row. */
    static void deleteFor(DSLContext tx, UUID personId) {
        tx.deleteFrom(MATCH_KEY).where(MATCH_KEY.PERSON_ID.eq(personId)).execute();
        tx.deleteFrom(MATCH_NAME).where(MATCH_NAME.PERSON_ID.eq(personId)).execute();
    }

    /** The year the person's row was created, or null. */
    static Integer createdYear(DSLContext tx, UUID personId) {
        var created = tx.select(PERSON.CREATED_AT).from(PERSON).where(PERSON.ID.eq(personId)).fetchOne(PERSON.CREATED_AT);
        return created == null ? null : created.getYear();
    }

    static void insertName(DSLContext tx, UUID personId, String variants, LocalDate birthDate, Integer estimatedAge, Integer ageYear,
                           String nationality) {
        tx.insertInto(MATCH_NAME, MATCH_NAME.PERSON_ID, MATCH_NAME.VARIANTS, MATCH_NAME.BIRTH_DATE, MATCH_NAME.ESTIMATED_AGE,
                        MATCH_NAME.AGE_YEAR, MATCH_NAME.NATIONALITY)
                .values(personId, variants, birthDate, estimatedAge, ageYear, nationality)
                .execute();
    }

    /** One person's keys, in one statement. */
    static void insertKeys(DSLContext tx, Collection<String> keys, UUID personId, Integer birthYear) {
        var insert = tx.insertInto(MATCH_KEY, MATCH_KEY.MKEY, MATCH_KEY.PERSON_ID, MATCH_KEY.BIRTH_YEAR);
        for (String k : keys) insert = insert.values(k, personId, birthYear);
        insert.execute();
    }

    /** match_name rows of new people, as one batch in the order given. */
    static void insertNames(DSLContext tx, List<Person> people, Map<UUID, Integer> createdYear) {
        var names = tx.batch(tx.insertInto(MATCH_NAME, MATCH_NAME.PERSON_ID, MATCH_NAME.VARIANTS, MATCH_NAME.BIRTH_DATE,
                MATCH_NAME.ESTIMATED_AGE, MATCH_NAME.AGE_YEAR, MATCH_NAME.NATIONALITY).values((UUID) null, null, null, null, null, null));
        for (Person p : people) {
            List<NameKeys.Variant> variants = NameKeys.variants(p.nameLatin(), p.nameNative(), p.aliases());
            names.bind(p.id(), NameKeys.encode(variants), p.birthDate(), p.estimatedAge(), createdYear.get(p.id()), p.nationality());
        }
        names.execute();
    }

    /** match_key rows, as one batch in the order given. */
    static void insertKeys(DSLContext tx, List<MatchIndex.Key> keys) {
        var insert = tx.batch(tx.insertInto(MATCH_KEY, MATCH_KEY.MKEY, MATCH_KEY.PERSON_ID, MATCH_KEY.BIRTH_YEAR).values((String) null, null, null));
        for (MatchIndex.Key k : keys) insert.bind(k.key(), k.personId(), k.year());
        insert.execute();
    }

    /** Unsaved rows (folded names and keys) for bulk writers (demo data) that batch-insert people. */
    public static List<TableRecord<?>> records(DSLContext tx, PersonRecord person) {
        List<NameKeys.Variant> variants = NameKeys.variants(person.getNameLatin(), person.getNameNative(), person.getAliases());
        UUID personId = person.getId();
        List<TableRecord<?>> rows = new ArrayList<>();
        MatchNameRecord name = tx.newRecord(MATCH_NAME);
        name.setPersonId(personId);
        name.setVariants(NameKeys.encode(variants));
        name.setBirthDate(person.getBirthDate());
        name.setEstimatedAge(person.getEstimatedAge());
        name.setAgeYear(person.getCreatedAt() == null ? null : person.getCreatedAt().getYear());
        name.setNationality(person.getNationality());
        rows.add(name);
        Integer year = MatchIndex.birthYear(person.getBirthDate(), person.getEstimatedAge(), name.getAgeYear());
        for (String k : NameKeys.keys(variants)) {
            MatchKeyRecord r = tx.newRecord(MATCH_KEY);
            r.setMkey(k);
            r.setPersonId(personId);
            r.setBirthYear(year);
            rows.add(r);
        }
        return rows;
    }

    /** Inserts rows from {@link #records} table by table, so each table's rows go in one JDBC batch. */
    public static void batchInsert(DSLContext tx, List<TableRecord<?>> rows) {
        if (rows.isEmpty()) return;
        List<TableRecord<?>> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(r -> r.getTable().getName()));
        tx.batchInsert(sorted).execute();
    }

    /**
     * The people sharing the most keys with a lookup, most shared first; among as many shared keys,
     * those born closest to {@code birthYear} (when known) first.
     */
    static List<UUID> block(DSLContext tx, Collection<String> keys, Integer birthYear, int cap) {
        var hits = DSL.count();
        var distance = DSL.min(DSL.abs(MATCH_KEY.BIRTH_YEAR.minus(birthYear == null ? 0 : birthYear)));
        var order = birthYear == null ? List.of(hits.desc()) : List.of(hits.desc(), distance.asc().nullsLast());
        return tx.select(MATCH_KEY.PERSON_ID, hits).from(MATCH_KEY)
                .where(MATCH_KEY.MKEY.in(keys))
                .groupBy(MATCH_KEY.PERSON_ID)
                .orderBy(order)
                .limit(cap)
                .fetch(r -> r.value1());
    }

    /**
     * Every person's keys and match_name row written again when one of the flags is set (databases
     * from before matching); false when none is.
     */
    static boolean rebuildIfFlagged(DSLContext tx, String flag, String namesFlag) {
        // (A names-only flag was written by an earlier build of V5_1; it now means the same.)
        if (!tx.fetchExists(APP_SETTING, APP_SETTING.SETTING_KEY.in(flag, namesFlag))) return false;
        tx.deleteFrom(MATCH_KEY).execute();
        tx.deleteFrom(MATCH_NAME).execute();
        List<TableRecord<?>> batch = new ArrayList<>();
        for (PersonRecord r : tx.selectFrom(PERSON).fetch()) {
            batch.addAll(records(tx, r));
            if (batch.size() >= 5000) {
                batchInsert(tx, batch);
                batch.clear();
            }
        }
        batchInsert(tx, batch);
        tx.deleteFrom(APP_SETTING).where(APP_SETTING.SETTING_KEY.in(flag, namesFlag)).execute();
        return true;
    }
}
