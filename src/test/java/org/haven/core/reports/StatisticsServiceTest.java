package org.haven.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.Outcome;
import org.haven.core.demo.DemoData;
import org.haven.core.people.Sex;
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
                        + (org.haven.testing.TestHaven.onPostgres()
                                ? "coalesce(extract(year from age(c.opened_on, p.birth_date)), p.estimated_age) between 18 and 29"
                                : "coalesce(datediff('year', p.birth_date, c.opened_on) - case when dateadd('year', datediff('year', p.birth_date, c.opened_on), p.birth_date) > c.opened_on then 1 else 0 end, p.estimated_age) between 18 and 29")));
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
        assertThat(lines.get(0)).isEqualTo("\uFEFFtable,row,column,count");
        for (String line : lines.subList(1, lines.size())) {
            if (line.contains("_days,")) continue; // days, not counts
            String count = line.substring(line.lastIndexOf(',') + 1);
            assertThat(count).matches("0|<5|\\*|[5-9]|\\d{2,}");
        }
        assertThat(lines).anyMatch(l -> l.startsWith("people_by_sex,total,count,400"));
    }

    /** What a donor report reads: identifications per month, outcomes by nationality, time to exit, legal, services. */
    @Test
    void donorTablesMatchSql() throws Exception {
        CountTable ids = stats.table(StatisticsService.IDENTIFICATIONS_BY_MONTH, StatsFilter.all());
        assertThat(ids.total()).isEqualTo(sql("select count(*) from case_file"));
        assertThat(ids.rows()).isSortedAccordingTo(java.util.Comparator.comparing(YearMonth::parse));
        for (int i = 1; i < ids.rows().size(); i++) {
            assertThat(YearMonth.parse(ids.rows().get(i))).isEqualTo(YearMonth.parse(ids.rows().get(i - 1)).plusMonths(1));
        }

        CountTable nat = stats.table(StatisticsService.NATIONALITY_BY_OUTCOME, StatsFilter.all());
        assertThat(nat.columns()).contains("REPATRIATED", "DEPORTED");
        assertThat(nat.get("VN", "DEPORTED")).isEqualTo(sql(
                "select count(*) from case_file c join person p on p.id = c.person_id where p.nationality = 'VN' and c.outcome = 'DEPORTED'"));
        assertThat(nat.total()).isEqualTo(sql("select count(*) from case_file where outcome is not null"));

        CountTable exit = stats.table(StatisticsService.TIME_TO_EXIT, StatsFilter.all());
        assertThat(exit.columns()).containsExactly("cases", "q1_days", "median_days", "q3_days");
        List<Long> days = dsl.fetch(org.haven.testing.TestHaven.onPostgres()
                ? "select closed_on - opened_on from case_file where outcome = 'REPATRIATED' order by 1"
                : "select datediff('DAY', opened_on, closed_on) from case_file where outcome = 'REPATRIATED' order by 1")
                .getValues(0, Long.class);
        long n = days.size();
        assertThat(exit.get("REPATRIATED", "cases")).isEqualTo(n);
        assertThat(exit.get("REPATRIATED", "median_days")).isEqualTo(days.get((int) Math.ceil(n * 0.5) - 1));
        assertThat(exit.get("REPATRIATED", "q1_days")).isEqualTo(days.get((int) Math.ceil(n * 0.25) - 1));
        assertThat(exit.get("REPATRIATED", "q3_days")).isEqualTo(days.get((int) Math.ceil(n * 0.75) - 1));

        CountTable legal = stats.table(StatisticsService.LEGAL_PROCEEDINGS, StatsFilter.all());
        assertThat(legal.get("COMPLAINANT")).isEqualTo(sql("select count(*) from case_file where legal_role = 'COMPLAINANT'"));
        assertThat(legal.get("COURT_HEARING")).isPositive().isEqualTo(sql(
                "select count(distinct case_id) from case_event where event_type = 'COURT_HEARING'"));
        CountTable services = stats.table(StatisticsService.SERVICES_DELIVERED, StatsFilter.all());
        assertThat(services.get("MEDICAL")).isPositive().isEqualTo(sql(
                "select count(distinct case_id) from case_event where event_type = 'MEDICAL'"));

        // In the CSV: rows that overlap get no total; the quartiles of an outcome with few cases are hidden with it.
        Path csv = dir.resolve("donor.csv");
        StatisticsCsv.write(stats.all(StatsFilter.all()), 11, csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).noneMatch(l -> l.startsWith("services_delivered,total") || l.startsWith("legal_proceedings,total"));
        assertThat(lines).anyMatch(l -> l.startsWith("identifications_by_month,total,count,400"));
        assertThat(lines).anyMatch(l -> l.startsWith("time_to_exit_by_outcome,REPATRIATED,median_days,"));
        SmallCells.Protected p = SmallCells.protect(exit, 11);
        for (int i = 0; i < exit.rows().size(); i++) {
            for (int j = 1; j < 4; j++) assertThat(p.isSuppressed(i, j)).isEqualTo(p.isSuppressed(i, 0));
        }
    }
}
