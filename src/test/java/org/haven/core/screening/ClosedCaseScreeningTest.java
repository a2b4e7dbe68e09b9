package org.haven.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.Outcome;
import org.haven.core.common.HavenException;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;

/** A closed case is a record of what was: its screening is not changed any more (reopen the case first). */
class ClosedCaseScreeningTest extends DatabaseTest {
    @Test
    void aClosedCasesScreeningIsRefusedAndNothingIsWritten() {
        CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Van An", null)));
        haven.screening().save(ScreeningServiceTest.draft(c, ScreeningServiceTest.presumed(), Determination.PRESUMED_VICTIM, null));
        haven.cases().move(c.id(), c.version(), CaseStatus.CLOSED, Outcome.LOST_CONTACT, "No answer for months", null);

        assertThatThrownBy(() -> haven.screening().save(
                ScreeningServiceTest.draft(c, ScreeningServiceTest.allNo(), Determination.NOT_A_VICTIM, null)))
                .isInstanceOf(HavenException.class).hasMessage("This case is closed: its screening cannot be changed.");
        assertThat(haven.screening().latest(c.id()).orElseThrow().determination()).isEqualTo(Determination.PRESUMED_VICTIM);
    }
}
