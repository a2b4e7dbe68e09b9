package org.haven.core.cases;

import java.util.UUID;

/**
 * A case list request: search text (names in both scripts, aliases, case number), filters, sort and
 * one page. The database answers it with an index; the list never holds more than a page.
 * {@code screening} (nullable) filters on the latest screening: not yet screened, or a determination.
 */
public record CaseQuery(String text, CaseStatus status, String nationality, UUID operationId,
                        SortColumn sort, boolean descending, int offset, int limit, ScreeningFilter screening, Quick quick,
                        java.util.Set<CaseStatus> statuses, Seek seek) {
    /**
     * Where a page starts by keyset (seek) instead of OFFSET: the rows right after (or, with {@code
     * before}, right before) the row at {@code position} in the list's order. The position is the
     * row's sort key and its case number (unique, it breaks ties), as {@link CaseListItem#position()}
     * gives it. With a seek, {@code offset} only says where the page is for the "1 to 50 of" label.
     */
    public record Seek(Position position, boolean before) {
        public static Seek after(Position position) {
            return new Seek(java.util.Objects.requireNonNull(position), false);
        }

        public static Seek before(Position position) {
            return new Seek(java.util.Objects.requireNonNull(position), true);
        }
    }

    /**
     * A row's place in one sort order: the sorted column's value (null when the row has none; the
     * case number itself when sorted by case number) and the case number. {@code sort} says which order.
     */
    public record Position(SortColumn sort, Object key, String caseNumber) {}

    /**
     * The case list's quick filters: only cases assigned to the signed-in user ({@code mine}), only
     * unassigned ones, only open ones (not closed). They combine with the search text and every filter.
     */
    public record Quick(boolean mine, boolean unassigned, boolean open) {
        public static final Quick NONE = new Quick(false, false, false);
    }

    /**
     * {@code statuses}: any of these statuses (the case list's multi-select; empty: every status).
     * It narrows further what the single {@code status} (kept for the CLI and older callers) allows.
     */
    public CaseQuery {
        quick = quick == null ? Quick.NONE : quick;
        statuses = statuses == null ? java.util.Set.of() : java.util.Set.copyOf(statuses);
        if (seek != null && seek.position().sort() != (sort == null ? SortColumn.CASE_NUMBER : sort)) {
            throw new IllegalArgumentException("a seek position of another sort order");
        }
    }

    /** Without a seek: pages by OFFSET (the shape before keyset paging, kept for existing callers). */
    public CaseQuery(String text, CaseStatus status, String nationality, UUID operationId,
                     SortColumn sort, boolean descending, int offset, int limit, ScreeningFilter screening, Quick quick,
                     java.util.Set<CaseStatus> statuses) {
        this(text, status, nationality, operationId, sort, descending, offset, limit, screening, quick, statuses, null);
    }

    /**
     * The page right after the row at {@code last} (keyset paging: the database seeks to it in the
     * list's index instead of skipping {@code position} rows); {@code position} is only for the label.
     */
    public CaseQuery after(Position last, int position) {
        return new CaseQuery(text, status, nationality, operationId, sort, descending, position, limit, screening, quick, statuses, Seek.after(last));
    }

    /** The page right before the row at {@code first}, in list order ({@code position}: for the label). */
    public CaseQuery before(Position first, int position) {
        return new CaseQuery(text, status, nationality, operationId, sort, descending, position, limit, screening, quick, statuses, Seek.before(first));
    }

    /** The same query with this seek (null: by offset). */
    public CaseQuery withSeek(Seek newSeek) {
        return new CaseQuery(text, status, nationality, operationId, sort, descending, offset, limit, screening, quick, statuses, newSeek);
    }

    /** Without the multi-select of statuses (the shape before it, kept for existing callers). */
    public CaseQuery(String text, CaseStatus status, String nationality, UUID operationId,
                     SortColumn sort, boolean descending, int offset, int limit, ScreeningFilter screening, Quick quick) {
        this(text, status, nationality, operationId, sort, descending, offset, limit, screening, quick, null);
    }

    public CaseQuery withStatuses(java.util.Set<CaseStatus> anyOf) {
        return new CaseQuery(text, status, nationality, operationId, sort, descending, offset, limit, screening, quick, anyOf, seek);
    }

    /** Without quick filters (the shape before them, kept for existing callers). */
    public CaseQuery(String text, CaseStatus status, String nationality, UUID operationId,
                     SortColumn sort, boolean descending, int offset, int limit, ScreeningFilter screening) {
        this(text, status, nationality, operationId, sort, descending, offset, limit, screening, Quick.NONE);
    }

    public CaseQuery withQuick(Quick filters) {
        return new CaseQuery(text, status, nationality, operationId, sort, descending, offset, limit, screening, filters, statuses, seek);
    }

    public enum SortColumn { CASE_NUMBER, NAME, NATIONALITY, STATUS, OPENED_ON }

    /** Filter on the latest screening; the determination names match org.haven.core.screening.Determination. */
    /** How far the case list counts beyond its current page before it says "more than". */
    public static final int COUNT_AHEAD = 1000;

    public enum ScreeningFilter { NOT_SCREENED, PRESUMED_VICTIM, NOT_A_VICTIM, UNDETERMINED }

    /** The query without a screening filter (the original shape, kept for existing callers). */
    public CaseQuery(String text, CaseStatus status, String nationality, UUID operationId,
                     SortColumn sort, boolean descending, int offset, int limit) {
        this(text, status, nationality, operationId, sort, descending, offset, limit, null);
    }

    public static CaseQuery text(String text, int limit) {
        return new CaseQuery(text, null, null, null, SortColumn.CASE_NUMBER, false, 0, limit);
    }

    public CaseQuery page(int newOffset, int newLimit) {
        return new CaseQuery(text, status, nationality, operationId, sort, descending, newOffset, newLimit, screening, quick, statuses);
    }

    public CaseQuery withScreening(ScreeningFilter filter) {
        return new CaseQuery(text, status, nationality, operationId, sort, descending, offset, limit, filter, quick, statuses, seek);
    }
}
