package org.haven.core.db;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jooq.TableRecord;

/** Small helpers for the created/updated columns every table has. */
public final class Audit {
    private Audit() {}

    /** Now, at the precision the database stores, so what we write is what we read back. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Inserts {@code row} as new, made now by {@code userId}: version 0, created and updated now by
     * them (the columns version, created_at, created_by, updated_at, updated_by of Haven's own tables).
     */
    public static void insertNew(TableRecord<?> row, UUID userId) {
        OffsetDateTime at = now();
        row.set(Audit.<Integer>column(row, "VERSION"), 0);
        row.set(Audit.<OffsetDateTime>column(row, "CREATED_AT"), at);
        row.set(Audit.<UUID>column(row, "CREATED_BY"), userId);
        row.set(Audit.<OffsetDateTime>column(row, "UPDATED_AT"), at);
        row.set(Audit.<UUID>column(row, "UPDATED_BY"), userId);
        row.insert();
    }

    /** The row's own column {@code name} (the generated tables name their columns in capitals). */
    @SuppressWarnings("unchecked")
    private static <T> org.jooq.Field<T> column(TableRecord<?> row, String name) {
        org.jooq.Field<?> field = row.field(name);
        if (field == null) throw new IllegalStateException("The table " + row.getTable().getName() + " has no column " + name + ".");
        return (org.jooq.Field<T>) field;
    }
}
