package org.haven.core.summaries;

import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Where the summary gets a case's latest screening. The screening feature supplies one (the lead
 * wires it in {@code SummaryService}); until then {@link #NONE} prints "not screened".
 * Called inside the summary's read transaction, after the case's access check.
 */
@FunctionalInterface
public interface ScreeningSource {
    /** @param m the summary's language, for the labels */
    Optional<ScreeningSummary> latest(DSLContext tx, UUID caseId, org.haven.core.common.Messages m);

    ScreeningSource NONE = (tx, caseId, m) -> Optional.empty();
}
