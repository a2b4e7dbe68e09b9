package org.haven.core.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;
import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.haven.core.Haven;
import org.haven.core.cases.NewCase;
import org.haven.core.common.HavenException;
import org.haven.core.demo.DemoData;
import org.haven.core.exports.AnonymizedExporter.Preset;
import org.haven.core.exports.AnonymizedExporter.Report;
import org.haven.core.exports.AnonymizedExporter.Request;
import org.haven.core.operations.Operation;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anonymized export against real encrypted databases: demo data of several sizes and hand-made skewed sets. */
class AnonymizedExportTest {
    private static final List<String> QUASI = List.of("identification_year", "identification_month", "age_band",
            "prs_Gender", "prs_Citizenship", "province");

    @TempDir Path dir;

    @Test
    void demoDatabasesOfManySizesExportOnlyKAnonymousRowsWithoutPersonalData() throws IOException {
        int[][] sizesAndSeeds = {{3, 1}, {40, 2}, {150, 3}, {600, 4}};
        for (int[] ss : sizesAndSeeds) {
            Path home = Files.createDirectories(dir.resolve("demo-" + ss[0]));
            try (Haven haven = TestHaven.create(home)) {
                new DemoData(haven, ss[1]).generate(ss[0], null);
                checkExports(haven, home);
            }
        }
    }

    @Test
    void skewedHandMadeDataIsGeneralizedAndRareRowsSuppressed() throws IOException {
        try (Haven haven = TestHaven.create(dir)) {
            Operation op = haven.operations().create(new Operation(null, "OP-T-1", "Raid", LocalDate.of(2025, 3, 4),
                    "Kandal", "Compound 7, Street 12", "Police", null, null, 0));
            List<NewCase> cases = new ArrayList<>();
            for (int i = 0; i < 37; i++) {
                cases.add(new NewCase(person("Common Person " + i, "普通人" + i, "Alias" + i, Sex.FEMALE, 25, "VN",
                        "VN" + (1000000 + i), "+855 12 345 " + i, "Note about person " + i), op.id(), LocalDate.of(2025, 3, 4), null, null));
            }
            // Rare people: each alone in their combination, and a hostile name that looks like a formula.
            cases.add(new NewCase(person("=HYPERLINK(\"x\")", "@evil", "-alias", Sex.TRANSGENDER_NONCONFORMING, 61, "BR",
                    "BR9999999", "+1 555", "=cmd"), op.id(), LocalDate.of(2025, 3, 4), null, null));
            cases.add(new NewCase(person("Rare Child Kamau", null, null, Sex.MALE, 8, "KE", null, null, null),
                    null, LocalDate.of(2024, 11, 2), null, null));
            cases.add(new NewCase(person("Thai Person Somchai", "สมชาย", "Chai", Sex.MALE, 33, "TH", "TH123", null, null),
                    op.id(), LocalDate.of(2025, 3, 4), null, null));
            haven.cases().registerAll(cases);

            Report r = checkExports(haven, dir);
            assertThat(r.considered()).isEqualTo(40);
            assertThat(r.exported()).isEqualTo(37);
            assertThat(r.suppressed()).isEqualTo(3);
            List<CSVRecord> rows = read(r.csv());
            assertThat(rows).allMatch(row -> row.get("prs_Citizenship").equals("VN") && row.get("age_band").equals("24-26")
                    && row.get("identification_month").equals("03") && row.get("province").equals("Kandal"));
            String report = Files.readString(r.reportFile());
            assertThat(report).contains("rows exported: 37", "rows suppressed: 3", "k reached: 37", "preset: partner");

            // public preset: k = 11 still holds the big group.
            Report pub = new AnonymizedExporter(haven.database(), haven.session())
                    .export(new Request(Preset.PUBLIC, null, null, null, List.of("OP-T-1"), dir.resolve("public.csv")));
            assertThat(pub.kRequired()).isEqualTo(11);
            assertThat(pub.considered()).isEqualTo(39);
            assertThat(pub.exported()).isEqualTo(37);
            // The audit log records the export with counts only.
            assertThat(haven.database().dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("EXPORT_ANONYMIZED"))).isEqualTo(3);
        }
    }

    @Test
    void periodFilterUsesTheIdentificationMonthAndBadRequestsAreRefused() throws IOException {
        try (Haven haven = TestHaven.create(dir)) {
            List<NewCase> cases = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                cases.add(new NewCase(person("Jan Person " + i, null, null, Sex.MALE, 30, "KH", null, null, null), null,
                        LocalDate.of(2025, 1, 10 + i), null, null));
                cases.add(new NewCase(person("Feb Person " + i, null, null, Sex.MALE, 30, "KH", null, null, null), null,
                        LocalDate.of(2025, 2, 10 + i), null, null));
            }
            haven.cases().registerAll(cases);
            AnonymizedExporter exporter = new AnonymizedExporter(haven.database(), haven.session());
            Report feb = exporter.export(new Request(Preset.PARTNER, null, YearMonth.of(2025, 2), YearMonth.of(2025, 2), null,
                    dir.resolve("feb.csv")));
            assertThat(feb.exported()).isEqualTo(6);
            assertThat(read(feb.csv())).allMatch(row -> row.get("identification_month").equals("02"));

            assertKind(() -> exporter.export(new Request(Preset.PARTNER, 4, null, null, null, dir.resolve("a.csv"))),
                    HavenException.Kind.BAD_INPUT);
            assertKind(() -> exporter.export(new Request(Preset.PUBLIC, 7, null, null, null, dir.resolve("a.csv"))),
                    HavenException.Kind.BAD_INPUT);
            assertKind(() -> exporter.export(new Request(Preset.PARTNER, null, YearMonth.of(2025, 3), YearMonth.of(2025, 1),
                    null, dir.resolve("a.csv"))), HavenException.Kind.BAD_INPUT);
            assertKind(() -> exporter.export(new Request(Preset.PARTNER, null, null, null, List.of("NOPE"), dir.resolve("a.csv"))),
                    HavenException.Kind.BAD_INPUT);
            assertThat(dir.resolve("a.csv")).doesNotExist();

            Accounts.addUser(haven.unlocked(), "worker", EnumSet.of(Role.CASEWORKER), "worker-password-1".toCharArray());
        }
        try (Haven worker = TestHaven.login(dir, "worker", "worker-password-1".toCharArray())) {
            assertKind(() -> new AnonymizedExporter(worker.database(), worker.session())
                    .export(new Request(Preset.PARTNER, null, null, null, null, dir.resolve("b.csv"))), HavenException.Kind.DENIED);
            assertThat(dir.resolve("b.csv")).doesNotExist();
        }
    }

    private static void assertKind(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, HavenException.Kind kind) {
        assertThatThrownBy(call).isInstanceOf(HavenException.class)
                .extracting(e -> ((HavenException) e).kind()).isEqualTo(kind);
    }

    private static Person person(String latin, String nativeName, String aliases, Sex sex, int age, String nat, String doc,
                                 String contact, String notes) {
        return new Person(null, nativeName, latin, aliases, sex, null, age, nat, null, false,
                doc == null ? DocumentStatus.NONE : DocumentStatus.HELD, doc, contact, notes, 0);
    }

    /** Exports twice (partner, and k = 7), checks k, leaks and row ids; returns the first report. */
    private Report checkExports(Haven haven, Path home) throws IOException {
        AnonymizedExporter exporter = new AnonymizedExporter(haven.database(), haven.session());
        Report first = exporter.export(new Request(Preset.PARTNER, null, null, null, null, home.resolve("first.csv")));
        Report second = exporter.export(new Request(Preset.PARTNER, 7, null, null, null, home.resolve("second.csv")));
        Set<String> forbidden = forbiddenStrings(haven);
        Set<String> firstIds = new HashSet<>();
        for (Report r : List.of(first, second)) {
            List<CSVRecord> rows = read(r.csv());
            assertThat(rows).hasSize(r.exported());
            Map<List<String>, Integer> groups = new HashMap<>();
            for (CSVRecord row : rows) groups.merge(QUASI.stream().map(row::get).toList(), 1, Integer::sum);
            assertThat(groups.values()).allMatch(size -> size >= r.kRequired());
            assertThat(r.kReached()).isEqualTo(groups.values().stream().mapToInt(Integer::intValue).min().orElse(0));
            for (Path file : List.of(r.csv(), r.reportFile())) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                for (String secret : forbidden) {
                    assertThat(text).as("%s must not contain personal data", file.getFileName()).doesNotContain(secret);
                }
            }
            // No exact date anywhere in the rows (the report carries only its own creation date).
            assertThat(Files.readString(r.csv())).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
            for (CSVRecord row : rows) {
                for (String cell : row) assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
            }
        }
        for (CSVRecord row : read(first.csv())) firstIds.add(row.get("row_id"));
        for (CSVRecord row : read(second.csv())) assertThat(firstIds).doesNotContain(row.get("row_id"));
        try (Stream<Path> leftovers = Files.list(home)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        return first;
    }

    /** Every name, alias, document number, contact, note and case number in the database, and every id. */
    private static Set<String> forbiddenStrings(Haven haven) {
        var dsl = haven.database().dsl();
        Set<String> out = new HashSet<>();
        dsl.select(PERSON.NAME_LATIN, PERSON.NAME_NATIVE, PERSON.ALIASES, PERSON.DOCUMENT_NUMBER, PERSON.FAMILY_CONTACT,
                PERSON.NOTES, PERSON.ID).from(PERSON).forEach(r -> {
                    for (int i = 0; i < r.size(); i++) if (r.get(i) != null) out.add(r.get(i).toString());
                });
        dsl.select(CASE_FILE.CASE_NUMBER, CASE_FILE.CLOSING_REASON, CASE_FILE.ID).from(CASE_FILE).forEach(r -> {
            for (int i = 0; i < r.size(); i++) if (r.get(i) != null) out.add(r.get(i).toString());
        });
        dsl.select(CASE_EVENT.NOTE).from(CASE_EVENT).where(CASE_EVENT.NOTE.isNotNull()).forEach(r -> out.add(r.value1()));
        dsl.select(PERSON.BIRTH_DATE).from(PERSON).where(PERSON.BIRTH_DATE.isNotNull()).forEach(r -> out.add(r.value1().toString()));
        out.removeIf(s -> s.isBlank());
        return out;
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            assertThat(in.read()).as("UTF-8 byte order mark first").isEqualTo(0xFEFF);
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
