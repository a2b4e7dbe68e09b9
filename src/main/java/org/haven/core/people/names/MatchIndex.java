package org.haven.core.people.names;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.haven.core.people.Person;
import org.jooq.DSLContext;
import org.jooq.TableRecord;

/** The match_key table: kept in step with each person's names, inside the caller's transaction. */
public final class MatchIndex {
    static final String REBUILD_SETTING = "matching.rebuild";
    static final String REBUILD_NAMES_SETTING = "matching.rebuild.names";

    private MatchIndex() {}

    /** Rewrites a person's blocking keys (called by SearchIndex.reindex on every create and update). */
    public static void reindex(DSLContext tx, Person p) {
        MatchIndexRepository.deleteFor(tx, p.id());
        List<NameKeys.Variant> variants = NameKeys.variants(p.nameLatin(), p.nameNative(), p.aliases());
        Integer createdYear = MatchIndexRepository.createdYear(tx, p.id());
        MatchIndexRepository.insertName(tx, p.id(), NameKeys.encode(variants), p.birthDate(), p.estimatedAge(), createdYear, p.nationality());
        Set<String> keys = NameKeys.keys(variants);
        if (keys.isEmpty()) return;
        Integer year = birthYear(p.birthDate(), p.estimatedAge(), createdYear);
        MatchIndexRepository.insertKeys(tx, keys, p.id(), year);
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
            .thenComparing(Key::personId, org.haven.core.db.UuidOrder.COMPARATOR);

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
        byId.sort((a, b) -> org.haven.core.db.UuidOrder.COMPARATOR.compare(a.id(), b.id()));
        MatchIndexRepository.insertNames(tx, byId, createdYear);
    }

    /** match_key rows, in the order given (callers sort them with {@link #KEY_ORDER}). */
    public static void insertKeys(DSLContext tx, List<Key> keys) {
        if (keys.isEmpty()) return;
        MatchIndexRepository.insertKeys(tx, keys);
    }

    public static Set<String> keysOf(String nameLatin, String nameNative, String aliases) {
        return NameKeys.keys(NameKeys.variants(nameLatin, nameNative, aliases));
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
        return MatchIndexRepository.block(tx, keys, birthYear, cap);
    }

    /** Inserts rows from {@link #records} table by table, so each table's rows go in one JDBC batch. */
    public static void batchInsert(DSLContext tx, List<TableRecord<?>> rows) {
        MatchIndexRepository.batchInsert(tx, rows);
    }

    /**
     * Builds what a database from before matching lacks (every person's keys and match_name row),
     * when V5/V5.1 left their flag: run once by the Java migration V32 when such a database opens.
     */
    public static boolean rebuildIfNeeded(DSLContext tx) {
        return MatchIndexRepository.rebuildIfFlagged(tx, REBUILD_SETTING, REBUILD_NAMES_SETTING);
    }
}
