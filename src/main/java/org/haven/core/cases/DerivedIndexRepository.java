package org.haven.core.cases;

import static org.haven.core.db.jooq.Tables.APP_SETTING;
import static org.haven.core.db.jooq.Tables.MATCH_KEY;
import static org.haven.core.db.jooq.Tables.MATCH_NAME;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SEARCH_PREFIX;
import static org.haven.core.db.jooq.Tables.SEARCH_TOKEN;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haven.core.db.Database;
import org.jooq.impl.DSL;

/**
 * The tables that hold only what Haven derives from the people and their cases (search words and
 * prefixes, the matching names and keys, the case list's sort keys), rebuilt from those rows.
 *
 * <p>Why: kill -9 in the middle of an import's large index write can, rarely, leave H2's indexes of
 * these tables out of step with their rows when H2 rolls the unfinished transaction back at the next
 * open (seen by {@code CrashSafetyTest} about once in 50 kills: "Row not found in primary index").
 * Nothing in them is typed by a user, so they are emptied and written again from the people.
 * A flag row, committed before the tables are emptied, makes an interrupted rebuild finish at the
 * next login instead of leaving a search that silently misses people.
 */
public final class DerivedIndexRepository {
    static final String REBUILD_FLAG = "derived.rebuild";
    private static final int PEOPLE_PER_COMMIT = 2000;
    /** H2's "row not found in primary index" and "row not found when deleting": an index out of step with its rows. */
    private static final int H2_ROW_NOT_FOUND_IN_PRIMARY_INDEX = 90143;
    private static final int H2_ROW_NOT_FOUND_WHEN_DELETING = 90112;

    private DerivedIndexRepository() {}

    /** True when {@code error} (or a cause) is H2 reporting an index that no longer matches its table's rows. */
    public static boolean isIndexDamage(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == H2_ROW_NOT_FOUND_IN_PRIMARY_INDEX
                    || sql.getErrorCode() == H2_ROW_NOT_FOUND_WHEN_DELETING)) return true;
        }
        return false;
    }

    /** True while a rebuild was started and not finished (the process was killed during it). */
    public static boolean rebuildPending(Database db) {
        return db.dsl().fetchExists(APP_SETTING, APP_SETTING.SETTING_KEY.eq(REBUILD_FLAG));
    }

    /**
     * Empties the derived tables and writes every person's rows again ({@link SearchIndex#reindex}, the
     * same rows a save writes), {@value #PEOPLE_PER_COMMIT} people per transaction. Returns how many
     * people were indexed. Not for the office database (its indexes are PostgreSQL's to keep).
     */
    public static int rebuildAll(Database db) {
        if (!rebuildPending(db)) {
            db.inTransactionRun(tx -> tx.insertInto(APP_SETTING, APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE)
                    .values(REBUILD_FLAG, "started").execute());
        }
        // The emptied pages and the rewritten ones leave the file at the close. Not compacted between
        // chunks as an import is: on a file just recovered from the crash, H2 failed after such a
        // reopen ("map closed") and succeeded without it (tried on a file CrashSafetyTest left).
        db.owesCompaction();
        // TRUNCATE clears each index of a table whole, without looking rows up through the damaged ones.
        for (var table : List.of(SEARCH_TOKEN, SEARCH_PREFIX, MATCH_KEY, MATCH_NAME)) db.dsl().truncate(table).execute();
        int indexed = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            List<UUID> ids = db.dsl().select(PERSON.ID).from(PERSON)
                    .where(from == null ? DSL.trueCondition() : PERSON.ID.gt(from))
                    .orderBy(PERSON.ID).limit(PEOPLE_PER_COMMIT).fetch(PERSON.ID);
            if (ids.isEmpty()) break;
            db.inTransactionRun(tx -> ids.forEach(id -> SearchIndex.reindex(tx, id)));
            indexed += ids.size();
            after = ids.get(ids.size() - 1);
        }
        db.inTransactionRun(tx -> tx.deleteFrom(APP_SETTING).where(APP_SETTING.SETTING_KEY.eq(REBUILD_FLAG)).execute());
        return indexed;
    }
}
