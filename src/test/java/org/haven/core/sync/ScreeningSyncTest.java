package org.haven.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.sync.SyncTesting.PASSWORD;
import static org.haven.core.sync.SyncTesting.login;
import static org.haven.core.sync.SyncTesting.sync;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.changes.Outbox;
import org.haven.core.screening.Answer;
import org.haven.core.screening.Consent;
import org.haven.core.screening.ConsentGiver;
import org.haven.core.screening.ConsentPurpose;
import org.haven.core.screening.Determination;
import org.haven.core.screening.Indicator;
import org.haven.core.screening.IndicatorAnswer;
import org.haven.core.screening.LabourExploitation;
import org.haven.core.screening.RecruitmentApp;
import org.haven.core.screening.RecruitmentMethod;
import org.haven.core.screening.Screening;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screenings made offline travel whole (answers, consents, choices) through a real `haven serve` on a
 * real PostgreSQL: two made apart on the same case are both kept, every device shows the same latest
 * (the one made last), and a repeated sync brings nothing twice.
 */
class ScreeningSyncTest {
    static final String BOSS = "boss";
    static final String DANA = "dana";
    @TempDir Path dir;

    @Test
    void screeningsMadeOfflineOnTwoLaptopsAreBothKeptWithTheSameLatestEverywhere() throws Exception {
        TestOffice office = TestOffice.in(dir);
        UUID caseId;
        try (Haven h = office.create(BOSS)) {
            TestOffice.addUser(h, DANA, "Dana Sok", Role.COORDINATOR);
            CaseFile c = h.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham", null)));
            caseId = c.id();
        }
        try (SyncServer server = office.serve()) {
            Path a = office.join("laptop-a", BOSS);
            Path b = office.join("laptop-b", DANA);

            // Offline, the same case screened on each laptop: A first (no indicators), then B (presumed).
            UUID first;
            try (Haven boss = login(a, BOSS)) {
                first = boss.screening().save(draft(caseId, Answer.NO, Determination.NOT_A_VICTIM, null)).id();
            }
            Thread.sleep(5); // B's is made later: the latest everywhere
            UUID second;
            try (Haven dana = login(b, DANA)) {
                second = dana.screening().save(draft(caseId, Answer.YES, Determination.PRESUMED_VICTIM, null)).id();
            }

            try (Haven boss = login(a, BOSS)) {
                assertThat(Outbox.all(boss.database().dsl())).as("the screening whole, and its timeline entry")
                        .extracting(Outbox.Entry::table).containsExactlyInAnyOrder("screening", "case_event");
            }
            assertThat(sync(a, BOSS).pushed()).isEqualTo(2);
            sync(b, DANA);
            sync(a, BOSS);
            LaptopSync.Result again = sync(b, DANA);
            assertThat(again.pushed()).as("nothing left to send").isZero();

            for (Haven h : List.of(office.login(BOSS), login(a, BOSS), login(b, DANA))) {
                try (h) {
                    List<Screening> history = h.screening().history(caseId);
                    assertThat(history).extracting(Screening::id).containsExactlyInAnyOrder(first, second);
                    Screening latest = h.screening().latest(caseId).orElseThrow();
                    assertThat(latest.id()).as("the one made last is the latest").isEqualTo(second);
                    assertThat(latest.determination()).isEqualTo(Determination.PRESUMED_VICTIM);
                    assertThat(latest.answers().get(Indicator.values()[0]).answer()).isEqualTo(Answer.YES);
                    assertThat(latest.answers().get(Indicator.values()[0]).note()).isEqualTo("said so at interview");
                    assertThat(latest.recruitmentApps()).containsExactly(RecruitmentApp.TELEGRAM);
                    assertThat(latest.consent().grants(ConsentPurpose.ANONYMIZED_STATISTICS)).isTrue();
                    Screening older = history.stream().filter(s -> s.id().equals(first)).findFirst().orElseThrow();
                    assertThat(older.determination()).isEqualTo(Determination.NOT_A_VICTIM);
                    assertThat(older.answers().values()).extracting(IndicatorAnswer::answer).containsOnly(Answer.NO);
                }
            }

            // One made at the office reaches the laptop at its next sync, and is the latest there too.
            UUID third;
            try (Haven h = office.login(BOSS)) {
                third = h.screening().save(draft(caseId, Answer.UNKNOWN, Determination.UNDETERMINED, null)).id();
            }
            sync(a, BOSS);
            try (Haven boss = login(a, BOSS)) {
                assertThat(boss.screening().history(caseId)).extracting(Screening::id).containsExactlyInAnyOrder(first, second, third);
                assertThat(boss.screening().latest(caseId).orElseThrow().id()).isEqualTo(third);
            }
        }
    }

    private static Screening draft(UUID caseId, Answer every, Determination determination, String reason) {
        Map<Indicator, IndicatorAnswer> answers = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            answers.put(i, new IndicatorAnswer(i, every, every == Answer.YES ? "said so at interview" : null));
        }
        Consent consent = new Consent(ConsentGiver.PERSON, LocalDate.now(),
                EnumSet.of(ConsentPurpose.INTERVIEW, ConsentPurpose.ANONYMIZED_STATISTICS));
        return Screening.draft(caseId, LocalDate.now(), true, "Vietnamese", answers, consent,
                EnumSet.of(RecruitmentMethod.JOB_OFFER), EnumSet.of(RecruitmentApp.TELEGRAM),
                EnumSet.of(LabourExploitation.ILLICIT_ACTIVITIES), determination, reason);
    }
}
