package org.haven.core.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.MethodOfControl;
import org.haven.core.cases.RecruiterRelation;
import org.haven.core.cases.TraffickingDetails;
import org.haven.core.exports.AnonymizedExporter.Preset;
import org.haven.core.exports.AnonymizedExporter.Request;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;

/** The trafficking details in the anonymized export, its codebook, and the identified export. */
class TraffickingExportTest extends DatabaseTest {
    @Test
    void anonymizedExportAndCodebookCarryTheRecordedDetails() throws IOException {
        // Twelve people alike in every quasi-identifier, so k = 5 keeps every row as it is.
        List<CaseFile> cases = new ArrayList<>();
        for (int i = 0; i < 12; i++) cases.add(haven.cases().register(TestHaven.newCase(TestHaven.person("Person " + i, null))));
        for (int i = 0; i < 6; i++) record(cases.get(i), "KH", EnumSet.of(RecruiterRelation.FRIEND), EnumSet.noneOf(MethodOfControl.class));
        for (int i = 6; i < 9; i++) record(cases.get(i), "TH", EnumSet.of(RecruiterRelation.INTIMATE_PARTNER), EnumSet.noneOf(MethodOfControl.class));
        for (int i = 9; i < 11; i++) record(cases.get(i), "MM", EnumSet.noneOf(RecruiterRelation.class), EnumSet.noneOf(MethodOfControl.class));
        // Never screened: the caseworker's methods of control still reach vic_MethodsOfControl.
        record(cases.get(11), null, EnumSet.of(RecruiterRelation.FAMILY, RecruiterRelation.OTHER),
                EnumSet.of(MethodOfControl.THREAT_OF_LAW_ENFORCEMENT, MethodOfControl.PSYCHOACTIVE_SUBSTANCES));

        Path csv = dir.resolve("research.csv");
        haven.anonymizedExporter().export(new Request(Preset.PARTNER, null, null, null, null, csv));
        List<CSVRecord> rows = read(csv);
        assertThat(rows).hasSize(12);
        assertThat(rows.getFirst().toMap()).containsKeys("country_of_exploitation", "recruiter_relation", "vic_MethodsOfControl");

        // KH is shared by 6 rows (>= k): kept. TH (3) and MM (2) are each rarer than k, their
        // sub-region together is not (5): both are published as the sub-region.
        assertThat(count(rows, "country_of_exploitation", "KH")).isEqualTo(6);
        assertThat(count(rows, "country_of_exploitation", "TH")).isZero();
        assertThat(count(rows, "country_of_exploitation", "MM")).isZero();
        assertThat(Regions.subRegion("TH")).isEqualTo(Regions.subRegion("MM")).isNotEqualTo(Regions.OTHER);
        assertThat(count(rows, "country_of_exploitation", Regions.subRegion("TH"))).isEqualTo(5);
        assertThat(count(rows, "country_of_exploitation", "")).isEqualTo(1);

        assertThat(count(rows, "recruiter_relation", "Friend")).isEqualTo(6);
        assertThat(count(rows, "recruiter_relation", "IntimatePartner")).isEqualTo(3);
        assertThat(count(rows, "recruiter_relation", "Family;Other")).isEqualTo(1);
        assertThat(count(rows, "vic_MethodsOfControl", "PsychoactiveSubstances;ThreatOfLawEnforcement")).isEqualTo(1);

        List<CSVRecord> codebook = read(AnonymizedExporter.codebookPathFor(csv));
        Map<String, CSVRecord> byColumn = new java.util.HashMap<>();
        for (CSVRecord r : codebook) byColumn.put(r.get("column"), r);
        assertThat(byColumn.keySet()).containsAll(rows.getFirst().toMap().keySet());
        assertThat(byColumn.get("country_of_exploitation").get("htcds_name")).contains("CountryOfExploitation");
        assertThat(byColumn.get("country_of_exploitation").get("generalization")).contains("sub-region");
        assertThat(byColumn.get("recruiter_relation").get("values"))
                .contains("IntimatePartner", "Friend", "Family", "Other", "Unknown");
        assertThat(byColumn.get("vic_MethodsOfControl").get("values")).contains("ThreatOfLawEnforcement", "PsychoactiveSubstances");
        assertThat(byColumn.get("vic_MethodsOfControl").get("generalization")).contains("caseworker");
    }

    @Test
    void identifiedExportShowsTheDetailsInWords() throws IOException {
        CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Lan", null)));
        haven.cases().register(TestHaven.newCase(TestHaven.person("Nobody Recorded", null)));
        record(c, "KH", EnumSet.of(RecruiterRelation.FRIEND, RecruiterRelation.FAMILY), EnumSet.of(MethodOfControl.THREAT_OF_LAW_ENFORCEMENT));

        Path out = dir.resolve("identified.csv");
        new IdentifiedExport(haven.database(), haven.session()).writeTo(out, IdentifiedExport.Options.csv(), "tests: consent not recorded");
        List<CSVRecord> rows = read(out);
        CSVRecord lan = rows.stream().filter(r -> r.get("name_latin").equals("Nguyen Thi Lan")).findFirst().orElseThrow();
        assertThat(lan.get("country_of_exploitation")).isEqualTo("Cambodia");
        assertThat(lan.get("recruiter_relation")).isEqualTo("Friend; Family member");
        assertThat(lan.get("methods_of_control")).isEqualTo("Threat of law enforcement");
        CSVRecord other = rows.stream().filter(r -> r.get("name_latin").equals("Nobody Recorded")).findFirst().orElseThrow();
        assertThat(List.of(other.get("country_of_exploitation"), other.get("recruiter_relation"), other.get("methods_of_control")))
                .containsOnly("");
    }

    @Test
    void aRareCountryIsWidenedStepByStepUntilKRowsShareIt() {
        int k = 5;
        assertThat(TraffickingExportColumns.generalize(Map.of("KH", 9, "MM", 5), k)).containsEntry("KH", "KH").containsEntry("MM", "MM");
        // TH and LA together reach k in their sub-region.
        assertThat(TraffickingExportColumns.generalize(Map.of("KH", 9, "TH", 3, "LA", 2), k))
                .containsEntry("TH", Regions.subRegion("TH")).containsEntry("LA", Regions.subRegion("LA"));
        // Alone in its region and below k even as "Other": suppressed.
        assertThat(TraffickingExportColumns.generalize(Map.of("KH", 9, "BR", 1), k)).containsEntry("BR", TraffickingExportColumns.SUPPRESSED);
        // Two rare countries of different regions reach k only together, as "Other".
        assertThat(TraffickingExportColumns.generalize(Map.of("BR", 3, "NG", 2), k))
                .containsEntry("BR", Regions.OTHER).containsEntry("NG", Regions.OTHER);
    }

    private void record(CaseFile c, String country, Set<RecruiterRelation> relations, Set<MethodOfControl> control) {
        haven.cases().saveTraffickingDetails(new TraffickingDetails(c.id(), country, relations, control));
    }

    private static long count(List<CSVRecord> rows, String column, String value) {
        return rows.stream().filter(r -> r.get(column).equals(value)).count();
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != 0xFEFF) in.reset();
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
