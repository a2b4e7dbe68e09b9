package org.haven.core.security;

import java.util.List;

/**
 * The tables that hold rows about a person or a case, one line each, children before parents: what a
 * person's deletion (deletion.PersonDeletion) empties, and what an unfinished import's undo
 * (intake.PendingImports) removes with its cases. Data protection's list, kept here below the
 * features so that both use the one list.
 */
public final class PersonTables {
    private PersonTables() {}

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
}
