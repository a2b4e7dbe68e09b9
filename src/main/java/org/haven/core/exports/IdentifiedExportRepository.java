package org.haven.core.exports;

import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.CASE_HTCDS;
import static org.haven.core.db.jooq.Tables.OPERATION;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.util.HashMap;
import java.util.Map;
import org.haven.core.db.jooq.tables.AppUser;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The identified export's one query (ADR 14): every case with its person, operation code, assignee
 * and trafficking details, by case number, fetched lazily. Each row is the stored values by the
 * export's column names ({@link IdentifiedExport#HEADER}); the export words them.
 */
final class IdentifiedExportRepository {
    private IdentifiedExportRepository() {}

    static Iterable<Map<String, Object>> rows(DSLContext tx) {
        AppUser assignee = APP_USER.as("assignee");
        var cursor = tx.select(CASE_FILE.fields()).select(PERSON.fields()).select(OPERATION.CODE, assignee.USERNAME)
                .select(CASE_HTCDS.COUNTRY_OF_EXPLOITATION, CASE_HTCDS.RECRUITER_RELATIONS, CASE_HTCDS.METHODS_OF_CONTROL)
                .from(CASE_FILE).join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                .leftJoin(OPERATION).on(OPERATION.ID.eq(CASE_FILE.OPERATION_ID))
                .leftJoin(assignee).on(assignee.ID.eq(CASE_FILE.ASSIGNED_TO))
                .leftJoin(CASE_HTCDS).on(CASE_HTCDS.CASE_ID.eq(CASE_FILE.ID))
                .orderBy(CASE_FILE.CASE_NUMBER).fetchLazy();
        // a lambda, not an inner class: the cursor is read as the export writes, one row at a time
        return () -> java.util.stream.StreamSupport.stream(cursor.spliterator(), false).map(r -> values(r, assignee)).iterator();
    }

    private static Map<String, Object> values(Record r, AppUser a) {
        Map<String, Object> v = new HashMap<>();
        v.put("case_number", r.get(CASE_FILE.CASE_NUMBER));
        v.put("status", r.get(CASE_FILE.STATUS));
        v.put("outcome", r.get(CASE_FILE.OUTCOME));
        v.put("closing_reason", r.get(CASE_FILE.CLOSING_REASON));
        v.put("legal_role", r.get(CASE_FILE.LEGAL_ROLE));
        v.put("opened_on", r.get(CASE_FILE.OPENED_ON));
        v.put("closed_on", r.get(CASE_FILE.CLOSED_ON));
        v.put("operation_code", r.get(OPERATION.CODE));
        v.put("assigned_to", r.get(a.USERNAME));
        v.put("name_latin", r.get(PERSON.NAME_LATIN));
        v.put("name_native", r.get(PERSON.NAME_NATIVE));
        v.put("aliases", r.get(PERSON.ALIASES));
        v.put("sex", r.get(PERSON.SEX));
        v.put("birth_date", r.get(PERSON.BIRTH_DATE));
        v.put("estimated_age", r.get(PERSON.ESTIMATED_AGE));
        v.put("nationality", r.get(PERSON.NATIONALITY));
        v.put("languages", r.get(PERSON.LANGUAGES));
        v.put("interpreter_needed", r.get(PERSON.INTERPRETER_NEEDED));
        v.put("document_status", r.get(PERSON.DOCUMENT_STATUS));
        v.put("document_number", r.get(PERSON.DOCUMENT_NUMBER));
        v.put("family_contact", r.get(PERSON.FAMILY_CONTACT));
        v.put("person_notes", r.get(PERSON.NOTES));
        v.put("country_of_exploitation", r.get(CASE_HTCDS.COUNTRY_OF_EXPLOITATION));
        v.put("recruiter_relation", r.get(CASE_HTCDS.RECRUITER_RELATIONS));
        v.put("methods_of_control", r.get(CASE_HTCDS.METHODS_OF_CONTROL));
        return v;
    }
}
