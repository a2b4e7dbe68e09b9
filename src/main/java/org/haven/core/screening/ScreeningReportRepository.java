package org.haven.core.screening;

import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.SCREENING;
import static org.haven.core.db.jooq.Tables.SCREENING_ANSWER;
import static org.haven.core.db.jooq.Tables.SCREENING_CHOICE;
import static org.haven.core.db.jooq.Tables.SCREENING_CONSENT;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What the screening feature reads for others (ADR 14): the export's columns, the statistics'
 * counts and the consent to sharing, each from the cases' latest screening.
 */
public final class ScreeningReportRepository {
    /** A case's latest screening. */
    public record Latest(UUID screeningId, UUID caseId, String determination) {}

    /** One multi-select choice of a screening. */
    public record Choice(UUID screeningId, String field, String choice) {}

    private ScreeningReportRepository() {}

    // --- the anonymized export's columns

    public static void latest(DSLContext dsl, Collection<UUID> caseIds, Consumer<Latest> each) {
        dsl.select(SCREENING.ID, SCREENING.CASE_ID, SCREENING.DETERMINATION.coerce(String.class)).from(SCREENING)
                .where(SCREENING.CASE_ID.in(caseIds)).and(SCREENING.IS_LATEST.isTrue())
                .forEach(r -> each.accept(new Latest(r.value1(), r.value2(), r.value3())));
    }

    /** (screening id, indicator) of every indicator answered YES in these screenings. */
    public static void yesAnswers(DSLContext dsl, Collection<UUID> screeningIds, BiConsumer<UUID, String> each) {
        dsl.select(SCREENING_ANSWER.SCREENING_ID, SCREENING_ANSWER.INDICATOR.coerce(String.class)).from(SCREENING_ANSWER)
                .where(SCREENING_ANSWER.SCREENING_ID.in(screeningIds))
                .and(SCREENING_ANSWER.ANSWER.coerce(String.class).eq(Answer.YES.name()))
                .forEach(r -> each.accept(r.value1(), r.value2()));
    }

    public static void choices(DSLContext dsl, Collection<UUID> screeningIds, Consumer<Choice> each) {
        dsl.select(SCREENING_CHOICE.SCREENING_ID, SCREENING_CHOICE.FIELD, SCREENING_CHOICE.CHOICE).from(SCREENING_CHOICE)
                .where(SCREENING_CHOICE.SCREENING_ID.in(screeningIds))
                .forEach(r -> each.accept(new Choice(r.value1(), r.value2(), r.value3())));
    }

    // --- the statistics, over the cases a condition on CASE_FILE selects

    static Map<String, Integer> determinations(DSLContext dsl, Condition cases) {
        return dsl.select(SCREENING.DETERMINATION.coerce(String.class), DSL.count()).from(CASE_FILE)
                .join(SCREENING).on(SCREENING.CASE_ID.eq(CASE_FILE.ID)).and(SCREENING.IS_LATEST.isTrue())
                .where(cases).groupBy(SCREENING.DETERMINATION.coerce(String.class)).fetchMap(SCREENING.DETERMINATION.coerce(String.class), DSL.count());
    }

    static long notScreened(DSLContext dsl, Condition cases) {
        return dsl.fetchCount(DSL.selectOne().from(CASE_FILE).where(cases)
                .andNotExists(DSL.selectOne().from(SCREENING).where(SCREENING.CASE_ID.eq(CASE_FILE.ID))));
    }

    static Map<String, Integer> indicatorsYes(DSLContext dsl, Condition cases) {
        return dsl.select(SCREENING_ANSWER.INDICATOR.coerce(String.class), DSL.count()).from(CASE_FILE)
                .join(SCREENING).on(SCREENING.CASE_ID.eq(CASE_FILE.ID)).and(SCREENING.IS_LATEST.isTrue())
                .join(SCREENING_ANSWER).on(SCREENING_ANSWER.SCREENING_ID.eq(SCREENING.ID))
                .where(cases).and(SCREENING_ANSWER.ANSWER.coerce(String.class).eq(Answer.YES.name()))
                .groupBy(SCREENING_ANSWER.INDICATOR.coerce(String.class)).fetchMap(SCREENING_ANSWER.INDICATOR.coerce(String.class), DSL.count());
    }

    static Map<String, Integer> choiceCounts(DSLContext dsl, Condition cases, String field) {
        return dsl.select(SCREENING_CHOICE.CHOICE, DSL.count()).from(CASE_FILE)
                .join(SCREENING).on(SCREENING.CASE_ID.eq(CASE_FILE.ID)).and(SCREENING.IS_LATEST.isTrue())
                .join(SCREENING_CHOICE).on(SCREENING_CHOICE.SCREENING_ID.eq(SCREENING.ID))
                .where(cases).and(SCREENING_CHOICE.FIELD.eq(field))
                .groupBy(SCREENING_CHOICE.CHOICE).fetchMap(SCREENING_CHOICE.CHOICE, DSL.count());
    }

    // --- consent to sharing

    /** The cases among these whose latest screening grants one of the purposes. */
    static List<UUID> consenting(DSLContext tx, Collection<UUID> caseIds, List<String> purposes) {
        return tx.selectDistinct(SCREENING.CASE_ID).from(SCREENING)
                .join(SCREENING_CONSENT).on(SCREENING_CONSENT.SCREENING_ID.eq(SCREENING.ID))
                .where(SCREENING.IS_LATEST.isTrue()).and(SCREENING.CASE_ID.in(caseIds))
                .and(SCREENING_CONSENT.GRANTED.isTrue())
                .and(SCREENING_CONSENT.PURPOSE.coerce(String.class).in(purposes))
                .fetch(SCREENING.CASE_ID);
    }

    /** The case numbers of these cases, sorted. */
    static List<String> caseNumbers(DSLContext tx, Collection<UUID> caseIds) {
        return tx.select(CASE_FILE.CASE_NUMBER).from(CASE_FILE).where(CASE_FILE.ID.in(caseIds))
                .orderBy(CASE_FILE.CASE_NUMBER).fetch(CASE_FILE.CASE_NUMBER);
    }

    /** How many of all cases have no latest screening granting one of the purposes. */
    static int notConsentingAmongAll(DSLContext tx, List<String> purposes) {
        return tx.fetchCount(CASE_FILE, CASE_FILE.ID.notIn(tx.selectDistinct(SCREENING.CASE_ID).from(SCREENING)
                .join(SCREENING_CONSENT).on(SCREENING_CONSENT.SCREENING_ID.eq(SCREENING.ID))
                .where(SCREENING.IS_LATEST.isTrue()).and(SCREENING_CONSENT.GRANTED.isTrue())
                .and(SCREENING_CONSENT.PURPOSE.coerce(String.class).in(purposes))));
    }
}
