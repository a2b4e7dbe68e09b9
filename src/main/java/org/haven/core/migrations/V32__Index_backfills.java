package org.haven.core.migrations;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.haven.core.cases.SearchIndex;
import org.haven.core.db.Database;
import org.haven.core.people.names.MatchIndex;
import org.jooq.DSLContext;

/**
 * Builds the derived indexes that a database from before them lacks: the match keys and folded
 * names (V5/V5.1 left the flag "matching.rebuild") and the search prefixes (V8 left
 * "search.rebuild"). A new database has neither flag, and this migration does nothing there.
 * <p>
 * It runs once, in Flyway's transaction, when such a database is opened (the window says so while it
 * opens); the services no longer check on their first search (issue 19). Flyway finds it by scanning
 * {@code org/haven/core/migrations} (ADR 14). Like every Java migration it runs today's code: the tables it
 * writes must keep the columns that code names, or a later change adds a new migration.
 */
public class V32__Index_backfills extends BaseJavaMigration {
    /** Declared, so Haven can tell without Flyway that a database holds this migration (db/Migrations). */
    public static final int CHECKSUM = 320_001;

    @Override
    public Integer getChecksum() {
        return CHECKSUM;
    }

    @Override
    public void migrate(Context context) {
        DSLContext tx = Database.dslOver(context.getConnection());
        MatchIndex.rebuildIfNeeded(tx);
        SearchIndex.rebuildIfNeeded(tx);
    }
}
