package org.haven.cli;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner's list with the "Trafficking details" fields (country of exploitation, recruiter's
 * relation, methods of control) imported through the real command, as people write them, and read
 * back from the identified and the anonymized export; a value Haven does not know refuses the file.
 */
class TraffickingImportCliTest {
    @TempDir Path dir;

    private HavenCli.Run haven(String... args) throws IOException, InterruptedException {
        return new HavenCli(dir, "boss", "secret-pass-123").run(args);
    }

    @Test
    void importedDetailsReachBothExports() throws Exception {
        assertThat(haven("init", "--admin", "boss").exit()).isZero();
        // Twelve people alike in every quasi-identifier (sex, age, citizenship, operation, month), so a
        // k = 5 export keeps every row; six exploited in Cambodia and six in Myanmar, each spelled several ways.
        String[] countries = {"Cambodia", "KH", "cambodia", "Kingdom of Cambodia", "KHM", "កម្ពុជា",
            "Myanmar", "Burma", "MM", "Myanmar (Burma)", "myanmar", "MMR"};
        String[] relations = {"Friend", "intimate partner; FRIEND", "Family member", "INTIMATE_PARTNER", "unknown", "Other",
            "friend", "IntimatePartner", "family", "Intimate-Partner", "UNKNOWN", ""};
        String[] methods = {"DebtBondage; Withholds documents", "threats", "THREAT_OF_LAW_ENFORCEMENT", "", "Debt bondage",
            "restricts movement;excessive working hours", "False promises", "PhysicalAbuse", "withholdsdocuments", "", "", ""};
        StringBuilder csv = new StringBuilder("Full name,Sex,Age,Nationality,Country of exploitation,Recruiter relation,Methods of control\n");
        for (int i = 0; i < 12; i++) {
            csv.append("Tran Van Person").append((char) ('A' + i)).append(",M,30,Viet Nam,").append(countries[i]).append(',')
                    .append(relations[i]).append(',').append(methods[i]).append('\n');
        }
        Path list = write("list.csv", csv.toString());

        HavenCli.Run imported = haven("import", list.toString(), "--new-operation", "Raid Sihanoukville");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo("imported 12\n");

        Path identified = dir.resolve("identified.csv");
        HavenCli.Run export = haven("export", "--identified", "--consent-override", "tests: consent not recorded",
                "-o", identified.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        Map<String, CSVRecord> byName = new HashMap<>();
        for (CSVRecord r : read(identified)) byName.put(r.get("name_latin"), r);
        assertThat(byName).hasSize(12);
        CSVRecord a = byName.get("Tran Van PersonA");
        assertThat(a.get("country_of_exploitation")).isEqualTo("Cambodia");
        assertThat(a.get("recruiter_relation")).isEqualTo("Friend");
        assertThat(a.get("methods_of_control")).isEqualTo("Debt bondage; Withholds documents");
        CSVRecord b = byName.get("Tran Van PersonB");
        assertThat(b.get("recruiter_relation")).isEqualTo("Intimate partner; Friend");
        assertThat(b.get("methods_of_control")).isEqualTo("Threats");
        assertThat(byName.get("Tran Van PersonC").get("recruiter_relation")).isEqualTo("Family member");
        assertThat(byName.get("Tran Van PersonC").get("methods_of_control")).isEqualTo("Threat of law enforcement");
        assertThat(byName.get("Tran Van PersonF").get("methods_of_control")).isEqualTo("Restricts movement; Excessive working hours");
        assertThat(byName.get("Tran Van PersonH").get("country_of_exploitation")).startsWith("Myanmar");
        assertThat(byName.get("Tran Van PersonL").get("recruiter_relation")).isEmpty();
        assertThat(byName.get("Tran Van PersonL").get("methods_of_control")).isEmpty();

        Path anonymized = dir.resolve("research.csv");
        HavenCli.Run anon = haven("export", "--anonymized", "--preset", "partner", "-o", anonymized.toString());
        assertThat(anon.exit()).as(anon.err()).isZero();
        List<CSVRecord> rows = read(anonymized);
        assertThat(rows).hasSize(12);
        assertThat(count(rows, "country_of_exploitation", "KH")).isEqualTo(6);
        assertThat(count(rows, "country_of_exploitation", "MM")).isEqualTo(6);
        assertThat(count(rows, "recruiter_relation", "Friend")).isEqualTo(2);
        assertThat(count(rows, "recruiter_relation", "IntimatePartner;Friend")).isEqualTo(1);
        assertThat(count(rows, "recruiter_relation", "IntimatePartner")).isEqualTo(3);
        assertThat(count(rows, "recruiter_relation", "Family")).isEqualTo(2);
        assertThat(count(rows, "recruiter_relation", "Unknown")).isEqualTo(2);
        assertThat(count(rows, "recruiter_relation", "Other")).isEqualTo(1);
        assertThat(count(rows, "vic_MethodsOfControl", "DebtBondage;WithholdsDocuments")).isEqualTo(1);
        assertThat(count(rows, "vic_MethodsOfControl", "ThreatOfLawEnforcement")).isEqualTo(1);
        assertThat(count(rows, "vic_MethodsOfControl", "RestrictsMovement;ExcessiveWorkingHours")).isEqualTo(1);
        assertThat(count(rows, "vic_MethodsOfControl", "")).isEqualTo(4);
    }

    @Test
    void anUnknownValueIsARowErrorAndNothingIsImported() throws Exception {
        assertThat(haven("init", "--admin", "boss").exit()).isZero();
        Path list = write("bad.csv", "name,sex,country_of_exploitation,recruiter_relation,methods_of_control\n"
                + "Good Person,F,Thailand,friend,Threats\n"
                + "Bad Country,F,Atlantis,friend,\n"
                + "Bad Relation,F,KH,Neighbourhood broker,\n"
                + "Bad Method,F,Lao PDR,,Threats;Secret handshake\n");
        HavenCli.Run refused = haven("import", list.toString(), "--new-operation", "Raid Poipet");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err().lines().toList()).startsWith(
                "row 3: country_of_exploitation: not a known country (use an ISO code or the English name)",
                "row 4: recruiter_relation: not a known relation (intimate partner, friend, family, other, unknown; several separated by ';')");
        assertThat(refused.err()).contains("row 5: methods_of_control: item 2: not a known method of control", "nothing was imported")
                .doesNotContain("Atlantis", "Neighbourhood", "handshake", "Exception");
        assertThat(haven("stats").out()).contains("people\t0");
    }

    private static long count(List<CSVRecord> rows, String column, String value) {
        return rows.stream().filter(r -> r.get(column).equals(value)).count();
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        try (Reader in = new java.io.StringReader(text)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
