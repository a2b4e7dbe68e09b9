package org.haven.core.reports;

import java.time.YearMonth;
import java.util.UUID;

/**
 * Which cases the statistics cover: identified (opened) from {@code from} to {@code to}, months
 * included, null for open-ended; and one operation, or all when {@code operationId} is null.
 */
public record StatsFilter(YearMonth from, YearMonth to, UUID operationId) {
    public static StatsFilter all() {
        return new StatsFilter(null, null, null);
    }
}
