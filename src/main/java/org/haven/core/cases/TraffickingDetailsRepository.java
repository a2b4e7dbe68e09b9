package org.haven.core.cases;

import static org.haven.core.db.jooq.Tables.CASE_HTCDS;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.haven.core.db.Audit;
import org.haven.core.db.jooq.tables.records.CaseHtcdsRecord;
import org.jooq.DSLContext;

/**
 * case_htcds rows <-> {@link TraffickingDetails}. The multi-selects are stored as ';'-separated enum
 * names in enum order; a name this version does not know is skipped on reading.
 */
public final class TraffickingDetailsRepository {
    private TraffickingDetailsRepository() {}

    /** The case's details; {@link TraffickingDetails#none} when nothing was recorded. */
    public static TraffickingDetails find(DSLContext tx, UUID caseId) {
        CaseHtcdsRecord row = tx.selectFrom(CASE_HTCDS).where(CASE_HTCDS.CASE_ID.eq(caseId)).fetchOne();
        return row == null ? TraffickingDetails.none(caseId) : toDetails(row);
    }

    /** The details of many cases in one query (exports); cases with nothing recorded are absent. */
    public static Map<UUID, TraffickingDetails> forCases(DSLContext dsl, Collection<UUID> caseIds) {
        Map<UUID, TraffickingDetails> out = new HashMap<>();
        if (caseIds.isEmpty()) return out;
        for (CaseHtcdsRecord row : dsl.selectFrom(CASE_HTCDS).where(CASE_HTCDS.CASE_ID.in(caseIds)).fetch()) {
            out.put(row.getCaseId(), toDetails(row));
        }
        return out;
    }

    /** Writes the details (insert or update); an empty record deletes the row, so "nothing" leaves no row. */
    public static void save(DSLContext tx, TraffickingDetails d, UUID userId) {
        CaseHtcdsRecord before = org.haven.core.changes.TraffickingSyncRepository.row(tx, d.caseId());
        write(tx, d, userId);
        // the details travel to the office as fields of the case (docs/sync.md)
        org.haven.core.changes.TraffickingSyncRepository.recordEdit(tx, userId, d.caseId(), before,
                org.haven.core.changes.TraffickingSyncRepository.row(tx, d.caseId()));
    }

    private static void write(DSLContext tx, TraffickingDetails d, UUID userId) {
        if (d.isEmpty()) {
            tx.deleteFrom(CASE_HTCDS).where(CASE_HTCDS.CASE_ID.eq(d.caseId())).execute();
            return;
        }
        CaseHtcdsRecord row = tx.selectFrom(CASE_HTCDS).where(CASE_HTCDS.CASE_ID.eq(d.caseId())).fetchOne();
        boolean isNew = row == null;
        if (isNew) {
            row = tx.newRecord(CASE_HTCDS);
            row.setCaseId(d.caseId());
            row.setCreatedAt(Audit.now());
            row.setCreatedBy(userId);
        }
        row.setCountryOfExploitation(d.countryOfExploitation());
        row.setRecruiterRelations(join(d.recruiterRelations(), RecruiterRelation.class));
        row.setMethodsOfControl(join(d.methodsOfControl(), MethodOfControl.class));
        row.setUpdatedAt(Audit.now());
        row.setUpdatedBy(userId);
        if (isNew) row.insert();
        else row.update();
    }

    private static TraffickingDetails toDetails(CaseHtcdsRecord row) {
        return new TraffickingDetails(row.getCaseId(), row.getCountryOfExploitation(),
                parse(row.getRecruiterRelations(), RecruiterRelation.class), parse(row.getMethodsOfControl(), MethodOfControl.class));
    }

    /** Enum names in enum order, ';'-separated; null for none. */
    static <E extends Enum<E>> String join(Set<E> values, Class<E> type) {
        if (values.isEmpty()) return null;
        return String.join(";", EnumSet.copyOf(values).stream().map(Enum::name).toList());
    }

    static <E extends Enum<E>> Set<E> parse(String text, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        if (text == null || text.isBlank()) return out;
        for (String name : List.of(text.split(";"))) {
            try {
                out.add(Enum.valueOf(type, name.trim()));
            } catch (IllegalArgumentException unknown) {
                // a name from a newer Haven: skipped rather than failing the whole case
            }
        }
        return out;
    }
}
