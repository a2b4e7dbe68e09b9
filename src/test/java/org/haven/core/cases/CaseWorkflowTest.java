package org.haven.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.haven.core.common.HavenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseWorkflowTest {
    private static final Set<String> ALLOWED = Set.of(
            "IDENTIFIED>SCREENING", "IDENTIFIED>ASSISTANCE", "IDENTIFIED>CLOSED",
            "SCREENING>ASSISTANCE", "SCREENING>LEGAL_PROCESS", "SCREENING>RETURN_PENDING", "SCREENING>CLOSED",
            "ASSISTANCE>SCREENING", "ASSISTANCE>LEGAL_PROCESS", "ASSISTANCE>RETURN_PENDING", "ASSISTANCE>CLOSED",
            "LEGAL_PROCESS>ASSISTANCE", "LEGAL_PROCESS>RETURN_PENDING", "LEGAL_PROCESS>CLOSED",
            "RETURN_PENDING>ASSISTANCE", "RETURN_PENDING>LEGAL_PROCESS", "RETURN_PENDING>CLOSED",
            "CLOSED>ASSISTANCE");

    /** Every pair of statuses: allowed exactly when listed above, refused otherwise. */
    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void everyMoveIsAllowedOrRefusedAsDesigned(CaseStatus from) {
        for (CaseStatus to : CaseStatus.values()) {
            boolean allowed = ALLOWED.contains(from + ">" + to);
            assertThat(CaseWorkflow.allowedMoves(from).contains(to)).as(from + " -> " + to).isEqualTo(allowed);
            Outcome outcome = to == CaseStatus.CLOSED ? CaseWorkflow.allowedOutcomes(from).stream().findFirst().orElse(null) : null;
            if (allowed) {
                assertThatCode(() -> CaseWorkflow.check(from, to, outcome, "reason")).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> CaseWorkflow.check(from, to, outcome, "reason"))
                        .isInstanceOf(HavenException.class).hasMessageContaining("cannot move");
            }
        }
    }

    @Test
    void repatriationAndDeportationOnlyAfterAPendingReturn() {
        assertThat(CaseWorkflow.allowedOutcomes(CaseStatus.RETURN_PENDING)).contains(Outcome.REPATRIATED, Outcome.DEPORTED);
        for (CaseStatus from : EnumSet.of(CaseStatus.IDENTIFIED, CaseStatus.SCREENING, CaseStatus.ASSISTANCE, CaseStatus.LEGAL_PROCESS)) {
            assertThat(CaseWorkflow.allowedOutcomes(from)).doesNotContain(Outcome.REPATRIATED, Outcome.DEPORTED);
        }
        assertThatThrownBy(() -> CaseWorkflow.check(CaseStatus.ASSISTANCE, CaseStatus.CLOSED, Outcome.DEPORTED, "x"))
                .hasMessageContaining("return is pending");
    }

    @Test
    void closingNeedsAnOutcomeAndAReason() {
        assertThatThrownBy(() -> CaseWorkflow.check(CaseStatus.SCREENING, CaseStatus.CLOSED, null, "x"))
                .hasMessageContaining("needs an outcome");
        assertThatThrownBy(() -> CaseWorkflow.check(CaseStatus.SCREENING, CaseStatus.CLOSED, Outcome.NOT_A_VICTIM, " "))
                .hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> CaseWorkflow.check(CaseStatus.SCREENING, CaseStatus.ASSISTANCE, Outcome.REFERRED, null))
                .hasMessageContaining("Only closing");
    }

    @Test
    void aClosedCaseOffersNoOutcomesUntilReopened() {
        assertThat(CaseWorkflow.allowedOutcomes(CaseStatus.CLOSED)).isEmpty();
        assertThat(CaseWorkflow.allowedMoves(CaseStatus.CLOSED)).containsExactly(CaseStatus.ASSISTANCE);
    }

    @Test
    void htcdsStatusIsDerived() {
        assertThat(CaseStatus.ASSISTANCE.htcds(null)).isEqualTo("Active");
        assertThat(CaseStatus.CLOSED.htcds(Outcome.REPATRIATED)).isEqualTo("Closed");
        assertThat(CaseStatus.CLOSED.htcds(Outcome.REFERRED)).isEqualTo("ClosedReferred");
    }
}
