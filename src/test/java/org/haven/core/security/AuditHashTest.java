package org.haven.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The hash of an audit entry is pinned: every database in the field holds chains hashed this way, so a
 * change to its inputs (their order, the separator, the time's unit, how a missing user is written)
 * would make every existing log fail {@code haven audit verify}. Expected values computed outside Java
 * (Python's hashlib over the same '|'-joined fields).
 */
class AuditHashTest {
    private static final UUID ID = UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    @Test
    void anEntryHashesItsFieldsJoinedByBarsWithTheTimeInEpochMilliseconds() {
        var entry = new AuditLog.Entry(7, ID, OffsetDateTime.parse("2024-12-05T19:00:00.123+07:00"),
                UUID.fromString("0190a1b2-0000-7000-8000-000000000001"), "admin", "CASE_UPDATED", "case_file",
                UUID.fromString("0190a1b2-0000-7000-8000-0000000000aa"), "field=status", "a".repeat(64), null);
        assertThat(AuditLog.hashOf(entry)).isEqualTo("472fbad49b677a8fe0a0312a653ccd01d0314a146d3c66ccc07bb7299b9e8810");
    }

    @Test
    void missingUserRecordAndDetailAreEmptyFields() {
        var entry = new AuditLog.Entry(1, ID, OffsetDateTime.parse("2024-12-05T12:00:00.123Z"),
                null, null, "LOGIN_FAILED", null, null, null, "0".repeat(64), null);
        assertThat(AuditLog.hashOf(entry)).isEqualTo("2c8a63049ee5417bd1193db8fd89be19dfa511049e036443fdaa54f8b90bb1b3");
    }
}
