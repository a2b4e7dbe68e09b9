package org.haven.summaries;

import org.haven.Haven;

/**
 * Makes the summary service for a logged-in Haven. One place to wire the screening feature in:
 * replace {@link ScreeningSource#NONE} with a source that reads the latest screening of a case.
 */
public final class SummaryServices {
    private SummaryServices() {}

    public static SummaryService of(Haven haven) {
        return new SummaryService(haven.database(), haven.session(), ScreeningSource.NONE);
    }
}
