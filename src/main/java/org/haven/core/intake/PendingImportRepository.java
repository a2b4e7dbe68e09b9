package org.haven.core.intake;

import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.OPERATION;
import static org.haven.core.db.jooq.Tables.PENDING_IMPORT;
import static org.haven.core.db.jooq.Tables.PENDING_IMPORT_CASE;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.haven.core.security.PersonTables;
import org.haven.core.security.User;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.impl.DSL;

/** The SQL of the marks of imports committed in parts ({@link PendingImports}). */
final class PendingImportRepository {
    private PendingImportRepository() {}

    /** In the import's first transaction: the mark, naming the operation (and whether the import created it). */
    static void begin(DSLContext tx, UUID importId, UUID operationId, boolean newOperation, User by) {
        tx.insertInto(PENDING_IMPORT)
                .set(PENDING_IMPORT.ID, importId)
                .set(PENDING_IMPORT.OPERATION_ID, operationId)
                .set(PENDING_IMPORT.NEW_OPERATION, newOperation)
                .set(PENDING_IMPORT.STARTED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(PENDING_IMPORT.STARTED_BY, by == null ? null : by.id())
                .execute();
    }

    /** In a part's transaction: a case it wrote, and the person when the import created it (null when linked). */
    static void wrote(DSLContext tx, UUID importId, UUID caseId, UUID newPersonId) {
        tx.insertInto(PENDING_IMPORT_CASE)
                .set(PENDING_IMPORT_CASE.IMPORT_ID, importId)
                .set(PENDING_IMPORT_CASE.CASE_ID, caseId)
                .set(PENDING_IMPORT_CASE.PERSON_ID, newPersonId)
                .execute();
    }

    /** In the import's last transaction: the import is whole, the mark goes. */
    static void finish(DSLContext tx, UUID importId) {
        tx.deleteFrom(PENDING_IMPORT_CASE).where(PENDING_IMPORT_CASE.IMPORT_ID.eq(importId)).execute();
        tx.deleteFrom(PENDING_IMPORT).where(PENDING_IMPORT.ID.eq(importId)).execute();
    }

    /** The imports whose mark is still there: killed or failed, not yet removed. */
    static List<UUID> pending(DSLContext dsl) {
        return dsl.select(PENDING_IMPORT.ID).from(PENDING_IMPORT).fetch(PENDING_IMPORT.ID);
    }

    /** What {@link #remove} removed: the import's cases, its operation, and whether the import had created that operation. */
    record Removed(int cases, UUID operationId, boolean operationWasNew) {}

    /**
     * Removes one unfinished import's rows: its cases, the people it created and the operation it
     * created (when no other case is in it), then its mark. Null when there is no such mark.
     */
    static Removed remove(DSLContext tx, UUID importId) {
        var mark = tx.selectFrom(PENDING_IMPORT).where(PENDING_IMPORT.ID.eq(importId)).fetchOne();
        if (mark == null) return null;
        Field<UUID> caseIds = PENDING_IMPORT_CASE.CASE_ID;
        var cases = DSL.select(caseIds).from(PENDING_IMPORT_CASE).where(PENDING_IMPORT_CASE.IMPORT_ID.eq(importId));
        var people = DSL.select(PENDING_IMPORT_CASE.PERSON_ID).from(PENDING_IMPORT_CASE)
                .where(PENDING_IMPORT_CASE.IMPORT_ID.eq(importId)).and(PENDING_IMPORT_CASE.PERSON_ID.isNotNull());
        int count = tx.fetchCount(PENDING_IMPORT_CASE, PENDING_IMPORT_CASE.IMPORT_ID.eq(importId));
        // The same tables a person's deletion empties (one list: a new table about people is covered here too).
        for (PersonTables.Dependent d : PersonTables.DEPENDENTS) {
            if (d.table().equalsIgnoreCase(PENDING_IMPORT_CASE.getName())) continue; // deleted last, below
            tx.deleteFrom(DSL.table(DSL.unquotedName(d.table()))).where(matches(d, cases, people)).execute();
        }
        tx.deleteFrom(CASE_FILE).where(CASE_FILE.ID.in(cases)).execute();
        // A person the import created has no other case; the check keeps anyone a later save gave one.
        tx.deleteFrom(PERSON).where(PERSON.ID.in(people))
                .andNotExists(DSL.selectOne().from(CASE_FILE).where(CASE_FILE.PERSON_ID.eq(PERSON.ID))).execute();
        if (mark.getNewOperation() && !tx.fetchExists(CASE_FILE, CASE_FILE.OPERATION_ID.eq(mark.getOperationId()))) {
            tx.deleteFrom(OPERATION).where(OPERATION.ID.eq(mark.getOperationId())).execute(); // members and drafts cascade
        }
        tx.deleteFrom(PENDING_IMPORT_CASE).where(PENDING_IMPORT_CASE.IMPORT_ID.eq(importId)).execute();
        tx.deleteFrom(PENDING_IMPORT).where(PENDING_IMPORT.ID.eq(importId)).execute();
        return new Removed(count, mark.getOperationId(), mark.getNewOperation());
    }

    private static Condition matches(PersonTables.Dependent d, Select<? extends org.jooq.Record1<UUID>> cases,
                                     Select<? extends org.jooq.Record1<UUID>> people) {
        Field<UUID> col = DSL.field(DSL.unquotedName(d.column()), UUID.class);
        return switch (d.target()) {
            case PERSON -> col.in(people);
            case CASE -> col.in(cases);
            case CASE_NUMBER -> DSL.field(DSL.unquotedName(d.column()), String.class)
                    .in(DSL.select(CASE_FILE.CASE_NUMBER).from(CASE_FILE).where(CASE_FILE.ID.in(cases)));
            case PARENT -> col.in(DSL.select(DSL.field(DSL.unquotedName("id"), UUID.class)).from(DSL.table(DSL.unquotedName(d.parentTable())))
                    .where(DSL.field(DSL.unquotedName(d.parentColumn()), UUID.class).in(cases)));
        };
    }
}
