package org.haven.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.common.Messages;
import org.haven.core.reports.CountTable;
import org.haven.core.reports.OrganisationSettings;
import org.haven.core.reports.StatisticsCsv;
import org.haven.core.reports.StatisticsLabels;
import org.haven.core.reports.StatisticsPdf;
import org.haven.core.reports.StatsFilter;
import org.haven.core.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `haven report --stats [--from YYYY-MM] [--to YYYY-MM] -o FILE.pdf|FILE.csv`: the Statistics page
 * as a file, for coordinators. The same report as the window's: the same tables, charts (drawn as
 * vector graphics, no window toolkit needed) and small-cell rule.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "The Statistics page as a PDF or CSV file (coordinators).")
final class ReportCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(names = "--stats", required = true, description = "The statistics report (the only report for now).")
    boolean stats;

    @Option(names = "--from", paramLabel = "YYYY-MM", description = "First month of identification included.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM", description = "Last month of identification included.")
    String to;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.pdf|FILE.csv")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it already exists.")
    boolean force;

    @Option(names = "--k", paramLabel = "N", description = "Small-cell threshold: counts under N are hidden (default 5; 11 for a public report).")
    int k = StatisticsLabels.DEFAULT_K;

    @Override
    public Integer call() {
        YearMonth fromMonth = ExportCommand.month("--from", from);
        YearMonth toMonth = ExportCommand.month("--to", to);
        if (fromMonth != null && toMonth != null && fromMonth.isAfter(toMonth)) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.report.fromTo");
        }
        if (k < 2) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.report.k");
        org.haven.core.common.OutputFiles.check(output, home.home(), force);
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean pdf = name.endsWith(".pdf");
        if (!pdf && !name.endsWith(".csv")) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.report.output");
        try (Haven haven = home.open()) {
            haven.session().require(Role.COORDINATOR);
            List<CountTable> tables = haven.statistics().all(new StatsFilter(fromMonth, toMonth, null));
            if (pdf) {
                OrganisationSettings org = haven.organisation();
                Messages m = Messages.english(); // the report from the command line is in English, as before
                Map<String, String> titles = new LinkedHashMap<>();
                for (CountTable t : tables) titles.put(t.id(), m.t("stats.chart." + t.id()));
                String filter = StatisticsPdf.periodLine(m, fromMonth == null ? null : fromMonth.toString(),
                        toMonth == null ? null : toMonth.toString(), m.t("stats.allOperations"));
                StatisticsPdf.Texts texts = new StatisticsPdf.Texts(m, org.name(), m.t("stats.pdfTitle"), filter,
                        m.t("stats.smallCellNote", k), titles, m.t("stats.pdfProduced", LocalDate.now().toString()));
                StatisticsPdf.write(tables, k, texts, (table, key) -> StatisticsLabels.pdf(m, table, key),
                        StatisticsPdf.letterhead(org), output);
            } else {
                StatisticsCsv.write(tables, k, output);
            }
            System.out.println("tables\t" + tables.size());
            System.out.println("file\t" + output.toAbsolutePath().normalize());
        }
        return 0;
    }
}
