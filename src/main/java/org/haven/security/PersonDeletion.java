package org.haven.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.haven.common.HavenException;
import org.haven.db.Database;
import org.haven.intake.PersonDrafts;
import org.jooq.DSLContext;

/**
 * Really deleting a person: every row about them and their cases goes, in one transaction, and the
 * audit log keeps one anonymous entry (no id that leads back to them). Coordinators only.
 *
 * <p>Every table that holds rows about a person or a case is listed in {@link #DEPENDENTS}, one line
 * each, children before parents. Before deleting, the schema is checked: if any table has a
 * person_id or case_id column (or a foreign key to person or case_file) that is not listed, the
 * deletion is refused, so a new feature's table can never silently keep a trace.
 */
public final class PersonDeletion {

    /** A table with rows about a person: deleted where {@code column} points at the person or one of its cases. */
    public record Dependent(String table, String column, Target target, String parentTable, String parentColumn) {
        public enum Target { PERSON, CASE, PARENT, CASE_NUMBER }

        /** Rows whose {@code column} holds one of the person's case ids. */
        public static Dependent byCase(String table, String column) {
            return new Dependent(table, column, Target.CASE, null, null);
        }

        /** Rows whose {@code column} holds the person's id. */
        public static Dependent byPerson(String table, String column) {
            return new Dependent(table, column, Target.PERSON, null, null);
        }

        /** Rows whose {@code column} holds the case number of one of the person's cases. */
        public static Dependent byCaseNumber(String table, String column) {
            return new Dependent(table, column, Target.CASE_NUMBER, null, null);
        }

        /** Rows whose {@code column} points at a row of {@code parentTable} whose {@code parentColumn} is one of the cases. */
        public static Dependent byParent(String table, String column, String parentTable, String parentColumn) {
            return new Dependent(table, column, Target.PARENT, parentTable, parentColumn);
        }
    }

    /** Children before parents. A feature that adds a table about a person or case adds one line here. */
    public static final List<Dependent> DEPENDENTS = List.of(
            Dependent.byCase("case_event", "case_id"),
            Dependent.byParent("screening_answer", "screening_id", "screening", "case_id"),
            Dependent.byParent("screening_consent", "screening_id", "screening", "case_id"),
            Dependent.byParent("screening_choice", "screening_id", "screening", "case_id"),
            Dependent.byCase("screening", "case_id"),
            Dependent.byCase("case_htcds", "case_id"),
            Dependent.byPerson("search_token", "person_id"),
            Dependent.byCaseNumber("search_prefix", "case_number"),
            Dependent.byPerson("match_key", "person_id"),
            Dependent.byPerson("match_name", "person_id"),
            Dependent.byPerson("match_distinct", "person_a"),
            Dependent.byPerson("match_distinct", "person_b"),
            Dependent.byCase("sync_change", "case_id"),
            Dependent.byCase("pending_import_case", "case_id"), // an unfinished import's list of its cases
            Dependent.byPerson("sync_outbox", "person_id"), // changes not yet sent to the office: their old and new values
            Dependent.byPerson("sync_change", "person_id"), // the office's change log: their values (the tombstone written after stays)
            Dependent.byPerson("sync_conflict", "person_id")); // both values of their open or resolved conflicts

    /** Tables that are allowed to mention a person or case id without being deleted from. */
    private static final Set<String> EXEMPT = Set.of(
            "PERSON", "CASE_FILE", // deleted last, by this class
            "AUDIT_LOG");          // ids only, append-only chain (entity_id, not person_id/case_id)

    private final Database db;
    private final Session session;

    public PersonDeletion(Database db, Session session) {
        this.db = db;
        this.session = session;
    }

    /** Deletes the person and everything about them. Returns how many cases went with them. */
    public int deletePerson(UUID personId) {
        return deletePerson(personId, tx -> {});
    }

    /**
     * {@link #deletePerson(UUID)}, with {@code alsoInTransaction} run inside the deletion's transaction
     * after the tombstone is written (the sync service records the pushed operation there).
     */
    public int deletePerson(UUID personId, java.util.function.Consumer<DSLContext> alsoInTransaction) {
        session.require(Role.COORDINATOR);
        return erase(personId, true, alsoInTransaction);
    }

    /**
     * A deletion the office sent to this laptop (a tombstone it pulled): the same erase, without a new
     * tombstone (the office has it) and without the role check (a coordinator decided it at the office).
     * Nothing happens when the person is not on this laptop.
     */
    public int eraseDeletedAtOffice(UUID personId) {
        if (!PersonDeletionRepository.personExists(db.dsl(), personId)) return 0;
        return erase(personId, false, tx -> AuditLog.record(tx, session.user(), "SYNC_DELETION_RECEIVED", "person", null, null));
    }

    private int erase(UUID personId, boolean tombstone, java.util.function.Consumer<DSLContext> alsoInTransaction) {
        // Recorded on disk before the commit: if Haven is killed before the file is compacted, the next open does it.
        db.owesCompaction();
        int cases = db.inTransaction(tx -> {
            Set<String> uncovered = uncoveredTables(tx);
            if (!uncovered.isEmpty()) {
                throw HavenException.of(HavenException.Kind.FAILURE, "error.deletion.uncovered", String.join(", ", uncovered));
            }
            if (!PersonDeletionRepository.personExists(tx, personId)) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.personGone");
            List<UUID> caseIds = PersonDeletionRepository.caseIds(tx, personId);
            for (Dependent d : DEPENDENTS) {
                PersonDeletionRepository.deleteDependent(tx, d, personId, caseIds);
            }
            String[] names = PersonDeletionRepository.names(tx, personId);
            PersonDrafts.deleteRowsNaming(tx, names[0], names[1]); // the unsaved grid rows about them
            PersonDeletionRepository.deleteCases(tx, personId);
            Integer officeVersion = PersonDeletionRepository.officeVersion(tx, personId);
            PersonDeletionRepository.deletePerson(tx, personId);
            if (tombstone) {
                // The tombstone other devices will act on at their next sync: the person's key only, no value.
                PersonDeletionRepository.recordTombstone(tx, session.user().id(), personId, officeVersion == null ? 0 : officeVersion);
                // Anonymous on purpose: no entity id, and a count only.
                AuditLog.record(tx, session.user(), "PERSON_DELETED", "person", null, caseIds.size() + " case(s)");
            }
            alsoInTransaction.accept(tx);
            return caseIds.size();
        });
        // Old copies of the deleted pages stay in the file until it is rewritten: write now, compact on close.
        // (The office database's server reclaims dead rows itself, with VACUUM: see docs/security.md.)
        if (!db.isOffice()) db.dsl().execute("CHECKPOINT SYNC");
        return cases;
    }

    /** Deletes the person whose case this is. */
    public int deletePersonOfCase(UUID caseId) {
        session.require(Role.COORDINATOR);
        UUID personId = PersonDeletionRepository.personOfCase(db.dsl(), caseId);
        if (personId == null) throw HavenException.of(HavenException.Kind.NOT_FOUND, "error.caseGone");
        return deletePerson(personId);
    }

    /** Tables in the schema that mention a person or case (by column name or foreign key) but are not listed. */
    static Set<String> uncoveredTables(DSLContext tx) {
        Set<String> mentioning = new TreeSet<>(tx.resultQuery(
                "SELECT DISTINCT table_name FROM information_schema.columns WHERE UPPER(table_schema) = 'PUBLIC'"
                        + " AND UPPER(column_name) IN ('PERSON_ID', 'CASE_ID')").fetch(0, String.class));
        mentioning.addAll(tx.resultQuery(
                "SELECT DISTINCT fk.table_name FROM information_schema.referential_constraints rc"
                        + " JOIN information_schema.table_constraints fk ON fk.constraint_name = rc.constraint_name AND fk.constraint_schema = rc.constraint_schema"
                        + " JOIN information_schema.table_constraints pk ON pk.constraint_name = rc.unique_constraint_name AND pk.constraint_schema = rc.unique_constraint_schema"
                        + " WHERE UPPER(pk.table_name) IN ('PERSON', 'CASE_FILE') AND UPPER(fk.table_schema) = 'PUBLIC'").fetch(0, String.class));
        Set<String> listed = DEPENDENTS.stream().map(d -> d.table().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        mentioning.removeIf(t -> listed.contains(t.toUpperCase(Locale.ROOT)) || EXEMPT.contains(t.toUpperCase(Locale.ROOT)));
        return mentioning;
    }
}
