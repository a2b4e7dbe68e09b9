package org.haven.core.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;
import org.haven.core.common.Messages;
import org.haven.core.operations.Operation;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.core.reports.OrganisationSettings;
import org.haven.core.security.Accounts;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader of a summary notices (issue 17): its language, the court's certification, a batch's cover and contents. */
class SummaryReaderTest extends DatabaseTest {
    static final String VIETNAMESE = "Nguyễn Thị Hương";
    @TempDir Path out;
    SummaryService service;

    @BeforeEach
    void setUp() {
        service = haven.summaries();
    }

    private CaseFile register(UUID operation, String latin, String nativeName) {
        Person p = Person.draft(nativeName, latin, Sex.FEMALE, LocalDate.of(1999, 3, 14), null, "VN", "vi, km", true,
                DocumentStatus.CONFISCATED, "C7788123");
        return haven.cases().register(new NewCase(p, operation, LocalDate.of(2026, 2, 3), null, "Met at the gate"));
    }

    @Test
    void aKhmerSummaryHasKhmerLabelsWordsAndDatesAndTheNameAsRecorded() throws IOException {
        CaseFile c = register(null, "Nguyen Thi Huong", VIETNAMESE);
        haven.timeline().add(c.id(), EventType.MEDICAL, LocalDate.of(2026, 2, 10), DatePrecision.DAY, "Checked");
        Path file = out.resolve("km.pdf");

        service.writePdf(List.of(c.id()), SummaryOptions.all(Audience.COURT, Locale.of("km")), file, null, null, "tests: consent not recorded");

        SummaryPdfTest.keep(file);
        String text = SummaryPdfTest.text(file).replaceAll("[ \\t]+", " ");
        assertThat(text).contains("អត្តសញ្ញាណ", "សេចក្តីសង្ខេបករណី " + c.caseNumber(), "សម្ងាត់", "ខ្ញុំសូមបញ្ជាក់ថា",
                "ហត្ថលេខា", VIETNAMESE, "Nguyen Thi Huong");
        assertThat(text).as("nationality and languages as Khmer words").contains("វៀតណាម", "ខ្មែរ");
        assertThat(text).as("dates in the Khmer pattern, month as a Khmer word").contains("14 មីនា 1999");
        assertThat(text).doesNotContain("Identity", "Date of birth", "Mar 14, 1999", "1999-03-14");
    }

    @Test
    void theCourtCopyCertifiesNamesStaffByFullNameAndRoleAndShowsNoLogin() throws IOException {
        new OrganisationSettings(haven.database(), haven.session()).set(OrganisationSettings.NAME, "Mekong Shelter Network");
        new OrganisationSettings(haven.database(), haven.session()).set(OrganisationSettings.ADDRESS, "12 Street 310, Phnom Penh");
        Accounts.setFullName(haven.unlocked(), TestHaven.ADMIN, "Sophea Chan");
        CaseFile c = register(null, "Nguyen Thi Huong", VIETNAMESE);
        haven.timeline().add(c.id(), EventType.COURT_HEARING, LocalDate.of(2026, 2, 20), DatePrecision.DAY, null);
        service = haven.summaries();
        Path court = out.resolve("court.pdf");
        Path internal = out.resolve("internal.pdf");

        service.writePdf(List.of(c.id()), SummaryOptions.all(Audience.COURT), court, null, null, "tests: consent not recorded");
        service.writePdf(List.of(c.id()), SummaryOptions.all(Audience.INTERNAL), internal, null, null);

        SummaryPdfTest.keep(court);
        String text = SummaryPdfTest.text(court).replaceAll("\\s+", " ");
        assertThat(text).contains("I certify that this summary is a true extract of the records held by Mekong Shelter Network.",
                "Signature", "Date", "12 Street 310, Phnom Penh", "Sophea Chan", "Coordinator",
                "Legal basis: consent to data sharing", "Not recorded: no consent to share this person's data is recorded");
        assertThat(text).as("no staff login on a court copy").doesNotContain("(admin)", " admin ", "by admin");
        assertThat(text).as("no empty notes section").doesNotContain("Free-text notes are not included");
        assertThat(SummaryPdfTest.text(internal)).as("internal copies may show logins").contains("Sophea Chan (admin)")
                .doesNotContain("I certify");
    }

    @Test
    void theCourtCopyNamesTheAssignedCaseworkerByFullNameAndRole() throws IOException {
        org.haven.core.security.User dara = Accounts.addUser(haven.unlocked(), "dkim", "Dara Kim",
                java.util.EnumSet.of(org.haven.core.security.Role.CASEWORKER), "another-long-password".toCharArray());
        Person p = Person.draft(VIETNAMESE, "Nguyen Thi Huong", Sex.FEMALE, LocalDate.of(1999, 3, 14), null, "VN", "vi", true,
                DocumentStatus.CONFISCATED, null);
        CaseFile c = haven.cases().register(new NewCase(p, null, LocalDate.of(2026, 2, 3), dara.id(), null));
        Path court = out.resolve("court-caseworker.pdf");
        Path internal = out.resolve("internal-caseworker.pdf");

        service.writePdf(List.of(c.id()), SummaryOptions.all(Audience.COURT), court, null, null, "tests: consent not recorded");
        service.writePdf(List.of(c.id()), SummaryOptions.all(Audience.INTERNAL), internal, null, null);

        assertThat(SummaryPdfTest.text(court).replaceAll("\\s+", " ")).contains("Assigned caseworker Dara Kim, Caseworker")
                .doesNotContain("dkim");
        assertThat(SummaryPdfTest.text(internal).replaceAll("\\s+", " ")).contains("Dara Kim (dkim)");
    }

    @Test
    void withoutAFullNameOutsideCopiesNameTheRoleNotTheLogin() throws IOException {
        CaseFile c = register(null, "Nguyen Thi Huong", VIETNAMESE);
        haven.timeline().add(c.id(), EventType.MEDICAL, LocalDate.of(2026, 2, 10), DatePrecision.DAY, null);
        Path external = out.resolve("external.pdf");

        service.writePdf(List.of(c.id()), SummaryOptions.all(Audience.EXTERNAL), external, null, null, "tests: consent not recorded");

        String text = SummaryPdfTest.text(external).replaceAll("\\s+", " ");
        assertThat(text).contains("Produced by Coordinator (full name not recorded)");
        assertThat(text).doesNotContain("by admin", " admin ", "(admin)");
    }

    @Test
    void aBatchOpensWithACoverWhoseContentsGiveEachCasesFirstPageAndNoPageHoldsOnlyTheEndLine() throws IOException {
        Operation op = haven.operations().create(new Operation(null, "OP-R-17", "Compound raid", LocalDate.of(2026, 2, 1),
                "Preah Sihanouk", null, null, 14, null, 0));
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            CaseFile c = register(op.id(), "Person " + i, null);
            // Timelines of every length from 0 to 39 events move the end of each case all over its last page.
            for (int e = 0; e < i * 3; e++) {
                haven.timeline().add(c.id(), EventType.FOLLOW_UP, LocalDate.of(2026, 2, 4).plusDays(e), DatePrecision.DAY,
                        "Follow-up " + e + (e % 3 == 0 ? ". Asked about her documents and her family at home." : ""));
            }
            numbers.add(c.caseNumber());
        }
        Path file = out.resolve("batch.pdf");

        SummaryService.Result r = service.writePdf(service.casesOfOperation("OP-R-17"), SummaryOptions.all(Audience.EXTERNAL), file, null, null, "tests: consent not recorded");

        SummaryPdfTest.keep(file);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isEqualTo(r.pages());
            String cover = SummaryPdfTest.pageText(doc, 1).replaceAll("[ \\t]+", " ");
            assertThat(cover).contains("Case summaries", "OP-R-17 \u2014 Compound raid", "Prepared for External partner",
                    "Produced by Coordinator (full name not recorded)", "Produced on", "14 case summaries in this document");

            Map<String, Integer> contents = new LinkedHashMap<>();
            Matcher m = Pattern.compile("(?m)^(\\S+-\\d{6})\\s+(\\d+)\\s*$").matcher(cover);
            while (m.find()) contents.put(m.group(1), Integer.parseInt(m.group(2)));
            assertThat(contents.keySet()).containsExactlyElementsOf(numbers);

            for (String number : numbers) {
                int first = -1;
                for (int p = 2; p <= pages && first < 0; p++) {
                    if (SummaryPdfTest.pageText(doc, p).contains(number)) first = p;
                }
                assertThat(first).as("first page of " + number).isEqualTo(contents.get(number));
            }

            String end = "End of case summary ";
            int ends = 0;
            for (int p = 2; p <= pages; p++) {
                List<String> body = new ArrayList<>();
                for (String line : SummaryPdfTest.pageText(doc, p).split("\\R")) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("Case summary ") && l.contains("CONFIDENTIAL") || l.equals("CONFIDENTIAL")
                            || l.equals("Haven") || l.startsWith("Haven ") || l.startsWith("Confidential") || l.matches(".*Page \\d+ of \\d+")
                            || numbers.contains(l) || l.startsWith("Case summary ") && numbers.contains(l.substring(13))) {
                        continue;
                    }
                    body.add(l);
                }
                if (body.stream().anyMatch(l -> l.startsWith(end))) ends++;
                assertThat(body).as("page " + p + " holds more than the end line").isNotEmpty()
                        .anyMatch(l -> !l.startsWith(end));
            }
            assertThat(ends).as("every case ends with its end line").isEqualTo(numbers.size());
        }
    }

    @Test
    void everySummaryLanguageSpeaksEveryLabel() {
        for (Locale l : Messages.SUPPORTED) {
            Messages m = Messages.of(l);
            for (String key : List.of("summary.court.certify", "summary.cover.producedBy", "summary.section.CERTIFICATION")) {
                assertThat(m.t(key, "X")).doesNotStartWith("!");
            }
            if (!l.equals(Locale.ENGLISH)) {
                assertThat(m.t("summary.court.certify", "X")).isNotEqualTo(Messages.english().t("summary.court.certify", "X"));
            }
        }
    }
}
