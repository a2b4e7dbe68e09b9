package org.haven.cases;

import java.util.UUID;

/**
 * A case list request: search text (names in both scripts, aliases, case number), filters, sort and
 * one page. The database answers it with an index; the list never holds more than a page.
 */
public record CaseQuery(String text, CaseStatus status, String nationality, UUID operationId,
                        SortColumn sort, boolean descending, int offset, int limit) {
    public enum SortColumn { CASE_NUMBER, NAME, NATIONALITY, STATUS, OPENED_ON }

    public static CaseQuery text(String text, int limit) {
        return new CaseQuery(text, null, null, null, SortColumn.CASE_NUMBER, false, 0, limit);
    }

    public CaseQuery page(int newOffset, int newLimit) {
        return new CaseQuery(text, status, nationality, operationId, sort, descending, newOffset, newLimit);
    }
}
