package org.haven.core.sync;

import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.util.List;
import java.util.UUID;
import org.haven.core.cases.SearchIndex;
import org.haven.core.changes.MergeRowsRepository;
import org.haven.core.changes.RowsRepository;
import org.haven.core.db.Audit;
import org.jooq.DSLContext;

/**
 * The SQL of a merge that travels (docs/sync.md, "Merges"): a MERGE entry names the merged-away
 * record (its row id) and the kept one. Wherever it arrives, the merged-away record's cases move to
 * the kept record, what the sync tables hold about it follows, and it is deleted (its search and
 * duplicate rows go with it by their foreign keys).
 */
final class MergeSyncRepository {
    private MergeSyncRepository() {}



    /** Both records locked, in key order (two merges of the same pair never wait for each other in a circle); false when one is gone. */
    static boolean lockBoth(DSLContext tx, UUID a, UUID b) {
        List<UUID> ids = a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
        return tx.select(PERSON.ID).from(PERSON).where(PERSON.ID.in(ids)).orderBy(PERSON.ID).forUpdate().fetch().size() == 2;
    }

    /**
     * The merge itself, in the caller's transaction: every case of {@code otherId} moves to
     * {@code keepId}, the sync tables follow, {@code otherId} is deleted, and the kept person's search
     * index is rebuilt. Not into the outbox. {@code by}: who merged (null for a merge pulled from the office).
     */
    static void merge(DSLContext tx, UUID otherId, UUID keepId, UUID by) {
        var move = tx.update(CASE_FILE).set(CASE_FILE.PERSON_ID, keepId).set(CASE_FILE.VERSION, CASE_FILE.VERSION.plus(1))
                .set(CASE_FILE.UPDATED_AT, Audit.now());
        (by == null ? move : move.set(CASE_FILE.UPDATED_BY, by)).where(CASE_FILE.PERSON_ID.eq(otherId)).execute();
        MergeRowsRepository.movePersonRows(tx, otherId, keepId);
        tx.deleteFrom(PERSON).where(PERSON.ID.eq(otherId)).execute();
        SearchIndex.reindex(tx, keepId);
    }

    /**
     * On a laptop: a merge the office sent. Nothing when the merged-away record is not here; the kept
     * record is taken in from the change's value when it is not here yet (a caseworker who held only
     * the merged-away record's case). Returns whether anything changed.
     */
    static boolean applyPulled(DSLContext tx, UUID otherId, String keepRowJson) {
        if (!tx.fetchExists(PERSON, PERSON.ID.eq(otherId))) return false;
        var rows = RowsRepository.read(tx, PERSON, keepRowJson);
        if (rows.size() != 1) return false;
        UUID keepId = RowsRepository.id(rows.getFirst());
        if (keepId == null || keepId.equals(otherId)) return false;
        if (!tx.fetchExists(PERSON, PERSON.ID.eq(keepId))) RowsRepository.insert(tx, rows.getFirst());
        merge(tx, otherId, keepId, null);
        return true;
    }
}
