package org.haven.db;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Small helpers for the created/updated columns every table has. */
public final class Audit {
    private Audit() {}

    /** Now, at the precision the database stores, so what we write is what we read back. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
