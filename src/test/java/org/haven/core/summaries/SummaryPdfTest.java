package org.haven.core.summaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.LegalRole;
import org.haven.core.cases.NewCase;
import org.haven.core.cases.Outcome;
import org.haven.core.common.HavenException;
import org.haven.core.db.jooq.Tables;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.core.Haven;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Summaries written to real PDFs from a real encrypted database, then read back as a reader would. */
class SummaryPdfTest extends DatabaseTest {
    static final String VIETNAMESE = "Nguyễn Thị Hương";
    static final String CHINESE = "王秀英";
    static final String KHMER = "សុខ ដារ៉ា";
    static final String THAI = "สมศรี ใจดี";
    static final String MYANMAR = "အောင်မြင့်";
    static final String LAO = "ສົມພອນ";

    @TempDir Path out;
    SummaryService service;

    @BeforeEach
    void setUp() {
        service = haven.summaries();
    }

    private CaseFile register(String latin, String nativeName, String alias, String document, String contact, String notes) {
        Person p = Person.draft(nativeName, latin, Sex.FEMALE, LocalDate.of(1999, 3, 14), null, "VN", "vi, en", true,
                DocumentStatus.CONFISCATED, document).withContactAndNotes(alias, contact, notes);
        return haven.cases().register(new NewCase(p, null, LocalDate.now().minusDays(30), null, "Met at the gate by Officer Sopheap"));
    }

    private CaseFile fullCase() {
        CaseFile c = register("Nguyen Thi Huong", VIETNAMESE, "Hoa Compound-7", "C7788123", "Mother: +84 912 345 678",
                "Afraid of the manager called Big Brother Li.");
        haven.timeline().add(c.id(), EventType.MEDICAL, LocalDate.now().minusDays(20), DatePrecision.DAY, "Treated for a wrist fracture by Dr Chanthy");
        haven.timeline().add(c.id(), EventType.COURT_HEARING, LocalDate.now().minusDays(10).withDayOfMonth(1), DatePrecision.MONTH, "Testified against the recruiter Tran Van Kiet");
        haven.timeline().add(c.id(), EventType.POLICE_STATEMENT, LocalDate.now().minusYears(1), DatePrecision.APPROXIMATE, null);
        haven.timeline().add(c.id(), EventType.SHELTER_ADMISSION, LocalDate.now().minusDays(25), DatePrecision.DAY, "Room 12 at the Riverside shelter");
        CaseFile current = haven.cases().open(c.id()).caseFile();
        return haven.cases().setLegalRole(c.id(), current.version(), LegalRole.WITNESS);
    }

    @Test
    void internalSummaryHasEverySectionAndNamesInEveryScriptComeBackExactly() throws IOException {
        CaseFile vi = fullCase();
        CaseFile zh = register("Wang Xiuying", CHINESE, null, null, null, null);
        CaseFile km = register("Sok Dara", KHMER, null, null, null, null);
        CaseFile th = register("Somsri Jaidee", THAI, null, null, null, null);
        CaseFile my = register("Aung Myint", MYANMAR, null, null, null, null);
        CaseFile lo = register("Somphone", LAO, null, null, null, null);
        Path file = out.resolve("internal.pdf");

        service.writePdf(List.of(vi.id(), zh.id(), km.id(), th.id(), my.id(), lo.id()), SummaryOptions.all(Audience.INTERNAL),
                file, null, () -> false);

        keep(file);
        String text = text(file);
        for (String name : List.of(VIETNAMESE, CHINESE, KHMER, THAI, MYANMAR, LAO)) assertThat(text).contains(name);
        assertThat(text).contains("Haven", "CONFIDENTIAL", "Case summary " + vi.caseNumber(), "Identity", "Case status",
                "Screening", "Not screened.", "Timeline", "Legal track", "Witness", "Services and referrals", "Notes",
                "Produced by admin", "Photo not included", "Hoa Compound-7", "C7788123", "Mother: +84 912 345 678",
                "Afraid of the manager called Big Brother Li.", "Treated for a wrist fracture by Dr Chanthy",
                "Mar 14, 1999", "(month only)", "about ", "Court hearing", "Medical care", "Shelter admission");
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getDocumentInformation().getTitle()).doesNotContain(VIETNAMESE);
        }
    }

    @Test
    void externalSummaryContainsNoneOfTheRedactedValuesAnywhereInTheFile() throws IOException {
        CaseFile c = fullCase();
        CaseFile km = register("Sok Dara", KHMER, "Dara Bong", "N0998877", "Brother in Battambang", "Khmer note");
        haven.cases().move(km.id(), haven.cases().open(km.id()).caseFile().version(), CaseStatus.ASSISTANCE,
                null, null, LocalDate.now());
        haven.cases().move(km.id(), haven.cases().open(km.id()).caseFile().version(), CaseStatus.RETURN_PENDING,
                null, null, LocalDate.now());
        haven.cases().move(km.id(), haven.cases().open(km.id()).caseFile().version(), CaseStatus.CLOSED,
                Outcome.REPATRIATED, "Flew home to Siem Reap with her uncle", LocalDate.now());
        Path file = out.resolve("external.pdf");

        service.writePdf(List.of(c.id(), km.id()), SummaryOptions.all(Audience.EXTERNAL), file, null, () -> false, "tests: consent not recorded");

        keep(file);
        String text = text(file);
        List<String> secrets = List.of(VIETNAMESE, "Nguyen Thi Huong", "Hoa Compound-7", "C7788123", "+84 912 345 678",
                "Big Brother Li", "Dr Chanthy", "Tran Van Kiet", "Riverside", "Officer Sopheap", "Mar 14, 1999",
                KHMER, "Sok Dara", "Dara Bong", "N0998877", "Battambang", "Khmer note", "Siem Reap");
        for (String s : secrets) assertThat(text).doesNotContain(s);
        byte[] everything = allBytes(file);
        for (String s : secrets) {
            assertThat(indexOf(everything, s.getBytes(StandardCharsets.UTF_8))).as("UTF-8 of a redacted value").isEqualTo(-1);
            assertThat(indexOf(everything, s.getBytes(StandardCharsets.UTF_16BE))).as("UTF-16 of a redacted value").isEqualTo(-1);
        }
        assertThat(text).contains("Redacted for External partner", "names", "free-text notes", "Withheld",
                "Medical care").doesNotContain("Treated for a wrist");
        assertThat(text).contains("Age");
    }

    @Test
    void courtSummaryShowsIdentityButNoContactsOrNotes() throws IOException {
        CaseFile c = fullCase();
        Path file = out.resolve("court.pdf");

        service.writePdf(List.of(c.id()), SummaryOptions.all(Audience.COURT), file, null, () -> false, "tests: consent not recorded");

        String text = text(file);
        assertThat(text).contains(VIETNAMESE, "Hoa Compound-7", "C7788123", "Mar 14, 1999", "Redacted for Court");
        assertThat(text).doesNotContain("+84 912 345 678", "Big Brother Li", "Dr Chanthy", "Tran Van Kiet", "Officer Sopheap");
    }

    @Test
    void leftOutSectionsAreNamedOnTheFirstPageAndAbsent() throws IOException {
        CaseFile c = fullCase();
        Path file = out.resolve("some.pdf");

        service.writePdf(List.of(c.id()), new SummaryOptions(Audience.INTERNAL, EnumSet.of(Section.IDENTITY, Section.LEGAL)),
                file, null, () -> false);

        String text = text(file);
        assertThat(text).contains("Sections left out: Case status, Screening, Timeline, Services and referrals, Notes.");
        assertThat(text).contains("Legal track").doesNotContain("Shelter admission", "Afraid of the manager");
    }

    @Test
    void aLongTimelineRunsOverSeveralPagesNumberedPageXOfY() throws IOException {
        CaseFile c = fullCase();
        for (int i = 0; i < 120; i++) {
            haven.timeline().add(c.id(), EventType.FOLLOW_UP, LocalDate.now().minusDays(29 - i % 25), DatePrecision.DAY,
                    "Follow-up call number " + i + ". " + "She is doing well and asked about her documents. ".repeat(i % 4));
        }
        Path file = out.resolve("long.pdf");

        SummaryService.Result r = service.writePdf(List.of(c.id()), SummaryOptions.all(Audience.INTERNAL), file, null, () -> false);

        keep(file);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(4).isEqualTo(r.pages());
            for (int p = 1; p <= pages; p++) {
                String pageText = pageText(doc, p);
                assertThat(pageText).contains("Page " + p + " of " + pages, "Confidential", "CONFIDENTIAL");
            }
            String all = new PDFTextStripper().getText(doc);
            for (int i = 0; i < 120; i++) assertThat(all).contains("Follow-up call number " + i + ".");
        }
    }

    @Test
    void aBatchHasATableOfContentsWithEachCasesFirstPage() throws IOException {
        List<UUID> ids = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CaseFile c = i == 1 ? fullCase() : register("Person " + i, null, null, null, null, null);
            ids.add(c.id());
            numbers.add(c.caseNumber());
        }
        AtomicInteger lastDone = new AtomicInteger();
        Path file = out.resolve("batch.pdf");

        service.writePdf(ids, SummaryOptions.all(Audience.INTERNAL), file, (done, total) -> lastDone.set(done), () -> false);

        assertThat(lastDone.get()).isEqualTo(4);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String toc = pageText(doc, 1);
            assertThat(toc).contains("Case summaries", "4 case summaries");
            for (String number : numbers) {
                String line = toc.lines().filter(l -> l.contains(number)).findFirst().orElseThrow();
                int page = Integer.parseInt(line.replace(number, "").strip());
                assertThat(pageText(doc, page)).contains("Case summary " + number, "Identity");
            }
            assertThat(doc.getDocumentCatalog().getDocumentOutline().children()).hasSize(4);
        }
    }

    @Test
    void cancellingLeavesNoFileAndNoTemporaryFile() throws IOException {
        CaseFile a = fullCase();
        CaseFile b = register("Other", null, null, null, null, null);
        Path file = out.resolve("cancelled.pdf");
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> service.writePdf(List.of(a.id(), b.id()), SummaryOptions.all(Audience.INTERNAL), file, null,
                () -> calls.incrementAndGet() > 1)).isInstanceOf(CancellationException.class);

        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void anUnwritableFolderGivesAClearMessageAndNoFile() {
        CaseFile a = register("Someone", null, null, null, null, null);
        Path file = out.resolve("missing-folder").resolve("x.pdf");

        assertThatThrownBy(() -> service.writePdf(List.of(a.id()), SummaryOptions.all(Audience.INTERNAL), file, null, () -> false))
                .isInstanceOf(HavenException.class).hasMessageContaining("folder does not exist");
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void savingIsAuditedPerCaseWithTheAudienceAndIdsOnly() {
        CaseFile a = register("Someone", "Nguyễn Văn A", null, null, null, null);
        service.writePdf(List.of(a.id()), SummaryOptions.all(Audience.COURT), out.resolve("a.pdf"), null, () -> false, "tests: consent not recorded");

        var rows = haven.database().dsl().selectFrom(Tables.AUDIT_LOG).where(Tables.AUDIT_LOG.ACTION.eq("SUMMARY_PRINTED")).fetch();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getEntityId()).isEqualTo(a.id());
        assertThat(rows.get(0).getDetail()).isEqualTo("COURT");
    }

    @Test
    void caseworkersSummarizeTheirOwnCasesButNotOthers() {
        CaseFile coordinators = register("Someone", null, null, null, null, null);
        char[] pw = "caseworker-password-1".toCharArray();
        org.haven.core.security.Accounts.addUser(haven.unlocked(), "cw", java.util.Set.of(org.haven.core.security.Role.CASEWORKER), pw);
        haven.close();
        haven = TestHaven.login(dir, "cw", pw);
        SummaryService asCaseworker = haven.summaries();
        CaseFile own = haven.cases().register(TestHaven.newCase(TestHaven.person("Mine", null)));

        assertThat(asCaseworker.casesByNumber(List.of(own.caseNumber()))).containsExactly(own.id());
        asCaseworker.writePdf(List.of(own.id()), SummaryOptions.all(Audience.EXTERNAL), out.resolve("own.pdf"), null, null, "tests: consent not recorded");
        assertThatThrownBy(() -> asCaseworker.casesByNumber(List.of(coordinators.caseNumber())))
                .isInstanceOf(HavenException.class).extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.DENIED);
        assertThatThrownBy(() -> asCaseworker.writePdf(List.of(coordinators.id()), SummaryOptions.all(Audience.EXTERNAL),
                out.resolve("other.pdf"), null, null)).isInstanceOf(HavenException.class)
                .extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.DENIED);
        assertThat(Files.exists(out.resolve("other.pdf"))).isFalse();
    }

    @Test
    void theOrganisationNameIsASettingPrintedOnEveryPage() throws IOException {
        CaseFile a = register("Someone", null, null, null, null, null);
        assertThat(service.organisation()).isEqualTo("Haven");
        service.setOrganisation("Mekong Hope Shelter");
        Path file = out.resolve("org.pdf");

        service.writePdf(List.of(a.id()), SummaryOptions.all(Audience.INTERNAL), file, null, null);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) assertThat(pageText(doc, p)).contains("Mekong Hope Shelter");
        }
    }

    @Test
    void unknownCaseNumberIsNotFound() {
        assertThatThrownBy(() -> service.casesByNumber(List.of("HVN-0000-XXX-999999")))
                .isInstanceOf(HavenException.class).hasMessageContaining("No case with the number HVN-0000-XXX-999999");
    }

    @Test
    void caseNumbersAreFoundHoweverTheyAreTypedInTheOrderGivenOnce() {
        CaseFile a = register("First", null, null, null, null, null);
        CaseFile b = register("Second", null, null, null, null, null);
        assertThat(service.casesByNumber(List.of(b.caseNumber(), " " + a.caseNumber().toLowerCase() + " ", b.caseNumber())))
                .containsExactly(b.id(), a.id());
        assertThatThrownBy(() -> service.casesByNumber(List.of(a.caseNumber(), "HVN-0000-XXX-999999")))
                .isInstanceOf(HavenException.class).hasMessageContaining("No case with the number HVN-0000-XXX-999999");
    }

    /** With -Dhaven.summary.keep=DIR, tests copy their PDFs there to be looked at (pdftoppm). */
    static void keep(Path file) throws IOException {
        String keepDir = System.getProperty("haven.summary.keep");
        if (keepDir != null) Files.copy(file, Path.of(keepDir).resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    // ---- reading PDFs back

    static String text(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc);
    }

    /** The file's bytes followed by every stream decoded (content streams, fonts, ToUnicode maps). */
    static byte[] allBytes(Path file) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(Files.readAllBytes(file));
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            for (COSObject o : doc.getDocument().getXrefTable().keySet().stream()
                    .map(k -> doc.getDocument().getObjectFromPool(k)).toList()) {
                COSBase base = o.getObject();
                if (base instanceof COSStream stream) {
                    try (InputStream in = stream.createInputStream()) {
                        all.writeBytes(in.readAllBytes());
                    }
                }
            }
        }
        return all.toByteArray();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
