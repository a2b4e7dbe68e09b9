package org.haven.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterminationRuleTest {
    private static final List<Indicator> STRONG = List.of(Indicator.values()).stream()
            .filter(i -> i.strength() == Indicator.Strength.STRONG).toList();
    private static final List<Indicator> MEDIUM = List.of(Indicator.values()).stream()
            .filter(i -> i.strength() == Indicator.Strength.MEDIUM).toList();

    private static Map<Indicator, Answer> all(Answer a) {
        Map<Indicator, Answer> m = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) m.put(i, a);
        return m;
    }

    @Test
    void theStrongIndicatorsAreTheSixOfTheDocumentedRule() {
        assertThat(STRONG).containsExactlyInAnyOrder(Indicator.DECEPTION, Indicator.PHYSICAL_SEXUAL_VIOLENCE,
                Indicator.RETENTION_OF_DOCUMENTS, Indicator.DEBT_BONDAGE, Indicator.RESTRICTION_OF_MOVEMENT,
                Indicator.INTIMIDATION_THREATS);
        assertThat(Indicator.values()).hasSize(11);
    }

    @Test
    void allNoIsNotAVictim() {
        assertThat(DeterminationRule.suggest(all(Answer.NO))).isEqualTo(Determination.NOT_A_VICTIM);
    }

    @Test
    void allUnknownOrNothingAnsweredIsUndetermined() {
        assertThat(DeterminationRule.suggest(all(Answer.UNKNOWN))).isEqualTo(Determination.UNDETERMINED);
        assertThat(DeterminationRule.suggest(Map.of())).isEqualTo(Determination.UNDETERMINED);
    }

    @Test
    void allYesIsPresumedVictim() {
        assertThat(DeterminationRule.suggest(all(Answer.YES))).isEqualTo(Determination.PRESUMED_VICTIM);
    }

    @Test
    void anyOneStrongYesIsEnoughWhateverTheOthersAre() {
        for (Indicator strong : STRONG) {
            for (Answer others : Answer.values()) {
                Map<Indicator, Answer> m = all(others == Answer.YES ? Answer.NO : others);
                m.put(strong, Answer.YES);
                assertThat(DeterminationRule.suggest(m)).as(strong + " with others " + others)
                        .isEqualTo(Determination.PRESUMED_VICTIM);
            }
        }
    }

    @Test
    void oneMediumYesAloneIsUndeterminedAndAnyTwoArePresumed() {
        for (Indicator a : MEDIUM) {
            Map<Indicator, Answer> one = all(Answer.NO);
            one.put(a, Answer.YES);
            assertThat(DeterminationRule.suggest(one)).as(a.name()).isEqualTo(Determination.UNDETERMINED);
            for (Indicator b : MEDIUM) {
                if (a == b) continue;
                Map<Indicator, Answer> two = all(Answer.NO);
                two.put(a, Answer.YES);
                two.put(b, Answer.YES);
                assertThat(DeterminationRule.suggest(two)).as(a + "+" + b).isEqualTo(Determination.PRESUMED_VICTIM);
            }
        }
    }

    @Test
    void oneUnknownAmongNoesIsUndetermined() {
        for (Indicator i : Indicator.values()) {
            Map<Indicator, Answer> m = all(Answer.NO);
            m.put(i, Answer.UNKNOWN);
            assertThat(DeterminationRule.suggest(m)).as(i.name()).isEqualTo(Determination.UNDETERMINED);
        }
    }

    @Test
    void missingAnswersCountAsUnknown() {
        Map<Indicator, Answer> m = all(Answer.NO);
        m.remove(Indicator.DEBT_BONDAGE);
        assertThat(DeterminationRule.suggest(m)).isEqualTo(Determination.UNDETERMINED);
        m.put(Indicator.ISOLATION, Answer.YES);
        m.put(Indicator.EXCESSIVE_OVERTIME, Answer.YES);
        assertThat(DeterminationRule.suggest(m)).isEqualTo(Determination.PRESUMED_VICTIM);
    }

    /** Every one of the 3^11 combinations agrees with the rule as the docs state it. */
    @Test
    void exhaustiveAgainstTheDocumentedStatement() {
        Indicator[] all = Indicator.values();
        Answer[] answers = Answer.values();
        int total = (int) Math.pow(3, all.length);
        for (int code = 0; code < total; code++) {
            Map<Indicator, Answer> m = new EnumMap<>(Indicator.class);
            int c = code;
            int strongYes = 0, mediumYes = 0, no = 0;
            for (Indicator i : all) {
                Answer a = answers[c % 3];
                c /= 3;
                m.put(i, a);
                if (a == Answer.YES && i.strength() == Indicator.Strength.STRONG) strongYes++;
                if (a == Answer.YES && i.strength() == Indicator.Strength.MEDIUM) mediumYes++;
                if (a == Answer.NO) no++;
            }
            Determination expected = strongYes >= 1 || mediumYes >= 2 ? Determination.PRESUMED_VICTIM
                    : no == 11 ? Determination.NOT_A_VICTIM : Determination.UNDETERMINED;
            if (DeterminationRule.suggest(m) != expected) {
                throw new AssertionError("combination " + code + ": expected " + expected);
            }
        }
    }

    @Test
    void everyIndicatorMapsToHtcdsMethodsOfControlSpelledAsTheStandard() {
        List<String> htcds = List.of("DebtBondage", "TakesEarnings", "RestrictsFinancialAccess", "Threats",
                "PsychologicalAbuse", "PhysicalAbuse", "SexualAbuse", "FalsePromises", "PsychoactiveSubstances",
                "RestrictsMovement", "RestrictsMedicalCare", "ExcessiveWorkingHours", "UsesChildren",
                "ThreatOfLawEnforcement", "WithholdsNecessities", "WithholdsDocuments", "Other");
        for (Indicator i : Indicator.values()) assertThat(htcds).containsAll(i.htcdsMethodsOfControl());
        assertThat(Indicator.PHYSICAL_SEXUAL_VIOLENCE.htcdsMethodsOfControl()).containsExactly("PhysicalAbuse", "SexualAbuse");
        assertThat(Indicator.DEBT_BONDAGE.htcdsMethodsOfControl()).containsExactly("DebtBondage");
        assertThat(LabourExploitation.ILLICIT_ACTIVITIES.htcds()).isEqualTo("IllicitActivities");
        assertThat(RecruitmentMethod.JOB_OFFER.htcds()).isEqualTo("Job offer/advertisement");
        assertThat(RecruitmentApp.WECHAT.htcds()).isEqualTo("WeChat");
    }
}
