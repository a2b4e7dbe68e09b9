package org.haven.intake;

import static org.haven.db.jooq.Tables.CASE_FILE;
import static org.haven.db.jooq.Tables.OPERATION;
import static org.haven.db.jooq.Tables.PENDING_IMPORT;
import static org.haven.db.jooq.Tables.PENDING_IMPORT_CASE;
import static org.haven.db.jooq.Tables.PERSON;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.haven.cases.DerivedIndexRepository;
import org.haven.db.Database;
import org.haven.security.AuditLog;
import org.haven.security.PersonTables;
import org.haven.security.User;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * The mark that makes an import committed in parts all or nothing as users see it. A large import
 * commits every few thousand rows (so the file can be compacted between parts, see
 * {@link Database#compactIfGrownSince}); its first commit writes a pending_import row, each part lists
 * the cases it wrote in pending_import_case, and the last commit (with the import's audit entry)
 * deletes the mark. An import that fails on the way is removed at once; one that was killed is removed
 * at the next login ({@link #undoInterrupted}), before anything else is read.
 */
public final class PendingImports {
    private PendingImports() {}

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

    /**
     * Removes every import that did not finish (killed, or failed and not yet removed): its cases, the
     * people it created and the operation it created, with one audit entry each; the file is then
     * rewritten (owed compaction) so their old pages leave it. Returns how many imports were removed.
     * Nothing to do on the office database, where imports are one transaction.
     */
    public static int undoInterrupted(Database db) {
        if (db.isOffice()) return 0;
        if (DerivedIndexRepository.rebuildPending(db)) DerivedIndexRepository.rebuildAll(db); // a rebuild killed half-way
        List<UUID> pending = db.dsl().select(PENDING_IMPORT.ID).from(PENDING_IMPORT).fetch(PENDING_IMPORT.ID);
        for (UUID id : pending) undoRepairingIndexes(db, id, PendingImports::undo);
        return pending.size();
    }

    /**
     * Removes a killed import with {@code undo}. When H2's indexes of the search and match tables came
     * out of the crash out of step with their rows (rare; see {@link DerivedIndexRepository}), those
     * tables are rebuilt from the people and the removal is tried once more.
     */
    static void undoRepairingIndexes(Database db, UUID importId, java.util.function.BiConsumer<Database, UUID> undo) {
        try {
            undo.accept(db, importId);
        } catch (RuntimeException e) {
            if (!DerivedIndexRepository.isIndexDamage(e)) throw e;
            DerivedIndexRepository.rebuildAll(db);
            undo.accept(db, importId);
        }
    }

    /** Removes one unfinished import (its own failure, or found at the next login). */
    static void undo(Database db, UUID importId) {
        db.owesCompaction(); // on disk before the commit: a crash before the rewrite still gets it done
        db.inTransactionRun(tx -> undoIn(tx, importId));
        db.dsl().execute("CHECKPOINT SYNC");
    }

    private static void undoIn(DSLContext tx, UUID importId) {
        var mark = tx.selectFrom(PENDING_IMPORT).where(PENDING_IMPORT.ID.eq(importId)).fetchOne();
        if (mark == null) return;
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
        AuditLog.record(tx, null, "IMPORT_UNDONE", "operation", mark.getOperationId(),
                "an import that did not finish was removed: cases=" + count + (mark.getNewOperation() ? ",operation created by it removed" : ""));
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
