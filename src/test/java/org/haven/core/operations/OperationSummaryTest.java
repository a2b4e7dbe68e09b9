package org.haven.core.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.NewCase;
import org.haven.core.cases.OperationSummary;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.core.screening.Answer;
import org.haven.core.screening.Consent;
import org.haven.core.screening.ConsentGiver;
import org.haven.core.screening.ConsentPurpose;
import org.haven.core.screening.Determination;
import org.haven.core.screening.Indicator;
import org.haven.core.screening.IndicatorAnswer;
import org.haven.core.screening.Screening;
import org.haven.core.screening.ScreeningCounts;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;

/** The operation page's counts, from a real database (no UI). */
class OperationSummaryTest extends DatabaseTest {
    @Test
    void countsByStatusNationalitySexAndScreeningOnlyForThatOperation() {
        Operation raid = haven.operations().create(new Operation(null, "OP-T-01", "Raid", LocalDate.now().minusDays(3),
                "Sihanoukville", "Compound", "Police", 5, null, 0));
        Operation other = haven.operations().create(new Operation(null, "OP-T-02", "Other", LocalDate.now().minusDays(3),
                null, null, null, null, null, 0));
        CaseFile a = register(raid, "A", Sex.FEMALE, "VN");
        CaseFile b = register(raid, "B", Sex.MALE, "VN");
        register(raid, "C", Sex.MALE, "ID");
        register(raid, "D", Sex.UNKNOWN, null);
        register(other, "E", Sex.FEMALE, "CN");
        haven.cases().move(b.id(), b.version(), CaseStatus.SCREENING, null, null, null);
        screen(a, Answer.YES, Determination.PRESUMED_VICTIM);
        screen(b, Answer.NO, Determination.NOT_A_VICTIM);

        OperationSummary s = haven.cases().operationSummary(raid.id());
        assertThat(s.cases()).isEqualTo(4);
        assertThat(s.byStatus()).containsEntry(CaseStatus.IDENTIFIED, 3L).containsEntry(CaseStatus.SCREENING, 1L)
                .containsEntry(CaseStatus.CLOSED, 0L);
        assertThat(s.byNationality()).containsExactly(Map.entry("VN", 2L), Map.entry("", 1L), Map.entry("ID", 1L));
        assertThat(s.bySex()).containsEntry(Sex.MALE, 2L).containsEntry(Sex.FEMALE, 1L).containsEntry(Sex.UNKNOWN, 1L)
                .containsEntry(Sex.TRANSGENDER_NONCONFORMING, 0L);

        ScreeningCounts sc = haven.screening().counts(raid.id());
        assertThat(sc.notScreened()).isEqualTo(2);
        assertThat(sc.byDetermination()).containsEntry(Determination.PRESUMED_VICTIM, 1L)
                .containsEntry(Determination.NOT_A_VICTIM, 1L).containsEntry(Determination.UNDETERMINED, 0L);

        assertThat(haven.cases().operationSummary(other.id()).cases()).isEqualTo(1);
    }

    @Test
    void editingKeepsCodesUniqueAndRefusesStaleVersions() {
        Operation a = haven.operations().create(new Operation(null, "OP-A", "A", LocalDate.now(), null, null, null, null, null, 0));
        haven.operations().create(new Operation(null, "OP-B", "B", LocalDate.now(), null, null, null, null, null, 0));
        Operation renamed = new Operation(a.id(), "op-b", "A", a.date(), "Kandal", null, null, 12, null, a.version());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> haven.operations().update(renamed))
                .isInstanceOf(org.haven.core.common.HavenException.class).hasMessageContaining("already exists");
        Operation edited = haven.operations().update(new Operation(a.id(), "OP-A", "A", a.date(), "Kandal", null, null, 12, null, a.version()));
        assertThat(edited.province()).isEqualTo("Kandal");
        assertThat(edited.peopleFound()).isEqualTo(12);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> haven.operations().update(a))
                .extracting(e -> ((org.haven.core.common.HavenException) e).kind()).isEqualTo(org.haven.core.common.HavenException.Kind.CONFLICT);
    }

    @Test
    void checkReportsEveryBadFieldForInlineValidation() {
        var errors = OperationService.check(new Operation(null, " ", "", LocalDate.now().plusDays(1), null, null, null, -1, null, 0));
        assertThat(errors.asMap()).containsOnlyKeys("code", "name", "date", "peopleFound");
    }

    private CaseFile register(Operation op, String name, Sex sex, String nationality) {
        Person p = Person.draft(null, name, sex, null, 30, nationality, null, false, DocumentStatus.NONE, null);
        return haven.cases().register(new NewCase(p, op.id(), null, null, null));
    }

    private void screen(CaseFile c, Answer all, Determination d) {
        Map<Indicator, IndicatorAnswer> answers = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) answers.put(i, new IndicatorAnswer(i, all, null));
        haven.screening().save(Screening.draft(c.id(), LocalDate.now(), false, null, answers,
                new Consent(ConsentGiver.PERSON, LocalDate.now(), EnumSet.of(ConsentPurpose.INTERVIEW)), null, null, null, d, null));
    }
}
