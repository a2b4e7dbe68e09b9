package org.haven.core.db;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.haven.core.db.jooq.DefaultSchema;
import org.jooq.DSLContext;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Copies every row of Haven's schema from one database to another of the same schema version (the
 * office database to an encrypted H2 copy for a backup, and back for a restore). The target's rows
 * are removed first; tables are filled parents first, so every foreign key holds at each insert.
 * Flyway's history is not copied: each database keeps its own.
 */
public final class TableCopy {
    private static final int CHUNK = 500;

    private TableCopy() {}

    /** Replaces the target's rows with the source's, inside the caller's target transaction. */
    public static void copyAll(DSLContext source, DSLContext target) {
        List<Table<?>> order = parentsFirst();
        for (int i = order.size() - 1; i >= 0; i--) target.deleteFrom(order.get(i)).execute();
        for (Table<?> table : order) copy(source, target, table);
    }

    private static <R extends Record> void copy(DSLContext source, DSLContext target, Table<R> table) {
        List<R> chunk = new ArrayList<>(CHUNK);
        try (var rows = source.selectFrom(table).fetchSize(CHUNK).fetchLazy()) {
            for (R row : rows) {
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    insert(target, table, chunk);
                    chunk.clear();
                }
            }
        }
        if (!chunk.isEmpty()) insert(target, table, chunk);
    }

    private static <R extends Record> void insert(DSLContext target, Table<R> table, List<R> rows) {
        target.insertInto(table).columns(table.fields()).valuesOfRecords(rows).execute();
    }

    /** Haven's tables ordered so that a table comes after every table its foreign keys point to. */
    static List<Table<?>> parentsFirst() {
        List<Table<?>> all = DefaultSchema.DEFAULT_SCHEMA.getTables();
        Set<Table<?>> done = new LinkedHashSet<>();
        while (done.size() < all.size()) {
            boolean progress = false;
            for (Table<?> t : all) {
                if (done.contains(t)) continue;
                boolean ready = true;
                for (ForeignKey<?, ?> fk : t.getReferences()) {
                    Table<?> parent = fk.getKey().getTable();
                    if (!parent.equals(t) && !done.contains(parent)) ready = false;
                }
                if (ready) {
                    done.add(t);
                    progress = true;
                }
            }
            if (!progress) throw new IllegalStateException("foreign keys form a cycle");
        }
        return new ArrayList<>(done);
    }
}
