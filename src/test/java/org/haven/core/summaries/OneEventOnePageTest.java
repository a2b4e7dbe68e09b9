package org.haven.core.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.core.reports.OrganisationSettings;
import org.haven.core.reports.ReportCommandTest;
import org.haven.core.security.Accounts;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A one-event case fits on one page": a case with its identification as its only event and the
 * fields a caseworker typically records prints on one A4 page for every audience, the court copy
 * with its whole certification (legal basis, certifying person, organisation, signature and date).
 */
class OneEventOnePageTest extends DatabaseTest {
    @TempDir Path out;

    @Test
    void aOneEventCaseIsOnePageForTheCourtAndForEveryOtherAudience() throws IOException {
        OrganisationSettings org = new OrganisationSettings(haven.database(), haven.session());
        org.set(OrganisationSettings.NAME, "Mekong Shelter Network");
        org.set(OrganisationSettings.ADDRESS, "12 Street 310, Sangkat Tonle Bassac, Khan Chamkarmon, Phnom Penh, Cambodia");
        Path logo = out.resolve("logo.png");
        ReportCommandTest.writeLogo(logo, 240, 80);
        org.set(OrganisationSettings.LOGO, logo.toString());
        Accounts.setFullName(haven.unlocked(), TestHaven.ADMIN, "Sophea Chan");
        Person p = Person.draft("Nguyễn Thị Hương", "Nguyen Thi Huong", Sex.FEMALE, LocalDate.of(1999, 3, 14), null, "VN", "vi, en", true,
                DocumentStatus.CONFISCATED, "C7788123").withContactAndNotes("Hoa Compound-7", "Mother: +84 912 345 678",
                "Afraid of the manager.");
        CaseFile c = haven.cases().register(new NewCase(p, null, LocalDate.now().minusDays(30), null,
                "Met at the border crossing and referred by the provincial police"));
        SummaryService service = haven.summaries();

        for (Audience audience : Audience.values()) {
            Path file = out.resolve(audience.name().toLowerCase() + "-one-event.pdf");
            SummaryService.Result r = service.writePdf(List.of(c.id()), SummaryOptions.all(audience), file, null, null,
                    "tests: consent not recorded");
            SummaryPdfTest.keep(file);
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                assertThat(doc.getNumberOfPages()).as(audience + " copy of a one-event case").isEqualTo(1);
            }
            assertThat(r.pages()).isEqualTo(1);
            String text = SummaryPdfTest.text(file).replaceAll("\\s+", " ");
            assertThat(text).contains("Page 1 of 1", "End of case summary");
            if (audience == Audience.COURT) {
                assertThat(text).contains("I certify that this summary is a true extract", "Signature", "Date", "Sophea Chan",
                        "12 Street 310, Sangkat Tonle Bassac", "Legal basis");
            }
        }
    }
}
