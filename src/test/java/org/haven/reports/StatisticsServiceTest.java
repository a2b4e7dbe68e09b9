package org.haven.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.haven.Haven;
import org.haven.cases.CaseStatus;
import org.haven.cases.Outcome;
import org.haven.demo.DemoData;
import org.haven.people.Sex;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jooq.DSLContext;

/** Every statistic equals a direct SQL count on the same demo data. */
class StatisticsServiceTest {
    @TempDir static Path dir;
    static Haven haven;
    static StatisticsService stats;
    static DSLContext dsl;

    @BeforeAll
    static void fill() {
        haven = TestHaven.create(dir);
        new DemoData(haven, 7).generate(400, null);
        stats = new StatisticsService(haven.database(), haven.session());
        dsl = haven.database().dsl();
    }

    @AfterAll
    static void close() {
        haven.close();
    }

    private static long sql(String query, Object... binds) {
        return ((Number) dsl.fetchValue(query, binds)).longValue();
    }

    @Test
    void allTimeCountsMatchSql() {
        List<CountTable> all = stats.all(StatsFilter.all());
        CountTable nat = all.get(0);
        assertThat(nat.id()).isEqualTo(StatisticsService.PEOPLE_BY_NATIONALITY);
        for (String code : nat.rows()) {
            assertThat(nat.get(code)).as(code).isEqualTo(sql("select count(distinct p.id) from person p join case_file c on c.person_id = p.id where p.nationality = ?", code));
        }
        assertThat(nat.total()).isEqualTo(sql("select count(*) from person"));
        CountTable sex = stats.table(StatisticsService.PEOPLE_BY_SEX, StatsFilter.all());
        for (Sex s : Sex.values()) {
            assertThat(sex.get(s.name())).isEqualTo(sql("select count(*) from person where sex = ?", s.name()));
        }
        CountTable status = stats.table(StatisticsService.CASES_BY_STATUS, StatsFilter.all());
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(status.get(s.name())).isEqualTo(sql("select count(*) from case_file where status = ?", s.name()));
        }
        CountTable ages = stats.table(StatisticsService.PEOPLE_BY_AGE_BAND, StatsFilter.all());
        assertThat(ages.total()).isEqualTo(400);
        assertThat(ages.get("18-20") + ages.get("21-23") + ages.get("24-26") + ages.get("27-29"))
                .isEqualTo(sql("select count(*) from person p join case_file c on c.person_id = p.id where "
                        + "coalesce(datediff('year', p.birth_date, c.opened_on) - case when dateadd('year', datediff('year', p.birth_date, c.opened_on), p.birth_date) > c.opened_on then 1 else 0 end, p.estimated_age) between 18 and 29"));
        CountTable outcomes = stats.table(StatisticsService.OUTCOMES_BY_MONTH, StatsFilter.all());
        for (Outcome o : Outcome.values()) {
            long sum = 0;
            for (String m : outcomes.rows()) sum += outcomes.get(m, o.name());
            assertThat(sum).as(o.name()).isEqualTo(sql("select count(*) from case_file where outcome = ?", o.name()));
        }
        assertThat(outcomes.columns()).contains("REPATRIATED", "DEPORTED", "PROSECUTED_DETAINED");
        CountTable ops = stats.table(StatisticsService.CASES_BY_OPERATION, StatsFilter.all());
        assertThat(ops.get(StatisticsService.NONE)).isEqualTo(sql("select count(*) from case_file where operation_id is null"));
        assertThat(ops.total()).isEqualTo(400);
    }

    @Test
    void periodAndOperationFiltersMatchSql() {
        UUID op = stats.operations().get(0).id();
        String month = dsl.fetchValue("select min(opened_on) from case_file").toString().substring(0, 7);
        YearMonth from = YearMonth.parse(month);
        YearMonth to = from.plusMonths(5);
        StatsFilter f = new StatsFilter(from, to, null);
        CountTable status = stats.table(StatisticsService.CASES_BY_STATUS, f);
        assertThat(status.total()).isEqualTo(sql("select count(*) from case_file where opened_on between ? and ?",
                from.atDay(1), to.atEndOfMonth()));
        CountTable byOp = stats.table(StatisticsService.CASES_BY_STATUS, new StatsFilter(null, null, op));
        assertThat(byOp.total()).isEqualTo(sql("select count(*) from case_file where operation_id = ?", op));
        CountTable deported = stats.table(StatisticsService.OUTCOMES_BY_MONTH, f);
        long d = 0;
        for (String m : deported.rows()) d += deported.get(m, "DEPORTED");
        assertThat(d).isEqualTo(sql("select count(*) from case_file where outcome = 'DEPORTED' and closed_on between ? and ?",
                from.atDay(1), to.atEndOfMonth()));
    }

    @Test
    void csvAppliesTheSmallCellRule() throws Exception {
        Path csv = dir.resolve("stats.csv");
        StatisticsCsv.write(stats.all(StatsFilter.all()), 5, csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("table,row,column,count");
        for (String line : lines.subList(1, lines.size())) {
            String count = line.substring(line.lastIndexOf(',') + 1);
            assertThat(count).matches("0|<5|\\*|[5-9]|\\d{2,}");
        }
        assertThat(lines).anyMatch(l -> l.startsWith("people_by_sex,total,count,400"));
    }
}
