package org.haven.core.exports;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Extra columns another feature adds to the anonymized export (e.g. screening: methods of control,
 * type of exploitation, method of recruitment). They are published as they are, outside the
 * k-anonymity grouping, so they must be structured picklist values (HTCDS value names), never free
 * text, dates, places or anything that tells people apart on its own.
 */
public interface ExportColumns {
    /** Header names, HTCDS field names where the standard has one (e.g. vic_MethodsOfControl). */
    List<String> headers();

    /**
     * The values for a batch of cases (one query per batch, never one per case), each list in
     * header order. A case missing from the map gets empty cells.
     */
    Map<UUID, List<String>> valuesFor(DSLContext dsl, Collection<UUID> caseIds);

    /**
     * Called once before the first {@link #valuesFor}, with every exported case (in file order) and the
     * k of the export: columns that publish a value only when k rows share it count here. Nothing by default.
     */
    default void prepare(DSLContext dsl, List<UUID> exportedCaseIds, int k) {}

    /** The codebook lines of these columns (see {@link Codebook}); by default the header as its own HTCDS name. */
    default List<Codebook.Entry> codebook() {
        return headers().stream().map(h -> new Codebook.Entry(h, h, "", "not a quasi-identifier; as recorded")).toList();
    }
}
