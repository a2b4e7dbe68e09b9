package org.haven.core.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.haven.core.Haven;
import org.haven.core.demo.DemoData;
import org.haven.core.exports.AnonymizedExporter.Preset;
import org.haven.core.exports.AnonymizedExporter.Report;
import org.haven.core.exports.AnonymizedExporter.Request;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a researcher counting nationalities notices: on the demo data (2,000 people, seeded) most rows
 * keep their exact citizenship (ISO code) because month, age and place are generalized first, and the
 * file is still k-anonymous over every quasi-identifier.
 */
class CitizenshipShareTest {
    private static final List<String> QUASI = List.of("identification_year", "identification_month", "age_band",
            "prs_Gender", "prs_Citizenship", "province");

    @TempDir Path dir;

    @Test
    void mostRowsKeepTheirExactCitizenshipAtK11AndK5() throws IOException {
        try (Haven haven = TestHaven.create(dir)) {
            new DemoData(haven, 17).generate(2000, null);
            AnonymizedExporter exporter = haven.anonymizedExporter();
            Report pub = exporter.export(new Request(Preset.PUBLIC, null, null, null, null, dir.resolve("public.csv")));
            Report partner = exporter.export(new Request(Preset.PARTNER, null, null, null, null, dir.resolve("partner.csv")));

            assertThat(exactShare(pub)).as("share of rows with exact citizenship at k = 11").isGreaterThanOrEqualTo(0.60);
            assertThat(exactShare(partner)).as("share of rows with exact citizenship at k = 5").isGreaterThanOrEqualTo(0.85);
            assertKAnonymous(pub, 11);
            assertKAnonymous(partner, 5);
            // The report says, per column, what was generalized.
            assertThat(Files.readString(pub.reportFile())).contains("prs_Citizenship", "age_band", "province");
        }
    }

    @Test
    void aCodebookSitsBesideTheExportAndTheAuditKeepsOnlyTheFilters() throws IOException {
        try (Haven haven = TestHaven.create(dir)) {
            new DemoData(haven, 5).generate(200, null);
            Report r = haven.anonymizedExporter().export(new Request(Preset.PUBLIC, 12, java.time.YearMonth.of(2020, 1),
                    java.time.YearMonth.of(2030, 12), null, dir.resolve("out.csv")));
            assertThat(r.codebookFile()).isEqualTo(dir.resolve("out.codebook.csv"));
            List<CSVRecord> book = read(r.codebookFile());
            List<String> exportHeaders = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(Files.readString(r.csv()).substring(1))).getHeaderNames();
            assertThat(book).extracting(row -> row.get("column")).containsExactlyElementsOf(exportHeaders);
            Map<String, CSVRecord> byColumn = new HashMap<>();
            for (CSVRecord row : book) byColumn.put(row.get("column"), row);
            assertThat(byColumn.get("prs_Citizenship").get("htcds_name")).isEqualTo("prs_Citizenship");
            assertThat(byColumn.get("prs_Citizenship").get("generalization")).contains("k = 12", "sub-region");
            assertThat(byColumn.get("vic_TypeOfLabourExploitation").get("values")).contains("IllicitActivities");
            assertThat(byColumn.get("vic_MethodsOfControl").get("values")).contains("DebtBondage");
            assertThat(byColumn.get("majority_status").get("values")).isEqualTo("Minor, Adult, Unknown");
            assertThat(read(r.csv())).allMatch(row -> row.get("majority_status").matches("Minor|Adult|Unknown"));

            String audit = haven.database().dsl().select(org.haven.core.db.jooq.Tables.AUDIT_LOG.DETAIL)
                    .from(org.haven.core.db.jooq.Tables.AUDIT_LOG)
                    .where(org.haven.core.db.jooq.Tables.AUDIT_LOG.ACTION.eq("EXPORT_ANONYMIZED")).fetchOne().value1();
            assertThat(audit).contains("preset=public", "k=12", "from=2020-01", "to=2030-12");
        }
    }

    /** Exact citizenship rows over all cases considered (suppressed rows count as not exact). */
    private static double exactShare(Report r) throws IOException {
        long exact = read(r.csv()).stream().filter(row -> row.get("prs_Citizenship").matches("[A-Z]{2}")).count();
        return (double) exact / r.considered();
    }

    private static void assertKAnonymous(Report r, int k) throws IOException {
        Map<List<String>, Integer> groups = new HashMap<>();
        for (CSVRecord row : read(r.csv())) groups.merge(QUASI.stream().map(row::get).toList(), 1, Integer::sum);
        assertThat(groups).isNotEmpty();
        assertThat(groups.values()).allMatch(size -> size >= k);
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            assertThat(in.read()).as("UTF-8 byte order mark first").isEqualTo(0xFEFF);
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
