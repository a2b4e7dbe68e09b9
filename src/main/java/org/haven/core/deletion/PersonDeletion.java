package org.haven.core.deletion;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.haven.core.intake.PersonDrafts;
import org.haven.core.security.AuditLog;
import org.haven.core.security.PersonTables;
import org.haven.core.security.Role;
import org.haven.core.security.Session;
import org.jooq.DSLContext;

/**
 * Really deleting a person: every row about them and their cases goes, in one transaction, and the
 * audit log keeps one anonymous entry (no id that leads back to them). Coordinators only.
 *
 * <p>Every table that holds rows about a person or a case is listed in {@link PersonTables#DEPENDENTS}, one line
 * each, children before parents. Before deleting, the schema is checked: if any table has a
 * person_id or case_id column (or a foreign key to person or case_file) that is not listed, the
 * deletion is refused, so a new feature's table can never silently keep a trace.
 */
public final class PersonDeletion {

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
            for (PersonTables.Dependent d : PersonTables.DEPENDENTS) {
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
    public static Set<String> uncoveredTables(DSLContext tx) {
        Set<String> mentioning = new TreeSet<>(tx.resultQuery(
                "SELECT DISTINCT table_name FROM information_schema.columns WHERE UPPER(table_schema) = 'PUBLIC'"
                        + " AND UPPER(column_name) IN ('PERSON_ID', 'CASE_ID')").fetch(0, String.class));
        mentioning.addAll(tx.resultQuery(
                "SELECT DISTINCT fk.table_name FROM information_schema.referential_constraints rc"
                        + " JOIN information_schema.table_constraints fk ON fk.constraint_name = rc.constraint_name AND fk.constraint_schema = rc.constraint_schema"
                        + " JOIN information_schema.table_constraints pk ON pk.constraint_name = rc.unique_constraint_name AND pk.constraint_schema = rc.unique_constraint_schema"
                        + " WHERE UPPER(pk.table_name) IN ('PERSON', 'CASE_FILE') AND UPPER(fk.table_schema) = 'PUBLIC'").fetch(0, String.class));
        Set<String> listed = PersonTables.DEPENDENTS.stream().map(d -> d.table().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        mentioning.removeIf(t -> listed.contains(t.toUpperCase(Locale.ROOT)) || EXEMPT.contains(t.toUpperCase(Locale.ROOT)));
        return mentioning;
    }
}
