package org.haven.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;
import static org.haven.core.db.jooq.Tables.SCREENING;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haven.core.cases.CaseDetails;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;
import org.haven.core.cases.LegalRole;
import org.haven.core.common.HavenException;
import org.haven.core.security.AuditLog;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.haven.core.timeline.CaseEvent;
import org.haven.core.timeline.EventType;
import org.junit.jupiter.api.Test;

/** Screening against a real encrypted H2 database. */
class ScreeningServiceTest extends DatabaseTest {
    static Screening draft(CaseFile c, Map<Indicator, Answer> answers, Determination determination, String reason) {
        Map<Indicator, IndicatorAnswer> a = new EnumMap<>(Indicator.class);
        answers.forEach((i, v) -> a.put(i, new IndicatorAnswer(i, v, v == Answer.YES ? "said so at interview" : null)));
        Consent consent = new Consent(ConsentGiver.PERSON, LocalDate.now(),
                EnumSet.of(ConsentPurpose.INTERVIEW, ConsentPurpose.ANONYMIZED_STATISTICS));
        return Screening.draft(c.id(), LocalDate.now(), true, "Vietnamese", a, consent,
                EnumSet.of(RecruitmentMethod.JOB_OFFER, RecruitmentMethod.INTERNET), EnumSet.of(RecruitmentApp.TELEGRAM),
                EnumSet.of(LabourExploitation.ILLICIT_ACTIVITIES), determination, reason);
    }

    static Map<Indicator, Answer> allNo() {
        Map<Indicator, Answer> m = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) m.put(i, Answer.NO);
        return m;
    }

    static Map<Indicator, Answer> presumed() {
        Map<Indicator, Answer> m = allNo();
        m.put(Indicator.DECEPTION, Answer.YES);
        m.put(Indicator.RETENTION_OF_DOCUMENTS, Answer.YES);
        return m;
    }

    CaseFile register(String name) {
        return haven.cases().register(TestHaven.newCase(TestHaven.person(name, null)));
    }

    @Test
    void savedScreeningIsTheLatestWithEverythingAndATimelineEvent() {
        CaseFile c = register("Nguyen Van An");
        Screening saved = haven.screening().save(draft(c, presumed(), Determination.PRESUMED_VICTIM, null));

        Screening latest = haven.screening().latest(c.id()).orElseThrow();
        assertThat(latest.id()).isEqualTo(saved.id());
        assertThat(latest.suggested()).isEqualTo(Determination.PRESUMED_VICTIM);
        assertThat(latest.determination()).isEqualTo(Determination.PRESUMED_VICTIM);
        assertThat(latest.answer(Indicator.DECEPTION)).isEqualTo(Answer.YES);
        assertThat(latest.answers().get(Indicator.DECEPTION).note()).isEqualTo("said so at interview");
        assertThat(latest.answer(Indicator.ISOLATION)).isEqualTo(Answer.NO);
        assertThat(latest.interpreterUsed()).isTrue();
        assertThat(latest.interviewLanguage()).isEqualTo("Vietnamese");
        assertThat(latest.consent().granted()).containsExactlyInAnyOrder(ConsentPurpose.INTERVIEW, ConsentPurpose.ANONYMIZED_STATISTICS);
        assertThat(latest.consent().givenBy()).isEqualTo(ConsentGiver.PERSON);
        assertThat(latest.recruitmentMethods()).containsExactlyInAnyOrder(RecruitmentMethod.JOB_OFFER, RecruitmentMethod.INTERNET);
        assertThat(latest.recruitmentApps()).containsExactly(RecruitmentApp.TELEGRAM);
        assertThat(latest.labourExploitation()).containsExactly(LabourExploitation.ILLICIT_ACTIVITIES);
        assertThat(latest.interviewerName()).isEqualTo(TestHaven.ADMIN);

        List<CaseEvent> events = haven.cases().open(c.id()).events();
        assertThat(events).extracting(CaseEvent::type).containsExactly(EventType.IDENTIFICATION, EventType.SCREENING);
        assertThat(events.get(1).note()).contains("PRESUMED_VICTIM");
    }

    @Test
    void aSecondScreeningReplacesTheLatestAndKeepsHistory() {
        CaseFile c = register("Tran Thi Binh");
        haven.screening().save(draft(c, allNo(), Determination.NOT_A_VICTIM, null));
        haven.screening().save(draft(c, presumed(), Determination.PRESUMED_VICTIM, null));

        assertThat(haven.screening().latest(c.id()).orElseThrow().determination()).isEqualTo(Determination.PRESUMED_VICTIM);
        assertThat(haven.screening().history(c.id())).extracting(Screening::determination)
                .containsExactly(Determination.PRESUMED_VICTIM, Determination.NOT_A_VICTIM);
        assertThat(haven.database().dsl().fetchCount(SCREENING, SCREENING.IS_LATEST.isTrue())).isEqualTo(1);
    }

    @Test
    void concurrentSavesOfOneCaseLeaveExactlyOneLatest() throws Exception {
        CaseFile c = register("Concurrent Case");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Screening>> saves = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Map<Indicator, Answer> answers = i % 2 == 0 ? presumed() : allNo();
                Determination d = i % 2 == 0 ? Determination.PRESUMED_VICTIM : Determination.NOT_A_VICTIM;
                saves.add(pool.submit(() -> haven.screening().save(draft(c, answers, d, null))));
            }
            for (var f : saves) f.get();
        } finally {
            pool.shutdown();
        }
        assertThat(haven.database().dsl().fetchCount(SCREENING, SCREENING.CASE_ID.eq(c.id()))).isEqualTo(8);
        assertThat(haven.database().dsl().fetchCount(SCREENING, SCREENING.CASE_ID.eq(c.id()).and(SCREENING.IS_LATEST.isTrue()))).isEqualTo(1);
    }

    @Test
    void overrideNeedsAReasonAndIsRecorded() {
        CaseFile c = register("Le Van Cuong");
        Map<Indicator, Answer> oneMedium = allNo();
        oneMedium.put(Indicator.EXCESSIVE_OVERTIME, Answer.YES);

        assertThatThrownBy(() -> haven.screening().save(draft(c, oneMedium, Determination.PRESUMED_VICTIM, "  ")))
                .isInstanceOf(HavenException.class).hasMessageContaining("overrideReason");
        assertThat(haven.screening().latest(c.id())).isEmpty();
        assertThat(haven.cases().open(c.id()).events()).extracting(CaseEvent::type).containsExactly(EventType.IDENTIFICATION);

        Screening saved = haven.screening().save(draft(c, oneMedium, Determination.PRESUMED_VICTIM, "Worked 16 hours a day, 7 days"));
        assertThat(saved.suggested()).isEqualTo(Determination.UNDETERMINED);
        assertThat(saved.determination()).isEqualTo(Determination.PRESUMED_VICTIM);
        assertThat(saved.overridden()).isTrue();
        assertThat(saved.overrideReason()).isEqualTo("Worked 16 hours a day, 7 days");
    }

    @Test
    void theSuggestionIsComputedByTheServiceNotTakenFromTheCaller() {
        CaseFile c = register("Pham Thi Dao");
        // Claims "not a victim" for answers that suggest a presumed victim: needs a reason.
        assertThatThrownBy(() -> haven.screening().save(draft(c, presumed(), Determination.NOT_A_VICTIM, null)))
                .isInstanceOf(HavenException.class);
    }

    @Test
    void withoutConsentToTheInterviewNoAnswersAreRecorded() {
        CaseFile c = register("Hoang Van Em");
        Screening noConsent = draft(c, presumed(), Determination.PRESUMED_VICTIM, null);
        Screening refused = new Screening(null, c.id(), LocalDate.now(), false, null, noConsent.answers(),
                new Consent(ConsentGiver.PERSON, LocalDate.now(), Set.of()), null, null, null, null,
                Determination.PRESUMED_VICTIM, null, null, null, null);
        assertThatThrownBy(() -> haven.screening().save(refused)).hasMessageContaining("consent to the interview");

        Screening empty = new Screening(null, c.id(), LocalDate.now(), false, null, null,
                new Consent(ConsentGiver.PERSON, LocalDate.now(), Set.of()), null, null, null, null,
                Determination.UNDETERMINED, null, null, null, null);
        assertThat(haven.screening().save(empty).determination()).isEqualTo(Determination.UNDETERMINED);
    }

    @Test
    void auditRowHoldsNoAnswersOrNotes() {
        CaseFile c = register("Vo Thi Giang");
        haven.screening().save(draft(c, presumed(), Determination.PRESUMED_VICTIM, null));
        List<String> details = haven.database().dsl().select(AUDIT_LOG.DETAIL).from(AUDIT_LOG)
                .where(AUDIT_LOG.ACTION.eq("SCREENING_SAVE")).fetch(AUDIT_LOG.DETAIL);
        assertThat(details).containsExactly("PRESUMED_VICTIM");
        assertThat(AuditLog.verify(haven.database().dsl()).intact()).isTrue();
    }

    @Test
    void caseListFiltersNotYetScreenedAndByDetermination() {
        CaseFile unscreened = register("Unscreened Person");
        CaseFile victim = register("Presumed Person");
        CaseFile notVictim = register("Cleared Person");
        CaseFile open = register("Open Question");
        haven.screening().save(draft(victim, presumed(), Determination.PRESUMED_VICTIM, null));
        haven.screening().save(draft(notVictim, allNo(), Determination.NOT_A_VICTIM, null));
        Map<Indicator, Answer> unclear = allNo();
        unclear.put(Indicator.ISOLATION, Answer.UNKNOWN);
        haven.screening().save(draft(open, unclear, Determination.UNDETERMINED, null));
        // Re-screened: the earlier "not a victim" no longer counts.
        CaseFile changed = register("Changed Mind");
        haven.screening().save(draft(changed, allNo(), Determination.NOT_A_VICTIM, null));
        haven.screening().save(draft(changed, presumed(), Determination.PRESUMED_VICTIM, null));

        assertThat(names(CaseQuery.ScreeningFilter.NOT_SCREENED)).containsExactly(unscreened.caseNumber());
        assertThat(names(CaseQuery.ScreeningFilter.PRESUMED_VICTIM)).containsExactlyInAnyOrder(victim.caseNumber(), changed.caseNumber());
        assertThat(names(CaseQuery.ScreeningFilter.NOT_A_VICTIM)).containsExactly(notVictim.caseNumber());
        assertThat(names(CaseQuery.ScreeningFilter.UNDETERMINED)).containsExactly(open.caseNumber());
        assertThat(names(null)).hasSize(5);
        assertThat(haven.cases().count(CaseQuery.text("", 50).withScreening(CaseQuery.ScreeningFilter.PRESUMED_VICTIM))).isEqualTo(2);

        ScreeningCounts counts = haven.screening().counts(null);
        assertThat(counts.notScreened()).isEqualTo(1);
        assertThat(counts.byDetermination()).containsEntry(Determination.PRESUMED_VICTIM, 2L)
                .containsEntry(Determination.NOT_A_VICTIM, 1L).containsEntry(Determination.UNDETERMINED, 1L);
    }

    @Test
    void suspectScreenedAsPresumedVictimIsFlaggedForNonPunishment() {
        CaseFile suspectVictim = register("Suspect Victim");
        CaseFile suspectOnly = register("Suspect Only");
        CaseFile victimOnly = register("Victim Only");
        haven.cases().setLegalRole(suspectVictim.id(), suspectVictim.version(), LegalRole.SUSPECT);
        haven.cases().setLegalRole(suspectOnly.id(), suspectOnly.version(), LegalRole.SUSPECT);
        haven.screening().save(draft(suspectVictim, presumed(), Determination.PRESUMED_VICTIM, null));
        haven.screening().save(draft(suspectOnly, allNo(), Determination.NOT_A_VICTIM, null));
        haven.screening().save(draft(victimOnly, presumed(), Determination.PRESUMED_VICTIM, null));

        List<CaseListItem> items = haven.cases().search(CaseQuery.text("", 50));
        assertThat(items).filteredOn(CaseListItem::nonPunishmentFlag).extracting(CaseListItem::caseNumber)
                .containsExactly(suspectVictim.caseNumber());
        CaseDetails details = haven.cases().open(suspectVictim.id());
        assertThat(details.nonPunishmentFlag()).isTrue();
        assertThat(haven.cases().open(suspectOnly.id()).nonPunishmentFlag()).isFalse();
        assertThat(haven.cases().open(victimOnly.id()).nonPunishmentFlag()).isFalse();
    }

    private List<String> names(CaseQuery.ScreeningFilter filter) {
        return haven.cases().search(CaseQuery.text("", 50).withScreening(filter)).stream().map(CaseListItem::caseNumber).toList();
    }
}
