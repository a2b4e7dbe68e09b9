package org.haven.core.intake;

import java.util.List;
import java.util.UUID;
import org.haven.core.cases.DerivedIndexRepository;
import org.haven.core.db.Database;
import org.haven.core.security.AuditLog;
import org.jooq.DSLContext;

/**
 * The mark that makes an import committed in parts all or nothing as users see it. A large import
 * commits every few thousand rows (so the file can be compacted between parts, see
 * {@link Database#compactIfGrownSince}); its first commit writes a pending_import row, each part lists
 * the cases it wrote in pending_import_case, and the last commit (with the import's audit entry)
 * deletes the mark. An import that fails on the way is removed at once; one that was killed is removed
 * at the next login ({@link #undoInterrupted}), before anything else is read. The SQL is in
 * {@link PendingImportRepository}.
 */
public final class PendingImports {
    private PendingImports() {}

    /**
     * Removes every import that did not finish (killed, or failed and not yet removed): its cases, the
     * people it created and the operation it created, with one audit entry each; the file is then
     * rewritten (owed compaction) so their old pages leave it. Returns how many imports were removed.
     * Nothing to do on the office database, where imports are one transaction.
     */
    public static int undoInterrupted(Database db) {
        if (db.isOffice()) return 0;
        if (DerivedIndexRepository.rebuildPending(db)) DerivedIndexRepository.rebuildAll(db); // a rebuild killed half-way
        List<UUID> pending = PendingImportRepository.pending(db.dsl());
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
        PendingImportRepository.Removed removed = PendingImportRepository.remove(tx, importId);
        if (removed == null) return;
        AuditLog.record(tx, null, "IMPORT_UNDONE", "operation", removed.operationId(),
                "an import that did not finish was removed: cases=" + removed.cases()
                        + (removed.operationWasNew() ? ",operation created by it removed" : ""));
    }
}
