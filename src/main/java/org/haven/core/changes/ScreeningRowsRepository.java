package org.haven.core.changes;

import static org.haven.core.db.jooq.Tables.SCREENING;
import static org.haven.core.db.jooq.Tables.SCREENING_ANSWER;
import static org.haven.core.db.jooq.Tables.SCREENING_CHOICE;
import static org.haven.core.db.jooq.Tables.SCREENING_CONSENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.haven.core.db.jooq.tables.records.ScreeningRecord;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * A screening travels whole, as one new row of the outbox and the change log: the interview with its
 * answers, consents and choices (which have no key of their own), as one JSON object holding each
 * table's rows in jOOQ's format. Screenings are append-only: two made apart are both kept, and on
 * every device the case's latest is the one made last ({@code created_at}, then id), so every device
 * that holds the same screenings shows the same latest.
 */
public final class ScreeningRowsRepository {
    public static final String TABLE = "screening";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Table<?>> CHILDREN = List.of(SCREENING_ANSWER, SCREENING_CONSENT, SCREENING_CHOICE);

    private ScreeningRowsRepository() {}

    /** The screening and its rows, as they travel, with its key and its case. */
    public record Rows(TableRecord<?> screening, List<TableRecord<?>> children, UUID id, UUID caseId) {}

    /** The table a screening travels under in the outbox and the change log. */
    static Table<?> table() {
        return SCREENING;
    }

    public static String json(DSLContext tx, UUID screeningId) {
        ObjectNode o = JSON.createObjectNode();
        o.put(name(SCREENING), tx.selectFrom(SCREENING).where(SCREENING.ID.eq(screeningId)).fetch().formatJSON(RowsRepository.FORMAT));
        o.put(name(SCREENING_ANSWER), tx.selectFrom(SCREENING_ANSWER).where(SCREENING_ANSWER.SCREENING_ID.eq(screeningId))
                .orderBy(SCREENING_ANSWER.INDICATOR).fetch().formatJSON(RowsRepository.FORMAT));
        o.put(name(SCREENING_CONSENT), tx.selectFrom(SCREENING_CONSENT).where(SCREENING_CONSENT.SCREENING_ID.eq(screeningId))
                .orderBy(SCREENING_CONSENT.PURPOSE).fetch().formatJSON(RowsRepository.FORMAT));
        o.put(name(SCREENING_CHOICE), tx.selectFrom(SCREENING_CHOICE).where(SCREENING_CHOICE.SCREENING_ID.eq(screeningId))
                .orderBy(SCREENING_CHOICE.FIELD, SCREENING_CHOICE.CHOICE).fetch().formatJSON(RowsRepository.FORMAT));
        return o.toString();
    }

    /** The rows of a travelling screening; an exception when it cannot be read or its rows do not belong to it. */
    public static Rows read(DSLContext tx, String json) {
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a screening");
        }
        List<TableRecord<?>> parents = RowsRepository.read(tx, SCREENING, o.path(name(SCREENING)).asText());
        if (parents.size() != 1) throw new IllegalArgumentException("not a screening");
        ScreeningRecord screening = (ScreeningRecord) parents.getFirst();
        List<TableRecord<?>> children = new ArrayList<>();
        for (Table<?> table : CHILDREN) {
            String rows = o.path(name(table)).asText("");
            if (rows.isEmpty()) continue;
            for (TableRecord<?> row : RowsRepository.read(tx, table, rows)) {
                if (!screening.getId().equals(row.get(table.field("SCREENING_ID", UUID.class)))) {
                    throw new IllegalArgumentException("a row of another screening");
                }
                children.add(row);
            }
        }
        return new Rows(screening, children, screening.getId(), screening.getCaseId());
    }

    public static boolean exists(DSLContext tx, UUID screeningId) {
        return tx.fetchExists(SCREENING, SCREENING.ID.eq(screeningId));
    }

    /** Inserts the screening and its rows, then marks the case's latest again. */
    public static void insert(DSLContext tx, Rows rows) {
        TableRecord<?> screening = rows.screening();
        screening.set(SCREENING.IS_LATEST, false);
        tx.batchInsert(List.of(screening)).execute();
        if (!rows.children().isEmpty()) tx.batchInsert(rows.children()).execute();
        markLatest(tx, rows.caseId());
    }

    /** The case's latest screening is the one made last; the others are its history. */
    static void markLatest(DSLContext tx, UUID caseId) {
        UUID latest = tx.select(SCREENING.ID).from(SCREENING).where(SCREENING.CASE_ID.eq(caseId))
                .orderBy(SCREENING.CREATED_AT.desc(), SCREENING.ID.desc()).limit(1).fetchOne(SCREENING.ID);
        if (latest == null) return;
        tx.update(SCREENING).set(SCREENING.IS_LATEST, false)
                .where(SCREENING.CASE_ID.eq(caseId)).and(SCREENING.ID.ne(latest)).and(SCREENING.IS_LATEST.isTrue()).execute();
        tx.update(SCREENING).set(SCREENING.IS_LATEST, true).where(SCREENING.ID.eq(latest)).execute();
    }

    /**
     * A screening the office holds, inserted on this laptop as it came (not into the outbox). False when
     * it is here already (this laptop made it) or its case is not on this laptop.
     */
    public static boolean applyPulled(DSLContext tx, UUID screeningId, String json) {
        if (exists(tx, screeningId)) return false;
        Rows rows = read(tx, json);
        if (!screeningId.equals(rows.id())) return false;
        if (RowsRepository.personOfCase(tx, rows.caseId()) == null) return false;
        insert(tx, rows);
        return true;
    }

    private static String name(Table<?> table) {
        return table.getName().toLowerCase(java.util.Locale.ROOT);
    }
}
