package org.haven.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.haven.core.exports.AnonymizedExporter.Preset;
import org.haven.core.exports.AnonymizedExporter.Request;
import org.haven.core.exports.IdentifiedExport;
import org.haven.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

/**
 * The demo data records the "Trafficking details" on a realistic share of cases, so a look at the
 * exports of a demo database shows the HTCDS/CTDC columns filled, not empty.
 */
class DemoTraffickingDetailsTest extends DatabaseTest {
    @Test
    void demoCasesCarryTraffickingDetailsIntoBothExports() throws IOException {
        new DemoData(haven, 5).generate(600, null);

        Path anonymized = dir.resolve("partner.csv");
        haven.anonymizedExporter().export(new Request(Preset.PARTNER, null, null, null, null, anonymized));
        List<CSVRecord> rows = read(anonymized);
        long withCountry = rows.stream().filter(r -> !r.get("country_of_exploitation").isEmpty()).count();
        long inCambodia = rows.stream().filter(r -> r.get("country_of_exploitation").equals("KH")).count();
        long withRelation = rows.stream().filter(r -> !r.get("recruiter_relation").isEmpty()).count();
        long withControl = rows.stream().filter(r -> !r.get("vic_MethodsOfControl").isEmpty()).count();
        // About two cases in three have details; most of those were exploited in Cambodia (the raids' country).
        assertThat(withCountry).isBetween(rows.size() * 4 / 10L, rows.size() * 8 / 10L);
        assertThat(inCambodia).isGreaterThan(withCountry / 2);
        assertThat(withRelation).isBetween(rows.size() * 3 / 10L, rows.size() * 7 / 10L);
        assertThat(withControl).isBetween(rows.size() * 3 / 10L, rows.size() * 8 / 10L);
        assertThat(rows.stream().map(r -> r.get("recruiter_relation")).distinct())
                .contains("Friend", "Other", "Unknown", "Family");

        Path identified = dir.resolve("identified.csv");
        new IdentifiedExport(haven.database(), haven.session()).writeTo(identified, IdentifiedExport.Options.csv(), "tests: demo data records no consent");
        List<CSVRecord> people = read(identified);
        assertThat(people.stream().filter(r -> r.get("country_of_exploitation").equals("Cambodia")).count()).isPositive();
        assertThat(people.stream().filter(r -> r.get("methods_of_control").contains("False promises")).count()).isPositive();
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        try (Reader in = new java.io.StringReader(text)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
