package org.haven.core.screening;

import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.SCREENING;
import static org.haven.core.db.jooq.Tables.SCREENING_ANSWER;
import static org.haven.core.db.jooq.Tables.SCREENING_CHOICE;
import static org.haven.core.db.jooq.Tables.SCREENING_CONSENT;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.haven.core.access.CaseAccess;
import org.haven.core.db.Audit;
import org.haven.core.db.Ids;
import org.haven.core.db.jooq.tables.records.ScreeningRecord;
import org.haven.core.security.User;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Screening rows <-> {@link Screening} records, inside the caller's transaction. */
public final class ScreeningRepository {
    public static final String RECRUITMENT_METHOD = "RECRUITMENT_METHOD";
    public static final String RECRUITMENT_APP = "RECRUITMENT_APP";
    public static final String LABOUR_EXPLOITATION = "LABOUR_EXPLOITATION";

    private ScreeningRepository() {}

    /** Inserts a new interview as the case's latest one (the previous latest stays as history). */
    public static UUID insertLatest(DSLContext tx, Screening s, Determination suggested, UUID userId) {
        OffsetDateTime now = Audit.now();
        // Locking the case row serializes two saves of the same case, so exactly one stays latest.
        tx.select(CASE_FILE.ID).from(CASE_FILE).where(CASE_FILE.ID.eq(s.caseId())).forUpdate().fetch();
        tx.update(SCREENING).set(SCREENING.IS_LATEST, false).set(SCREENING.UPDATED_AT, now).set(SCREENING.UPDATED_BY, userId)
                .where(SCREENING.CASE_ID.eq(s.caseId())).and(SCREENING.IS_LATEST.isTrue()).execute();
        ScreeningRecord row = tx.newRecord(SCREENING);
        UUID id = Ids.newId();
        row.setId(id);
        row.setCaseId(s.caseId());
        row.setInterviewDate(s.interviewDate());
        row.setInterpreterUsed(s.interpreterUsed());
        row.setInterviewLanguage(blankToNull(s.interviewLanguage()));
        row.setSuggestedDetermination(suggested);
        row.setDetermination(s.determination());
        row.setOverrideReason(s.determination() == suggested ? null : blankToNull(s.overrideReason()));
        row.setConsentGivenBy(s.consent().givenBy());
        row.setConsentGivenOn(s.consent().givenOn());
        row.setIsLatest(true);
        row.setVersion(0);
        row.setCreatedAt(now);
        row.setCreatedBy(userId);
        row.setUpdatedAt(now);
        row.setUpdatedBy(userId);
        row.insert();
        for (IndicatorAnswer a : s.answers().values()) {
            tx.insertInto(SCREENING_ANSWER)
                    .set(SCREENING_ANSWER.SCREENING_ID, id)
                    .set(SCREENING_ANSWER.INDICATOR, a.indicator())
                    .set(SCREENING_ANSWER.ANSWER, a.answer())
                    .set(SCREENING_ANSWER.NOTE, blankToNull(a.note()))
                    .set(SCREENING_ANSWER.CREATED_AT, now).set(SCREENING_ANSWER.CREATED_BY, userId)
                    .set(SCREENING_ANSWER.UPDATED_AT, now).set(SCREENING_ANSWER.UPDATED_BY, userId)
                    .execute();
        }
        for (ConsentPurpose p : ConsentPurpose.values()) {
            tx.insertInto(SCREENING_CONSENT)
                    .set(SCREENING_CONSENT.SCREENING_ID, id)
                    .set(SCREENING_CONSENT.PURPOSE, p)
                    .set(SCREENING_CONSENT.GRANTED, s.consent().grants(p))
                    .set(SCREENING_CONSENT.CREATED_AT, now).set(SCREENING_CONSENT.CREATED_BY, userId)
                    .set(SCREENING_CONSENT.UPDATED_AT, now).set(SCREENING_CONSENT.UPDATED_BY, userId)
                    .execute();
        }
        insertChoices(tx, id, RECRUITMENT_METHOD, s.recruitmentMethods(), now, userId);
        insertChoices(tx, id, RECRUITMENT_APP, s.recruitmentApps(), now, userId);
        insertChoices(tx, id, LABOUR_EXPLOITATION, s.labourExploitation(), now, userId);
        org.haven.core.changes.Outbox.recordScreening(tx, userId, id, s.caseId()); // travels whole to the office (docs/sync.md)
        return id;
    }

    public static Optional<Screening> latest(DSLContext tx, UUID caseId) {
        return tx.select(SCREENING.asterisk(), APP_USER.USERNAME).from(SCREENING)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(SCREENING.CREATED_BY))
                .where(SCREENING.CASE_ID.eq(caseId)).and(SCREENING.IS_LATEST.isTrue())
                .orderBy(SCREENING.CREATED_AT.desc(), SCREENING.ID.desc()).limit(1)
                .fetchOptional().map(r -> load(tx, r));
    }

    public static Optional<Screening> find(DSLContext tx, UUID screeningId) {
        return tx.select(SCREENING.asterisk(), APP_USER.USERNAME).from(SCREENING)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(SCREENING.CREATED_BY))
                .where(SCREENING.ID.eq(screeningId))
                .fetchOptional().map(r -> load(tx, r));
    }

    /** Every interview of a case, newest first. */
    public static List<Screening> history(DSLContext tx, UUID caseId) {
        return tx.select(SCREENING.asterisk(), APP_USER.USERNAME).from(SCREENING)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(SCREENING.CREATED_BY))
                .where(SCREENING.CASE_ID.eq(caseId))
                .orderBy(SCREENING.CREATED_AT.desc(), SCREENING.ID.desc())
                .fetch(r -> load(tx, r));
    }

    /** Latest determinations of the cases the user sees (optionally of one operation), and the unscreened. */
    public static ScreeningCounts counts(DSLContext tx, User user, UUID operationId) {
        Condition cases = CaseAccess.visibleTo(user);
        if (operationId != null) cases = cases.and(CASE_FILE.OPERATION_ID.eq(operationId));
        Map<Determination, Integer> raw = tx.select(SCREENING.DETERMINATION, DSL.count()).from(CASE_FILE)
                .join(SCREENING).on(SCREENING.CASE_ID.eq(CASE_FILE.ID)).and(SCREENING.IS_LATEST.isTrue())
                .where(cases).groupBy(SCREENING.DETERMINATION)
                .fetchMap(SCREENING.DETERMINATION, DSL.count());
        Map<Determination, Long> by = new EnumMap<>(Determination.class);
        for (Determination d : Determination.values()) by.put(d, (long) raw.getOrDefault(d, 0));
        long notScreened = tx.fetchCount(DSL.selectOne().from(CASE_FILE).where(cases)
                .andNotExists(DSL.selectOne().from(SCREENING).where(SCREENING.CASE_ID.eq(CASE_FILE.ID))));
        return new ScreeningCounts(notScreened, by);
    }

    private static Screening load(DSLContext tx, Record r) {
        UUID id = r.get(SCREENING.ID);
        Map<Indicator, IndicatorAnswer> answers = new EnumMap<>(Indicator.class);
        tx.selectFrom(SCREENING_ANSWER).where(SCREENING_ANSWER.SCREENING_ID.eq(id)).forEach(a -> {
            Indicator i = a.getIndicator();
            answers.put(i, new IndicatorAnswer(i, a.getAnswer(), a.getNote()));
        });
        Set<ConsentPurpose> granted = EnumSet.noneOf(ConsentPurpose.class);
        tx.selectFrom(SCREENING_CONSENT).where(SCREENING_CONSENT.SCREENING_ID.eq(id)).and(SCREENING_CONSENT.GRANTED.isTrue())
                .forEach(c -> granted.add(c.getPurpose()));
        Set<RecruitmentMethod> methods = EnumSet.noneOf(RecruitmentMethod.class);
        Set<RecruitmentApp> apps = EnumSet.noneOf(RecruitmentApp.class);
        Set<LabourExploitation> types = EnumSet.noneOf(LabourExploitation.class);
        tx.selectFrom(SCREENING_CHOICE).where(SCREENING_CHOICE.SCREENING_ID.eq(id)).forEach(c -> {
            switch (c.getField()) {
                case RECRUITMENT_METHOD -> methods.add(RecruitmentMethod.valueOf(c.getChoice()));
                case RECRUITMENT_APP -> apps.add(RecruitmentApp.valueOf(c.getChoice()));
                case LABOUR_EXPLOITATION -> types.add(LabourExploitation.valueOf(c.getChoice()));
                default -> { } // a value from a newer Haven: ignored, not lost (the row stays)
            }
        });
        Consent consent = new Consent(r.get(SCREENING.CONSENT_GIVEN_BY), r.get(SCREENING.CONSENT_GIVEN_ON), granted);
        return new Screening(id, r.get(SCREENING.CASE_ID), r.get(SCREENING.INTERVIEW_DATE), r.get(SCREENING.INTERPRETER_USED),
                r.get(SCREENING.INTERVIEW_LANGUAGE), answers, consent, methods, apps, types,
                r.get(SCREENING.SUGGESTED_DETERMINATION), r.get(SCREENING.DETERMINATION),
                r.get(SCREENING.OVERRIDE_REASON), r.get(SCREENING.CREATED_BY), r.get(APP_USER.USERNAME), r.get(SCREENING.CREATED_AT));
    }

    private static <E extends Enum<E>> void insertChoices(DSLContext tx, UUID id, String field, Set<E> values,
                                                          OffsetDateTime now, UUID userId) {
        for (E v : values) {
            tx.insertInto(SCREENING_CHOICE)
                    .set(SCREENING_CHOICE.SCREENING_ID, id)
                    .set(SCREENING_CHOICE.FIELD, field)
                    .set(SCREENING_CHOICE.CHOICE, v.name())
                    .set(SCREENING_CHOICE.CREATED_AT, now).set(SCREENING_CHOICE.CREATED_BY, userId)
                    .set(SCREENING_CHOICE.UPDATED_AT, now).set(SCREENING_CHOICE.UPDATED_BY, userId)
                    .execute();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
