package org.haven.core.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.cli.HavenCli;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `haven summary` as a script runs it: a separate JVM, credentials in the environment, exit codes per docs/CLI.md. */
class SummaryCommandTest {
    @TempDir Path home;
    @TempDir Path out;

    record Run(int exit, String stdout, String stderr) {}

    Run haven(String... args) throws IOException, InterruptedException {
        HavenCli.Run r = HavenCli.onHome(home, out, TestHaven.ADMIN, new String(TestHaven.PASSWORD)).run(args);
        return new Run(r.exit(), r.out(), r.err());
    }

    @Test
    void writesThePdfAndFailsClearlyOnUnknownCasesAndUnwritablePaths() throws Exception {
        String number;
        try (Haven h = TestHaven.create(home)) {
            CaseFile c = h.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Huong", "Nguyễn Thị Hương")));
            number = c.caseNumber();
        }

        Run ok = haven("summary", "--case", number, "--audience", "external", "--consent-override", "tests: consent not recorded", "-o", out.resolve("s.pdf").toString());
        assertThat(ok.exit()).as(ok.stderr()).isZero();
        assertThat(ok.stdout()).contains("cases\t1", "pages\t");
        assertThat(SummaryPdfTest.text(out.resolve("s.pdf"))).contains("Prepared for: External partner").doesNotContain("Nguyễn");

        Run unknown = haven("summary", "--case", "HVN-1999-ZZZ-000042", "--audience", "court", "--consent-override", "tests: consent not recorded", "-o", out.resolve("u.pdf").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.stderr().strip()).isEqualTo("haven: No case with the number HVN-1999-ZZZ-000042.");

        Run nowhere = haven("summary", "--case", number, "--audience", "court", "--consent-override", "tests: consent not recorded", "-o", out.resolve("no/such/dir/x.pdf").toString());
        assertThat(nowhere.exit()).isEqualTo(1);
        assertThat(nowhere.stderr()).startsWith("haven: Cannot write").contains("folder does not exist").doesNotContain("Exception");

        Run badAudience = haven("summary", "--case", number, "--audience", "press", "-o", out.resolve("b.pdf").toString());
        assertThat(badAudience.exit()).isEqualTo(2);

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("s.pdf");
        }
    }

    @Test
    void splitWritesOneFilePerCaseNamedByCaseNumberAndLanguageIsChecked() throws Exception {
        List<String> numbers = new ArrayList<>();
        try (Haven h = TestHaven.create(home)) {
            for (String name : List.of("Nguyen Thi Huong", "Tran Thi Mai", "Le Van An")) {
                numbers.add(h.cases().register(TestHaven.newCase(TestHaven.person(name, null))).caseNumber());
            }
        }
        List<String> args = new ArrayList<>(List.of("summary", "--audience", "court", "--consent-override", "tests: consent not recorded", "--language", "km", "--split",
                "-o", out.resolve("court").toString(), "--case"));
        args.addAll(numbers);

        Run split = haven(args.toArray(String[]::new));

        assertThat(split.exit()).as(split.stderr()).isZero();
        assertThat(split.stdout()).contains("cases\t3", "files\t3");
        try (Stream<Path> files = Files.list(out.resolve("court"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyElementsOf(numbers.stream().map(n -> n + ".pdf").sorted().toList());
        }
        String first = SummaryPdfTest.text(out.resolve("court").resolve(numbers.get(0) + ".pdf"));
        assertThat(first).contains(numbers.get(0), "ខ្ញុំសូមបញ្ជាក់ថា").doesNotContain(numbers.get(1), "Le Van An");

        Run again = haven(args.toArray(String[]::new));
        assertThat(again.exit()).as("the -o guard applies to each file").isEqualTo(2);
        assertThat(again.stderr()).contains("already exists", "--force");

        Run badLanguage = haven("summary", "--case", numbers.get(0), "--audience", "court", "--consent-override", "tests: consent not recorded", "--language", "fr",
                "-o", out.resolve("fr.pdf").toString());
        assertThat(badLanguage.exit()).isEqualTo(2);
        assertThat(badLanguage.stderr().strip()).isEqualTo("haven: --language must be one of en, km, vi, id, zh.");
        assertThat(out.resolve("fr.pdf")).doesNotExist();
    }

    @Test
    void aCourtSummaryWithoutRecordedConsentNeedsAReasonThatTheAuditLogKeeps() throws Exception {
        String number;
        try (Haven h = TestHaven.create(home)) {
            number = h.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Huong", null))).caseNumber();
        }
        Path pdf = out.resolve("court.pdf");
        Run refused = haven("summary", "--case", number, "--audience", "court", "-o", pdf.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.stderr().lines()).hasSize(1);
        assertThat(refused.stderr().strip()).isEqualTo("haven: No consent to data sharing is recorded for " + number
                + ": give a reason to override (--consent-override \"REASON\"); nothing was written.");
        assertThat(pdf).doesNotExist();

        Run internal = haven("summary", "--case", number, "--audience", "internal", "-o", out.resolve("internal.pdf").toString());
        assertThat(internal.exit()).as("an internal copy does not leave the organisation").isZero();

        Run overridden = haven("summary", "--case", number, "--audience", "court", "--consent-override", "Court order 12/2026",
                "-o", pdf.toString());
        assertThat(overridden.exit()).as(overridden.stderr()).isZero();
        assertThat(pdf).exists();
        Run audit = haven("audit", "list", "--action", "CONSENT_OVERRIDE");
        assertThat(audit.stdout()).contains("CONSENT_OVERRIDE", "summary COURT: Court order 12/2026");

        Run export = haven("export", "--identified", "-o", out.resolve("all.csv").toString());
        assertThat(export.exit()).isEqualTo(2);
        assertThat(export.stderr().strip()).isEqualTo("haven: No consent to data sharing is recorded for 1 case(s): give a reason"
                + " to override (--consent-override \"REASON\"); nothing was written.");
        assertThat(out.resolve("all.csv")).doesNotExist();
        Run anonymized = haven("export", "--anonymized", "--consent-override", "x", "-o", out.resolve("anon.csv").toString());
        assertThat(anonymized.exit()).isEqualTo(2);
        assertThat(anonymized.stderr()).contains("for --identified only");
    }
}
