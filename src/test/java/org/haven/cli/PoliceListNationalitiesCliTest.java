package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A police list imported through the real command, its nationality column written as police and
 * embassies write it: short, official and old names, demonyms and names in Khmer, Chinese and
 * Vietnamese. Every row must land with the right ISO 3166 country, checked in the identified export.
 */
class PoliceListNationalitiesCliTest {
    @TempDir Path dir;


    /** Nationality as written on the list -> the ISO 3166 alpha-2 code it must become. */
    private static final String[][] SPELLINGS = {
        // ASEAN
        {"Brunei", "BN"}, {"Brunei Darussalam", "BN"}, {"Cambodia", "KH"}, {"Indonesia", "ID"},
        {"Laos", "LA"}, {"Lao PDR", "LA"}, {"Lao People's Democratic Republic", "LA"}, {"Malaysia", "MY"},
        {"Myanmar", "MM"}, {"MYANMAR", "MM"}, {"Burma", "MM"}, {"Myanmar (Burma)", "MM"}, {"Philippines", "PH"},
        {"Singapore", "SG"}, {"Thailand", "TH"}, {"Timor-Leste", "TL"}, {"East Timor", "TL"},
        {"Vietnam", "VN"}, {"Viet Nam", "VN"}, {"VIET  NAM", "VN"}, {"viet nam", "VN"},
        // East and South Asia
        {"China", "CN"}, {"Taiwan", "TW"}, {"Hong Kong", "HK"}, {"Hong Kong SAR China", "HK"},
        {"Hong Kong SAR", "HK"}, {"Taiwan, Province of China", "TW"},
        {"Macao", "MO"}, {"Macau", "MO"}, {"South Korea", "KR"}, {"Korea", "KR"}, {"Korea, Republic of", "KR"},
        {"India", "IN"}, {"Bangladesh", "BD"}, {"Sri Lanka", "LK"}, {"Nepal", "NP"}, {"Pakistan", "PK"},
        // Africa, the Americas, Europe
        {"Kenya", "KE"}, {"Uganda", "UG"}, {"Ethiopia", "ET"}, {"Nigeria", "NG"}, {"Brazil", "BR"},
        {"Russia", "RU"}, {"Russian Federation", "RU"}, {"Türkiye", "TR"}, {"Turkey", "TR"},
        {"UK", "GB"}, {"United Kingdom", "GB"}, {"USA", "US"}, {"United States", "US"},
        {"Czech Republic", "CZ"}, {"Ivory Coast", "CI"}, {"Côte d'Ivoire", "CI"}, {"Cote d’Ivoire", "CI"},
        // codes and demonyms
        {"MMR", "MM"}, {"kh", "KH"}, {"Vietnamese", "VN"}, {"Burmese", "MM"}, {"Filipino", "PH"}, {"Thai", "TH"},
        {"Chinese", "CN"}, {"Indonesian", "ID"}, {"Cambodian", "KH"}, {"Khmer", "KH"}, {"Lao", "LA"},
        // the UI languages' own names
        {"កម្ពុជា", "KH"}, {"中国", "CN"}, {"缅甸", "MM"}, {"Việt Nam", "VN"}, {"Thái Lan", "TH"},
    };

    @Test
    void everySpellingOfThePoliceListLandsWithItsIsoCode() throws Exception {
        StringBuilder csv = new StringBuilder("Full name,Sex,DOB,Nationality\n");
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < SPELLINGS.length; i++) {
            String name = "Test " + letters(i) + " Person";
            expected.put(name, SPELLINGS[i][1]);
            csv.append(name).append(i % 2 == 0 ? ",F" : ",M").append(",19").append(60 + i % 40).append("-0").append(1 + i % 9).append("-1").append(i % 10)
                    .append(",\"").append(SPELLINGS[i][0]).append("\"\n");
        }
        Path list = dir.resolve("police-list.csv");
        Files.writeString(list, csv, StandardCharsets.UTF_8);

        assertThat(haven("init", "--admin", "boss").exit()).isZero();
        HavenCli.Run imported = haven("import", list.toString(), "--new-operation", "Raid Sihanoukville");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo("imported " + SPELLINGS.length + "\n");

        Path out = dir.resolve("export.csv");
        HavenCli.Run export = haven("export", "--identified", "--consent-override", "tests: consent not recorded", "--fields", "name_latin,nationality", "-o", out.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        Map<String, String> actual = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8).subList(1, SPELLINGS.length + 1)) {
            String[] cells = line.split(",", 2);
            actual.put(cells[0].replace("\uFEFF", ""), cells[1].replace("\"", ""));
        }
        Map<String, String> expectedNames = new LinkedHashMap<>();
        expected.forEach((name, code) -> expectedNames.put(name, Locale.of("", code).getDisplayCountry(Locale.ENGLISH)));
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expectedNames);
    }

    @Test
    void anUnknownNationalityIsRefusedNamingTheRowAndTheColumn() throws Exception {
        Path list = dir.resolve("bad.csv");
        Files.writeString(list, "Full name,Sex,Nationality\nTest Alpha Person,F,Myanmar\nTest Beta Person,M,Atlantis\n", StandardCharsets.UTF_8);
        assertThat(haven("init", "--admin", "boss").exit()).isZero();
        HavenCli.Run refused = haven("import", list.toString(), "--new-operation", "Raid Poipet");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).startsWith("row 3: nationality: not a known country").doesNotContain("row 2", "Exception");
        assertThat(haven("stats").out()).contains("people\t0");
    }

    private static String letters(int i) {
        return "" + (char) ('A' + i / 26) + (char) ('a' + i % 26) + "x";
    }

    private HavenCli.Run haven(String... args) throws IOException, InterruptedException {
        return new HavenCli(dir, "boss", "secret-pass-123").run(args);
    }
}
