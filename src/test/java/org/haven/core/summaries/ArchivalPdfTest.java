package org.haven.core.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;
import org.haven.core.demo.DemoData;
import org.haven.core.pdf.ArchivalPdf;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.core.reports.CountTable;
import org.haven.core.reports.OrganisationSettings;
import org.haven.core.reports.ReportCommandTest;
import org.haven.core.reports.StatisticsPdf;
import org.haven.core.reports.StatsFilter;
import org.haven.testing.DatabaseTest;
import org.haven.testing.VeraPdf;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The PDFs Haven hands to courts and archives are PDF/A-2u: veraPDF (the PDF Association's
 * validator) says so, and the file's own XMP metadata claims the same part and conformance.
 */
class ArchivalPdfTest extends DatabaseTest {
    @TempDir Path out;

    private CaseFile register(String latin, String nativeName) {
        Person p = Person.draft(nativeName, latin, Sex.FEMALE, LocalDate.of(1999, 3, 14), null, "KH", "km, th", true,
                DocumentStatus.CONFISCATED, "N0998877").withContactAndNotes("ដារ៉ា", "+855 12 345 678", "Notes in ไทย and ខ្មែរ");
        CaseFile c = haven.cases().register(new NewCase(p, null, LocalDate.now().minusDays(30), null, "Met at the border"));
        haven.timeline().add(c.id(), EventType.MEDICAL, LocalDate.now().minusDays(20), DatePrecision.DAY, "ពិនិត្យសុខភាព ตรวจสุขภาพ");
        return c;
    }

    /** The organisation as an administrator sets it: a name in Khmer and English, an address, a logo with transparency. */
    private void organisation() throws IOException {
        OrganisationSettings org = new OrganisationSettings(haven.database(), haven.session());
        org.set(OrganisationSettings.NAME, "មជ្ឈមណ្ឌលមេគង្គ Mekong Shelter Network");
        org.set(OrganisationSettings.ADDRESS, "12 Street 310, Phnom Penh");
        Path logo = out.resolve("logo.png");
        ReportCommandTest.writeLogo(logo, 120, 40);
        org.set(OrganisationSettings.LOGO, logo.toString());
    }

    private static void assertArchival(Path file) throws IOException {
        SummaryPdfTest.keep(file);
        VeraPdf.Verdict verdict = VeraPdf.validate(file, PDFAFlavour.PDFA_2_U);
        assertThat(verdict.failures()).as("veraPDF PDF/A-2u failures").isEmpty();
        assertThat(verdict.compliant()).isTrue();
        assertThat(VeraPdf.claimed(file)).containsExactly(Integer.toString(ArchivalPdf.PART), ArchivalPdf.CONFORMANCE);
        assertThat(ArchivalPdf.PART + ArchivalPdf.CONFORMANCE.toLowerCase()).isEqualTo("2u");
    }

    /**
     * Tagged for screen readers: a structure tree with the element types given, marked content,
     * the document language and a title shown instead of the file name.
     */
    private static void assertTagged(Path file, String... types) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            var catalog = doc.getDocumentCatalog();
            assertThat(catalog.getMarkInfo()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("en");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(doc.getDocumentInformation().getTitle()).isNotBlank();
            Set<String> found = new TreeSet<>();
            collect(catalog.getStructureTreeRoot().getKids(), found);
            assertThat(found).contains(types);
            for (int p = 0; p < doc.getNumberOfPages(); p++) assertThat(doc.getPage(p).getStructParents()).isEqualTo(p);
        }
        // PDF/UA-1 is claimed too (pdfuaid:part 1): veraPDF's machine-checkable PDF/UA rules must agree.
        VeraPdf.Verdict ua = VeraPdf.validate(file, PDFAFlavour.PDFUA_1);
        assertThat(ua.failures()).as("veraPDF PDF/UA-1 failures").isEmpty();
        assertThat(ua.compliant()).isTrue();
    }

    private static void collect(List<Object> kids, Set<String> found) {
        for (Object k : kids) {
            if (k instanceof PDStructureElement e) {
                found.add(e.getStructureType());
                collect(e.getKids(), found);
            }
        }
    }

    @Test
    void aSummaryWithKhmerThaiAndLatinNamesIsPdfA2u() throws IOException {
        organisation();
        CaseFile c = register("Sok Dara", "សុខ ដារ៉ា สมศรี ใจดี");
        Path file = out.resolve("archival-summary.pdf");

        haven.summaries().writePdf(List.of(c.id()), SummaryOptions.all(Audience.INTERNAL), file, null, null);

        assertArchival(file);
        // (whitespace collapsed: text extraction adds a space where a shaped Khmer run meets a Latin one)
        assertThat(SummaryPdfTest.text(file).replaceAll("\\s+", " ")).contains("សុខ ដារ៉ា", "สมศรี ใจดี", "Sok Dara",
                "មជ្ឈមណ្ឌលមេគង្គ Mekong Shelter Network", "12 Street 310, Phnom Penh");
        assertThat(ReportCommandTest.imageSizes(file, 1)).containsExactly("120x40");
        assertTagged(file, "Document", "H1", "H2", "P", "Table", "TR", "TH", "TD");
    }

    @Test
    void aBatchSummaryIsPdfA2u() throws IOException {
        organisation();
        CaseFile a = register("Sok Dara", "សុខ ដារ៉ា");
        CaseFile b = register("Somsri Jaidee", "สมศรี ใจดี");
        CaseFile c = register("Nguyen Thi Huong", "Nguyễn Thị Hương");
        Path file = out.resolve("archival-batch.pdf");

        haven.summaries().writePdf(List.of(a.id(), b.id(), c.id()), SummaryOptions.all(Audience.COURT), file, null, null, "tests: consent not recorded");

        assertArchival(file);
        assertTagged(file, "Document", "H1", "H2", "P", "Table", "TR", "TH", "TD", "TOC", "TOCI");
    }

    @Test
    void theStatisticsReportIsPdfA2u() throws IOException {
        new DemoData(haven, 7).generate(120, null);
        List<CountTable> tables = haven.statistics().all(new StatsFilter(null, null, null));
        Map<String, String> titles = new LinkedHashMap<>();
        for (CountTable t : tables) titles.put(t.id(), t.id());
        Path file = out.resolve("archival-statistics.pdf");

        organisation();
        OrganisationSettings settings = new OrganisationSettings(haven.database(), haven.session());

        StatisticsPdf.write(tables, 5, new StatisticsPdf.Texts(org.haven.core.common.Messages.english(), settings.name(), "Statistics",
                StatisticsPdf.periodLine(org.haven.core.common.Messages.english(), null, null, "all operations"), "Counts under 5 are hidden.", titles, "Produced 2026-12-04"),
                (t, key) -> key, StatisticsPdf.letterhead(settings), file);

        assertArchival(file);
        assertTagged(file, "Document", "H1", "H2", "P", "Table", "TR", "TH", "TD");
        String text = SummaryPdfTest.text(file).replaceAll("\\s+", " ");
        assertThat(text).contains("មជ្ឈមណ្ឌលមេគង្គ Mekong Shelter Network", "12 Street 310, Phnom Penh", "Period: all records");
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                assertThat(ReportCommandTest.imageSizes(file, p)).contains("120x40");
                assertThat(SummaryPdfTest.pageText(doc, p)).contains("Page " + p + " of " + doc.getNumberOfPages());
            }
        }
    }
}
