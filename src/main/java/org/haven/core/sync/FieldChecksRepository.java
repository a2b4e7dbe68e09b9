package org.haven.core.sync;

import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.CASE_HTCDS;

import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.LegalRole;
import org.haven.core.cases.MethodOfControl;
import org.haven.core.cases.Outcome;
import org.haven.core.cases.RecruiterRelation;
import org.jooq.Field;
import org.jooq.tools.Convert;

/**
 * Which values a pushed change of a case's, its trafficking details' or a timeline entry's column may
 * hold (the features' names as stored; other values by their column's type): the office refuses the rest.
 */
final class FieldChecksRepository {
    private FieldChecksRepository() {}

    /** Whether {@code text} is a value the field may hold (enum names as stored; other values by their type). */
    static boolean caseField(Field<?> column, String text) {
        if (text == null) return column != CASE_FILE.STATUS && column != CASE_FILE.LEGAL_ROLE;
        try {
            if (column == CASE_FILE.STATUS) CaseStatus.valueOf(text);
            else if (column == CASE_FILE.OUTCOME) Outcome.valueOf(text);
            else if (column == CASE_FILE.LEGAL_ROLE) LegalRole.valueOf(text);
            else Convert.convert(text, column.getType());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code text} is a value the detail may hold: a known country code, or known names separated by ';'. */
    static boolean traffickingDetail(Field<String> column, String text) {
        if (text == null) return true;
        if (column == CASE_HTCDS.COUNTRY_OF_EXPLOITATION) return org.haven.core.people.Countries.all().containsKey(text);
        try {
            for (String name : text.split(";")) {
                if (column == CASE_HTCDS.RECRUITER_RELATIONS) RecruiterRelation.valueOf(name);
                else MethodOfControl.valueOf(name);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code text} is a value the field may hold. */
    static boolean eventField(Field<?> column, String text) {
        try {
            if (column == CASE_EVENT.NOTE) return text == null || text.length() <= 4000;
            if (text == null) return false;
            if (column == CASE_EVENT.EVENT_TYPE) org.haven.core.timeline.EventType.valueOf(text);
            else if (column == CASE_EVENT.DATE_PRECISION) org.haven.core.timeline.DatePrecision.valueOf(text);
            else Convert.convert(text, column.getType());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
