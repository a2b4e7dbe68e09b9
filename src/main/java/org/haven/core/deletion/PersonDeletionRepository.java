package org.haven.core.deletion;

import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.util.List;
import java.util.UUID;
import org.haven.core.changes.Outbox;
import org.haven.core.security.PersonTables;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The rows a person's deletion reads and removes (ADR 14); {@link PersonDeletion} says which and in what order. */
final class PersonDeletionRepository {
    private PersonDeletionRepository() {}

    static boolean personExists(DSLContext dsl, UUID personId) {
        return dsl.fetchExists(PERSON, PERSON.ID.eq(personId));
    }

    static List<UUID> caseIds(DSLContext tx, UUID personId) {
        return tx.select(CASE_FILE.ID).from(CASE_FILE).where(CASE_FILE.PERSON_ID.eq(personId)).fetch(CASE_FILE.ID);
    }

    /** The person of the case, or null. */
    static UUID personOfCase(DSLContext dsl, UUID caseId) {
        return dsl.select(CASE_FILE.PERSON_ID).from(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).fetchOne(CASE_FILE.PERSON_ID);
    }

    /** Deletes a dependent table's rows about the person or their cases. */
    static void deleteDependent(DSLContext tx, PersonTables.Dependent d, UUID personId, List<UUID> caseIds) {
        tx.deleteFrom(DSL.table(DSL.unquotedName(d.table()))).where(matches(d, personId, caseIds)).execute();
    }

    /** The person's Latin and native names. */
    static String[] names(DSLContext tx, UUID personId) {
        var names = tx.select(PERSON.NAME_LATIN, PERSON.NAME_NATIVE).from(PERSON).where(PERSON.ID.eq(personId)).fetchOne();
        return new String[] {names.value1(), names.value2()};
    }

    static void deleteCases(DSLContext tx, UUID personId) {
        tx.deleteFrom(CASE_FILE).where(CASE_FILE.PERSON_ID.eq(personId)).execute();
    }

    static Integer officeVersion(DSLContext tx, UUID personId) {
        return tx.select(PERSON.OFFICE_VERSION).from(PERSON).where(PERSON.ID.eq(personId)).fetchOne(PERSON.OFFICE_VERSION);
    }

    static void deletePerson(DSLContext tx, UUID personId) {
        tx.deleteFrom(PERSON).where(PERSON.ID.eq(personId)).execute();
    }

    /** The tombstone other devices act on at their next sync: the person's key only, no value. */
    static void recordTombstone(DSLContext tx, UUID userId, UUID personId, int baseVersion) {
        Outbox.recordDeletion(tx, userId, PERSON, personId, baseVersion);
    }

    private static Condition matches(PersonTables.Dependent d, UUID personId, List<UUID> caseIds) {
        Field<UUID> col = DSL.field(DSL.unquotedName(d.column()), UUID.class);
        return switch (d.target()) {
            case PERSON -> col.eq(personId);
            case CASE -> caseIds.isEmpty() ? DSL.falseCondition() : col.in(caseIds);
            case CASE_NUMBER -> caseIds.isEmpty() ? DSL.falseCondition()
                    : DSL.field(DSL.unquotedName(d.column()), String.class)
                            .in(DSL.select(CASE_FILE.CASE_NUMBER).from(CASE_FILE).where(CASE_FILE.ID.in(caseIds)));
            case PARENT -> caseIds.isEmpty() ? DSL.falseCondition()
                    : col.in(DSL.select(DSL.field(DSL.unquotedName("id"), UUID.class)).from(DSL.table(DSL.unquotedName(d.parentTable())))
                            .where(DSL.field(DSL.unquotedName(d.parentColumn()), UUID.class).in(caseIds)));
        };
    }
}
