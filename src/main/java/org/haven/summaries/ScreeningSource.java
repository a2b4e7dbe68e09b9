package org.haven.summaries;

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
    Optional<ScreeningSummary> latest(DSLContext tx, UUID caseId);

    ScreeningSource NONE = (tx, caseId) -> Optional.empty();
}
