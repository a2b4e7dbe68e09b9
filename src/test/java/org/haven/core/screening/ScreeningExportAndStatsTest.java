package org.haven.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.CASE_FILE;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haven.core.cases.CaseFile;
import org.haven.core.exports.ScreeningExportColumns;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The screening export columns and statistics tables, from a real database. */
class ScreeningExportAndStatsTest extends DatabaseTest {
    @Test
    void exportColumnsHoldOnlyHtcdsValuesOfTheLatestScreening() {
        CaseFile a = register("A");
        CaseFile b = register("B");
        CaseFile never = register("C");
        Map<Indicator, IndicatorAnswer> answers = new EnumMap<>(Indicator.class);
        answers.put(Indicator.PHYSICAL_SEXUAL_VIOLENCE, new IndicatorAnswer(Indicator.PHYSICAL_SEXUAL_VIOLENCE, Answer.YES, "private note"));
        answers.put(Indicator.DEBT_BONDAGE, new IndicatorAnswer(Indicator.DEBT_BONDAGE, Answer.YES, null));
        answers.put(Indicator.ISOLATION, new IndicatorAnswer(Indicator.ISOLATION, Answer.NO, null));
        save(a, answers, EnumSet.of(LabourExploitation.ILLICIT_ACTIVITIES), EnumSet.of(RecruitmentMethod.JOB_OFFER, RecruitmentMethod.INTERNET),
                EnumSet.of(RecruitmentApp.TELEGRAM, RecruitmentApp.FACEBOOK), Determination.PRESUMED_VICTIM);
        save(b, Map.of(), null, null, null, Determination.UNDETERMINED);

        Map<UUID, List<String>> values = new ScreeningExportColumns().valuesFor(haven.database().dsl(), List.of(a.id(), b.id(), never.id()));
        assertThat(new ScreeningExportColumns().headers()).startsWith("vic_MethodsOfControl");
        assertThat(values.get(a.id())).containsExactly("PhysicalAbuse;SexualAbuse;DebtBondage", "IllicitActivities",
                "Internet (social media, online advertisement);Job offer/advertisement", "Facebook;Telegram", "PresumedVictim");
        assertThat(values.get(b.id())).containsExactly("", "", "", "", "Undetermined");
        assertThat(values).doesNotContainKey(never.id());
        assertThat(values.toString()).doesNotContain("private note");
    }

    @Test
    void statsTablesCountLatestScreeningsOfTheSelectedCases() {
        CaseFile a = register("A");
        CaseFile b = register("B");
        register("C");
        Map<Indicator, IndicatorAnswer> yes = new EnumMap<>(Indicator.class);
        yes.put(Indicator.DECEPTION, new IndicatorAnswer(Indicator.DECEPTION, Answer.YES, null));
        save(a, yes, EnumSet.of(LabourExploitation.ILLICIT_ACTIVITIES), null, null, Determination.PRESUMED_VICTIM);
        save(b, yes, EnumSet.of(LabourExploitation.ILLICIT_ACTIVITIES, LabourExploitation.DOMESTIC_WORK), null, null,
                Determination.PRESUMED_VICTIM);

        List<ScreeningStats.Table> tables = ScreeningStats.all(haven.database().dsl(), DSL.trueCondition());
        assertThat(count(tables, ScreeningStats.DETERMINATIONS, "NOT_SCREENED")).isEqualTo(1);
        assertThat(count(tables, ScreeningStats.DETERMINATIONS, "PRESUMED_VICTIM")).isEqualTo(2);
        assertThat(count(tables, ScreeningStats.INDICATORS, "DECEPTION")).isEqualTo(2);
        assertThat(count(tables, ScreeningStats.INDICATORS, "DEBT_BONDAGE")).isZero();
        assertThat(count(tables, ScreeningStats.LABOUR_EXPLOITATION, "ILLICIT_ACTIVITIES")).isEqualTo(2);
        assertThat(count(tables, ScreeningStats.LABOUR_EXPLOITATION, "DOMESTIC_WORK")).isEqualTo(1);

        List<ScreeningStats.Table> onlyA = ScreeningStats.all(haven.database().dsl(), CASE_FILE.ID.eq(a.id()));
        assertThat(count(onlyA, ScreeningStats.LABOUR_EXPLOITATION, "DOMESTIC_WORK")).isZero();
        assertThat(count(onlyA, ScreeningStats.DETERMINATIONS, "NOT_SCREENED")).isZero();
    }

    private static long count(List<ScreeningStats.Table> tables, String id, String row) {
        ScreeningStats.Table t = tables.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return t.counts()[t.rows().indexOf(row)];
    }

    private CaseFile register(String name) {
        return haven.cases().register(TestHaven.newCase(TestHaven.person(name, null)));
    }

    private void save(CaseFile c, Map<Indicator, IndicatorAnswer> answers, EnumSet<LabourExploitation> types,
                      EnumSet<RecruitmentMethod> methods, EnumSet<RecruitmentApp> apps, Determination d) {
        Determination suggested = DeterminationRule.suggest(Screening.draft(c.id(), null, false, null, answers, null,
                null, null, null, null, null).answerValues());
        haven.screening().save(Screening.draft(c.id(), LocalDate.now(), false, null, answers,
                new Consent(ConsentGiver.PERSON, LocalDate.now(), EnumSet.of(ConsentPurpose.INTERVIEW)), methods, apps, types,
                d, d == suggested ? null : "reviewed"));
    }
}
