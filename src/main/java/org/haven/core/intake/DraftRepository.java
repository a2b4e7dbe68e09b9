package org.haven.core.intake;

import static org.haven.core.db.jooq.Tables.INTAKE_DRAFT_ROW;
import static org.haven.core.db.jooq.Tables.OPERATION;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.haven.core.db.Audit;
import org.haven.core.db.Ids;
import org.haven.core.db.jooq.tables.records.IntakeDraftRowRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Intake grid drafts: one user's unsaved rows for one operation, inside the caller's transaction. */
final class DraftRepository {
    private DraftRepository() {}

    static void replace(DSLContext tx, UUID operationId, UUID userId, List<List<String>> rows) {
        delete(tx, operationId, userId);
        OffsetDateTime now = Audit.now();
        int position = 0;
        for (List<String> cells : rows) {
            IntakeDraftRowRecord row = tx.newRecord(INTAKE_DRAFT_ROW);
            row.setId(Ids.newId());
            row.setOperationId(operationId);
            row.setUserId(userId);
            row.setRowPosition(position++);
            row.setCells(encode(cells));
            row.setCreatedAt(now);
            row.setCreatedBy(userId);
            row.setUpdatedAt(now);
            row.setUpdatedBy(userId);
            row.insert();
        }
    }

    static void delete(DSLContext tx, UUID operationId, UUID userId) {
        tx.deleteFrom(INTAKE_DRAFT_ROW).where(INTAKE_DRAFT_ROW.OPERATION_ID.eq(operationId))
                .and(INTAKE_DRAFT_ROW.USER_ID.eq(userId)).execute();
    }

    static List<List<String>> load(DSLContext tx, UUID operationId, UUID userId) {
        return tx.select(INTAKE_DRAFT_ROW.CELLS).from(INTAKE_DRAFT_ROW)
                .where(INTAKE_DRAFT_ROW.OPERATION_ID.eq(operationId)).and(INTAKE_DRAFT_ROW.USER_ID.eq(userId))
                .orderBy(INTAKE_DRAFT_ROW.ROW_POSITION)
                .fetch(r -> decode(r.value1()));
    }

    static List<IntakeService.DraftInfo> forUser(DSLContext tx, UUID userId) {
        return tx.select(OPERATION.ID, OPERATION.CODE, OPERATION.NAME, DSL.count(), DSL.max(INTAKE_DRAFT_ROW.UPDATED_AT))
                .from(INTAKE_DRAFT_ROW).join(OPERATION).on(OPERATION.ID.eq(INTAKE_DRAFT_ROW.OPERATION_ID))
                .where(INTAKE_DRAFT_ROW.USER_ID.eq(userId))
                .groupBy(OPERATION.ID, OPERATION.CODE, OPERATION.NAME)
                .orderBy(DSL.max(INTAKE_DRAFT_ROW.UPDATED_AT).desc())
                .fetch(r -> new IntakeService.DraftInfo(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Every draft row of every user: its id and its encoded cells, in the order read. */
    static java.util.Map<UUID, String> allRows(DSLContext tx) {
        java.util.Map<UUID, String> out = new java.util.LinkedHashMap<>();
        for (var r : tx.select(INTAKE_DRAFT_ROW.ID, INTAKE_DRAFT_ROW.CELLS).from(INTAKE_DRAFT_ROW).fetch()) out.put(r.value1(), r.value2());
        return out;
    }

    /** Deletes these draft rows; returns how many went. */
    static int deleteRows(DSLContext tx, List<UUID> ids) {
        return tx.deleteFrom(INTAKE_DRAFT_ROW).where(INTAKE_DRAFT_ROW.ID.in(ids)).execute();
    }

    static String encode(List<String> cells) {
        return CSVFormat.DEFAULT.format(cells.stream().map(c -> c == null ? "" : c).toArray());
    }

    static List<String> decode(String line) {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), CSVFormat.DEFAULT)) {
            List<String> out = new ArrayList<>();
            for (CSVRecord record : parser) {
                out.addAll(record.toList());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
