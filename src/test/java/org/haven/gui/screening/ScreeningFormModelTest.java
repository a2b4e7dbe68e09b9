package org.haven.gui.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.haven.core.screening.Answer;
import org.haven.core.screening.ConsentPurpose;
import org.haven.core.screening.Determination;
import org.haven.core.screening.Indicator;
import org.haven.core.screening.LabourExploitation;
import org.haven.core.screening.Screening;
import org.junit.jupiter.api.Test;

/** The screening interview's rules without a window: consent first, the suggestion, an override with its reason. */
class ScreeningFormModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    final UUID caseId = UUID.randomUUID();

    private ScreeningFormModel form() {
        return new ScreeningFormModel(caseId, () -> TODAY);
    }

    @Test
    void nothingIsAssumedAndNoAnswerIsKeptWithoutConsentToTheInterview() {
        ScreeningFormModel form = form();
        assertThat(form.consents.values()).allSatisfy(c -> assertThat(c.get()).isFalse());
        assertThat(form.indicatorsOpen().get()).isFalse();
        form.answers.get(Indicator.DECEPTION).set(Answer.YES);
        form.notes.get(Indicator.DECEPTION).set("promised a job in a casino");
        Screening draft = form.draft();
        assertThat(draft.answers().get(Indicator.DECEPTION).answer()).as("not asked without consent").isEqualTo(Answer.UNKNOWN);
        assertThat(draft.answers().get(Indicator.DECEPTION).note()).isNull();
        assertThat(form.suggested().get()).isEqualTo(Determination.UNDETERMINED);
        assertThat(form.interviewDate.get()).isEqualTo(TODAY);
    }

    @Test
    void theDeterminationFollowsTheSuggestionUntilTheCaseworkerPicksAnotherWhichNeedsAReason() {
        ScreeningFormModel form = form();
        form.consents.get(ConsentPurpose.INTERVIEW).set(true);
        assertThat(form.indicatorsOpen().get()).isTrue();
        form.answers.get(Indicator.DECEPTION).set(Answer.YES); // a strong indicator
        assertThat(form.suggested().get()).isEqualTo(Determination.PRESUMED_VICTIM);
        assertThat(form.determination.get()).isEqualTo(Determination.PRESUMED_VICTIM);
        assertThat(form.overridden().get()).isFalse();
        assertThat(form.errors().isEmpty()).as(form.errors().lines().toString()).isTrue();

        form.determination.set(Determination.UNDETERMINED);
        assertThat(form.overridden().get()).isTrue();
        assertThat(form.errors().get("overrideReason")).as("an override needs its reason").isNotNull();
        form.overrideReason.set("interpreter unsure of the answers; to be asked again");
        assertThat(form.errors().isEmpty()).isTrue();
        assertThat(form.draft().overrideReason()).startsWith("interpreter unsure");

        form.answers.get(Indicator.DEBT_BONDAGE).set(Answer.YES);
        assertThat(form.determination.get()).as("a chosen determination stays chosen").isEqualTo(Determination.UNDETERMINED);
        form.determination.set(Determination.PRESUMED_VICTIM);
        assertThat(form.overridden().get()).isFalse();
        assertThat(form.draft().overrideReason()).as("no reason kept when it follows the rule").isNull();
    }

    @Test
    void anInterviewDateInTheFutureIsRefused() {
        ScreeningFormModel form = form();
        form.interviewDate.set(TODAY.plusDays(1));
        assertThat(form.errors().get("interviewDate")).isNotNull();
    }

    @Test
    void aReScreeningStartsFromTheLastAnswersAndKnowsWhatChanged() {
        ScreeningFormModel first = form();
        first.consents.get(ConsentPurpose.INTERVIEW).set(true);
        first.answers.get(Indicator.ISOLATION).set(Answer.YES);
        first.answers.get(Indicator.EXCESSIVE_OVERTIME).set(Answer.YES); // two medium: presumed
        first.labourExploitation.add(LabourExploitation.values()[0]);
        Screening earlier = first.draft();

        ScreeningFormModel again = form();
        assertThat(again.hasChanges()).isFalse();
        again.prefill(earlier);
        assertThat(again.hasChanges()).as("as loaded").isFalse();
        assertThat(again.answers.get(Indicator.ISOLATION).get()).isEqualTo(Answer.YES);
        assertThat(again.suggested().get()).isEqualTo(Determination.PRESUMED_VICTIM);
        assertThat(again.labourExploitation).containsExactly(LabourExploitation.values()[0]);
        again.notes.get(Indicator.ISOLATION).set("kept in the compound for 8 months");
        assertThat(again.hasChanges()).isTrue();
        again.saved();
        assertThat(again.hasChanges()).isFalse();
    }
}
