package org.haven.core.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.haven.core.Haven;
import org.haven.core.common.CsvCells;
import org.haven.core.intake.ImportService;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.core.reports.StatisticsCsv;
import org.haven.core.reports.StatsFilter;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 10: one set of CSV rules for every file Haven writes: formula starts neutralized
 * (ASCII and full-width), ';' quoted for Excel in semicolon locales, a UTF-8 byte order mark first,
 * and Haven's own importer reads the result back.
 */
class CsvSafetyTest {
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    @TempDir Path dir;

    @Test
    void everyDangerousStartIsNeutralizedIncludingFullWidthForms() {
        for (String start : List.of("=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20")) {
            assertThat(CsvCells.neutralize(start + "1+1")).as("cell starting with U+%04X", (int) start.charAt(0))
                    .isEqualTo("'" + start + "1+1");
        }
        assertThat(CsvCells.neutralize("Lan")).isEqualTo("Lan");
        assertThat(CsvCells.neutralize("1-2")).isEqualTo("1-2");
        assertThat(CsvCells.neutralize("")).isEmpty();
        assertThat(CsvCells.neutralize(null)).isEmpty();
    }

    @Test
    void cellsWithASemicolonCommaQuoteOrNewlineAreQuotedAndTheFileStartsWithAByteOrderMark() throws Exception {
        StringWriter out = new StringWriter();
        CsvCells.Writer csv = new CsvCells.Writer(out);
        csv.record("plain", "a;b", "a,b", "say \"hi\"", "two\nlines", "=SUM(A1)", "＝1+1;x");
        assertThat(out.toString()).isEqualTo(
                "\uFEFFplain,\"a;b\",\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=SUM(A1),\"'＝1+1;x\"\r\n");
    }

    @Test
    void everyCsvHavenWritesStartsWithABomAndTheIdentifiedExportImportsAgain() throws Exception {
        Path home = dir.resolve("home");
        String khmer = "\u179f\u17bb\u1781 \u178a\u17b6\u179a\u17c9\u17b6";
        try (Haven h = TestHaven.create(home)) {
            h.cases().register(TestHaven.newCase(new Person(null, khmer, "Sok Dara", null, Sex.MALE, null, 30, "KH", "km",
                    true, DocumentStatus.CONFISCATED, null, null, null, 0)));
            h.cases().register(TestHaven.newCase(new Person(null, "Nguyễn Thị Lan", "Nguyen; Lan", null, Sex.FEMALE, null, 24,
                    "VN", "vi", false, DocumentStatus.HELD, "C1234567", null, null, 0)));
            h.cases().register(TestHaven.newCase(TestHaven.person("=HYPERLINK(\"x\")", "สมชาย")));

            Path identified = dir.resolve("out/identified.csv");
            new IdentifiedExport(h.database(), h.session()).writeTo(identified, org.haven.core.exports.IdentifiedExport.Options.csv(), "tests: consent not recorded");
            Path anonymized = dir.resolve("out/anon.csv");
            var report = h.anonymizedExporter().export(new AnonymizedExporter.Request(AnonymizedExporter.Preset.PARTNER, null,
                    null, null, null, anonymized));
            Path stats = dir.resolve("out/stats.csv");
            StatisticsCsv.write(h.statistics().all(StatsFilter.all()), 5, stats);

            for (Path csv : List.of(identified, anonymized, report.codebookFile(), stats)) {
                byte[] bytes = Files.readAllBytes(csv);
                assertThat(java.util.Arrays.copyOf(bytes, 3)).as(csv.getFileName().toString()).isEqualTo(BOM);
            }
            String text = Files.readString(identified, StandardCharsets.UTF_8);
            assertThat(text).contains(khmer, "\"Nguyen; Lan\"", "'=HYPERLINK");
        }

        // Haven's importer reads its own export back (with the byte order mark) into a fresh database.
        Path other = dir.resolve("other");
        try (Haven h = TestHaven.create(other)) {
            var report = new ImportService(h, candidate -> List.of()).importFile(dir.resolve("out/identified.csv"), null,
                    new ImportService.Target(null, "Re-import"), false, false);
            assertThat(report.rejected()).isEmpty();
            assertThat(report.imported()).isEqualTo(3);
            assertThat(h.database().dsl().fetch(PERSON).getValues(PERSON.NAME_LATIN))
                    .containsExactlyInAnyOrder("Sok Dara", "Nguyen; Lan", "'=HYPERLINK(\"x\")");
            assertThat(h.database().dsl().fetch(PERSON).getValues(PERSON.NAME_NATIVE)).contains(khmer, "Nguyễn Thị Lan");
        }
    }
}
