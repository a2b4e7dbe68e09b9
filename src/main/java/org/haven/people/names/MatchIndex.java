package org.haven.people.names;

import static org.haven.db.jooq.Tables.APP_SETTING;
import static org.haven.db.jooq.Tables.MATCH_KEY;
import static org.haven.db.jooq.Tables.MATCH_NAME;
import static org.haven.db.jooq.Tables.PERSON;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.haven.db.jooq.tables.records.MatchKeyRecord;
import org.haven.db.jooq.tables.records.MatchNameRecord;
import org.haven.db.jooq.tables.records.PersonRecord;
import org.haven.people.Person;
import org.jooq.DSLContext;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/** The match_key table: kept in step with each person's names, inside the caller's transaction. */
public final class MatchIndex {
    static final String REBUILD_SETTING = "matching.rebuild";
    static final String REBUILD_NAMES_SETTING = "matching.rebuild.names";

    private MatchIndex() {}

    /** Rewrites a person's blocking keys (called by SearchIndex.reindex on every create and update). */
    public static void reindex(DSLContext tx, Person p) {
        tx.deleteFrom(MATCH_KEY).where(MATCH_KEY.PERSON_ID.eq(p.id())).execute();
        tx.deleteFrom(MATCH_NAME).where(MATCH_NAME.PERSON_ID.eq(p.id())).execute();
        List<NameKeys.Variant> variants = NameKeys.variants(p.nameLatin(), p.nameNative(), p.aliases());
        var created = tx.select(PERSON.CREATED_AT).from(PERSON).where(PERSON.ID.eq(p.id())).fetchOne(PERSON.CREATED_AT);
        tx.insertInto(MATCH_NAME, MATCH_NAME.PERSON_ID, MATCH_NAME.VARIANTS, MATCH_NAME.BIRTH_DATE, MATCH_NAME.ESTIMATED_AGE,
                        MATCH_NAME.AGE_YEAR, MATCH_NAME.NATIONALITY)
                .values(p.id(), NameKeys.encode(variants), p.birthDate(), p.estimatedAge(),
                        created == null ? null : created.getYear(), p.nationality())
                .execute();
        Set<String> keys = NameKeys.keys(variants);
        if (keys.isEmpty()) return;
        Integer year = birthYear(p.birthDate(), p.estimatedAge(), created == null ? null : created.getYear());
        var insert = tx.insertInto(MATCH_KEY, MATCH_KEY.MKEY, MATCH_KEY.PERSON_ID, MATCH_KEY.BIRTH_YEAR);
        for (String k : keys) insert = insert.values(k, p.id(), year);
        insert.execute();
    }

    /**
     * The rows {@link #reindex} writes, for many people saved in this transaction (an import): names
     * in key order, then keys in key order, as batches, so each page of the index is written once
     * per batch instead of once per person. {@code createdYear}: each person's created_at year.
     */
    public static void indexNew(DSLContext tx, List<Person> people, java.util.Map<UUID, Integer> createdYear) {
        List<Key> keys = new ArrayList<>();
        for (Person p : people) keys.addAll(keysOfNew(p, createdYear.get(p.id())));
        insertNames(tx, people, createdYear);
        keys.sort(KEY_ORDER);
        insertKeys(tx, keys);
    }

    /** One match_key row of a new person. */
    public record Key(String key, UUID personId, Integer year) {}

    /** The order of match_key's primary key: rows written in it fill each page once. */
    public static final java.util.Comparator<Key> KEY_ORDER = java.util.Comparator.comparing(Key::key)
            .thenComparing(Key::personId, org.haven.db.UuidOrder.COMPARATOR);

    /** The match_key rows of a new person ({@code createdYear}: the year their row was created). */
    public static List<Key> keysOfNew(Person p, Integer createdYear) {
        Integer year = birthYear(p.birthDate(), p.estimatedAge(), createdYear);
        List<Key> keys = new ArrayList<>();
        for (String k : NameKeys.keys(NameKeys.variants(p.nameLatin(), p.nameNative(), p.aliases()))) keys.add(new Key(k, p.id(), year));
        return keys;
    }

    /** The match_name rows of new people, written in id order. */
    public static void insertNames(DSLContext tx, List<Person> people, java.util.Map<UUID, Integer> createdYear) {
        if (people.isEmpty()) return;
        List<Person> byId = new ArrayList<>(people);
        byId.sort((a, b) -> org.haven.db.UuidOrder.COMPARATOR.compare(a.id(), b.id()));
        var names = tx.batch(tx.insertInto(MATCH_NAME, MATCH_NAME.PERSON_ID, MATCH_NAME.VARIANTS, MATCH_NAME.BIRTH_DATE,
                MATCH_NAME.ESTIMATED_AGE, MATCH_NAME.AGE_YEAR, MATCH_NAME.NATIONALITY).values((UUID) null, null, null, null, null, null));
        for (Person p : byId) {
            List<NameKeys.Variant> variants = NameKeys.variants(p.nameLatin(), p.nameNative(), p.aliases());
            names.bind(p.id(), NameKeys.encode(variants), p.birthDate(), p.estimatedAge(), createdYear.get(p.id()), p.nationality());
        }
        names.execute();
    }

    /** match_key rows, in the order given (callers sort them with {@link #KEY_ORDER}). */
    public static void insertKeys(DSLContext tx, List<Key> keys) {
        if (keys.isEmpty()) return;
        var insert = tx.batch(tx.insertInto(MATCH_KEY, MATCH_KEY.MKEY, MATCH_KEY.PERSON_ID, MATCH_KEY.BIRTH_YEAR).values((String) null, null, null));
        for (Key k : keys) insert.bind(k.key(), k.personId(), k.year());
        insert.execute();
    }

    public static Set<String> keysOf(String nameLatin, String nameNative, String aliases) {
        return NameKeys.keys(NameKeys.variants(nameLatin, nameNative, aliases));
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
        Integer year = birthYear(person.getBirthDate(), person.getEstimatedAge(), name.getAgeYear());
        for (String k : NameKeys.keys(variants)) {
            MatchKeyRecord r = tx.newRecord(MATCH_KEY);
            r.setMkey(k);
            r.setPersonId(personId);
            r.setBirthYear(year);
            rows.add(r);
        }
        return rows;
    }

    /** The birth year known, or implied by an estimated age and the year it was recorded; else null. */
    public static Integer birthYear(java.time.LocalDate birthDate, Integer estimatedAge, Integer ageYear) {
        if (birthDate != null) return birthDate.getYear();
        if (estimatedAge == null) return null;
        return (ageYear == null ? java.time.LocalDate.now().getYear() : ageYear) - estimatedAge;
    }

    /**
     * The people sharing the most keys with a lookup, most shared first; among as many shared keys,
     * those born closest to {@code birthYear} (when known) first.
     */
    public static List<UUID> block(DSLContext tx, Collection<String> keys, Integer birthYear, int cap) {
        if (keys.isEmpty()) return List.of();
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

    /** Inserts rows from {@link #records} table by table, so each table's rows go in one JDBC batch. */
    public static void batchInsert(DSLContext tx, List<TableRecord<?>> rows) {
        if (rows.isEmpty()) return;
        List<TableRecord<?>> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(r -> r.getTable().getName()));
        tx.batchInsert(sorted).execute();
    }

    /**
     * Builds what older databases lack, once, on the first lookup: every person's keys and
     * match_name row (databases from before matching).
     */
    public static boolean rebuildIfNeeded(DSLContext tx) {
        // (A names-only flag was written by an earlier build of V5_1; it now means the same.)
        if (!tx.fetchExists(APP_SETTING, APP_SETTING.SETTING_KEY.in(REBUILD_SETTING, REBUILD_NAMES_SETTING))) return false;
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
        tx.deleteFrom(APP_SETTING).where(APP_SETTING.SETTING_KEY.in(REBUILD_SETTING, REBUILD_NAMES_SETTING)).execute();
        return true;
    }
}
