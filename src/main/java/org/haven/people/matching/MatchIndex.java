package org.haven.people.matching;

import static org.haven.db.jooq.Tables.APP_SETTING;
import static org.haven.db.jooq.Tables.MATCH_KEY;
import static org.haven.db.jooq.Tables.PERSON;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.haven.db.jooq.tables.records.MatchKeyRecord;
import org.haven.people.Person;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The match_key table: kept in step with each person's names, inside the caller's transaction. */
public final class MatchIndex {
    static final String REBUILD_SETTING = "matching.rebuild";

    private MatchIndex() {}

    /** Rewrites a person's blocking keys (called by SearchIndex.reindex on every create and update). */
    public static void reindex(DSLContext tx, Person p) {
        tx.deleteFrom(MATCH_KEY).where(MATCH_KEY.PERSON_ID.eq(p.id())).execute();
        Set<String> keys = keysOf(p.nameLatin(), p.nameNative(), p.aliases());
        if (keys.isEmpty()) return;
        var insert = tx.insertInto(MATCH_KEY, MATCH_KEY.MKEY, MATCH_KEY.PERSON_ID);
        for (String k : keys) insert = insert.values(k, p.id());
        insert.execute();
    }

    public static Set<String> keysOf(String nameLatin, String nameNative, String aliases) {
        return NameKeys.keys(NameKeys.variants(nameLatin, nameNative, aliases));
    }

    /** Unsaved key rows for bulk writers (demo data) that batch-insert people. */
    public static List<MatchKeyRecord> records(DSLContext tx, UUID personId, String nameLatin, String nameNative,
                                               String aliases) {
        return keysOf(nameLatin, nameNative, aliases).stream().map(k -> {
            MatchKeyRecord r = tx.newRecord(MATCH_KEY);
            r.setMkey(k);
            r.setPersonId(personId);
            return r;
        }).toList();
    }

    /** The people sharing the most keys with a lookup, most shared first. */
    public static List<UUID> block(DSLContext tx, Collection<String> keys, int cap) {
        if (keys.isEmpty()) return List.of();
        var hits = DSL.count();
        return tx.select(MATCH_KEY.PERSON_ID, hits).from(MATCH_KEY)
                .where(MATCH_KEY.MKEY.in(keys))
                .groupBy(MATCH_KEY.PERSON_ID)
                .orderBy(hits.desc())
                .limit(cap)
                .fetch(r -> r.value1());
    }

    /** Builds the keys of every person once, when an older database is first matched against. */
    public static boolean rebuildIfNeeded(DSLContext tx) {
        if (!tx.fetchExists(APP_SETTING, APP_SETTING.SETTING_KEY.eq(REBUILD_SETTING))) return false;
        tx.deleteFrom(MATCH_KEY).execute();
        for (var r : tx.select(PERSON.ID, PERSON.NAME_LATIN, PERSON.NAME_NATIVE, PERSON.ALIASES).from(PERSON).fetch()) {
            var insert = tx.insertInto(MATCH_KEY, MATCH_KEY.MKEY, MATCH_KEY.PERSON_ID);
            Set<String> keys = keysOf(r.value2(), r.value3(), r.value4());
            if (keys.isEmpty()) continue;
            for (String k : keys) insert = insert.values(k, r.value1());
            insert.execute();
        }
        tx.deleteFrom(APP_SETTING).where(APP_SETTING.SETTING_KEY.eq(REBUILD_SETTING)).execute();
        return true;
    }
}
