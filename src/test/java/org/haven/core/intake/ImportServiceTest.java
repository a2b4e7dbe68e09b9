package org.haven.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.haven.core.Haven;
import org.haven.core.cases.CaseDetails;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;
import org.haven.core.common.HavenException;
import org.haven.core.operations.Operation;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.core.security.AuditLog;
import org.haven.testing.TestHaven;
import org.haven.core.timeline.EventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV import against a real encrypted database. */
class ImportServiceTest {
    @TempDir Path dir;
    Haven haven;
    ImportService service;
    Operation raid;

    @BeforeEach
    void open() {
        haven = TestHaven.create(dir.resolve("home"));
        service = new ImportService(haven, candidate -> List.of());
        raid = haven.operations().create(new Operation(null, "OP-TEST-1", "Raid test", LocalDate.now().minusDays(2),
                "Preah Sihanouk", null, null, null, null, 0));
    }

    @AfterEach
    void close() {
        haven.close();
    }

    /** A police list as a spreadsheet exports it: BOM, semicolons, CRLF, quoted commas and line breaks, many scripts. */
    static final String MANY_SCRIPTS = "\uFEFFFull name;Native name;Gender;Date of birth;Age;Nationality;Language;Interpreter;Document status;Passport no;Aliases\r\n"
            + "Nguyen Thi Lan;Nguyễn Thị Lan;F;1999-03-04;;Vietnam;Vietnamese;yes;confiscated;C1234567;\"Lan, Lanh\"\r\n"
            + "Wang Wei;王伟;M;;31;CHN;Mandarin;no;lost;;\r\n"
            + "Sok Dara;សុខ ដារ៉ា;male;25/12/2001;;KH;Khmer;1;with police;;\r\n"
            + "Somchai Jaidee;สมชาย ใจดี;M;;28;Thailand;Thai;0;held;AA12345;\"Chai; Chaiya\"\r\n"
            + "Aung Kyaw;အောင်ကျော်;m;1995-07-01;;MMR;Burmese;true;none;;\r\n";

    @Test
    void importsAListInManyScriptsAndEachPersonIsFoundBySearch() throws IOException {
        Path file = write("list.csv", MANY_SCRIPTS);

        ImportService.Report report = service.importFile(file, null, ImportService.Target.existing("op-test-1"), false, false);

        assertThat(report.imported()).isEqualTo(5);
        assertThat(report.committed()).isTrue();
        assertThat(report.rejected()).isEmpty();
        assertThat(names("Nguyễn")).containsExactly("Nguyen Thi Lan");
        assertThat(names("王伟")).containsExactly("Wang Wei");
        assertThat(names("ដារ៉ា")).containsExactly("Sok Dara");
        assertThat(names("สมชาย")).containsExactly("Somchai Jaidee");
        assertThat(names("အောင်ကျော်")).containsExactly("Aung Kyaw");
        assertThat(names("lanh")).containsExactly("Nguyen Thi Lan");

        CaseListItem item = haven.cases().search(CaseQuery.text("somchai", 10)).getFirst();
        CaseDetails details = haven.cases().open(item.caseId());
        Person p = details.person();
        assertThat(p.nameNative()).isEqualTo("สมชาย ใจดี");
        assertThat(p.aliases()).isEqualTo("Chai; Chaiya"); // a line break in a name or alias is refused since issue 14
        assertThat(p.sex()).isEqualTo(Sex.MALE);
        assertThat(p.estimatedAge()).isEqualTo(28);
        assertThat(p.nationality()).isEqualTo("TH");
        assertThat(p.documentStatus()).isEqualTo(DocumentStatus.HELD);
        assertThat(p.documentNumber()).isEqualTo("AA12345");
        assertThat(details.caseFile().operationId()).isEqualTo(raid.id());
        assertThat(details.caseFile().openedOn()).isEqualTo(raid.date());
        assertThat(details.events()).extracting(e -> e.type()).containsExactly(EventType.IDENTIFICATION);

        Person sok = haven.cases().open(haven.cases().search(CaseQuery.text("dara", 10)).getFirst().caseId()).person();
        assertThat(sok.birthDate()).isEqualTo(LocalDate.of(2001, 12, 25));
        assertThat(sok.interpreterNeeded()).isTrue();
        assertThat(AuditLog.verify(haven.database().dsl()).intact()).isTrue();
    }

    @Test
    void anyBadRowMeansNothingIsImportedAndEveryBadRowIsReportedByRowAndFieldWithoutItsValue() throws IOException {
        String future = LocalDate.now().plusYears(1).toString();
        Path file = write("bad.csv", "name,sex,dob,age,nationality,document status,passport\n"
                + "Good Person,F,,25,VN,held,\n"                         // row 2
                + "Future Born,F," + future + ",,VN,held,\n"             // row 3
                + "\"Multi\nLine Name\",M,,30,VN,held,\n"                // row 4 (one spreadsheet row; a line break in a name is refused)
                + "Bad Sex,Q,,30,Narnialand,held,\n"                     // row 5
                + ",M,,130,VN,none,X99999\n"                             // row 6
                + "Good Two,M,,40,KH,lost,\n");                          // row 7

        ImportService.Report report = service.importFile(file, null, ImportService.Target.existing("OP-TEST-1"), false, false);

        assertThat(report.committed()).isFalse();
        assertThat(report.imported()).isZero();
        List<String> lines = report.rejected().stream().flatMap(r -> r.errorLines().stream()).toList();
        assertThat(lines).containsExactly(
                "row 3: date_of_birth: cannot be in the future",
                "row 4: name_latin: contains control or hidden formatting characters",
                "row 5: sex: not a known value (male, female, transgender/nonconforming, unknown)",
                "row 5: nationality: not a known country (use an ISO code or the English name)",
                "row 6: name_latin: required",
                "row 6: age: must be between 0 and 100",
                "row 6: document_number: must be empty when there is no document");
        assertThat(String.join("\n", lines)).doesNotContain(future, "Narnialand", "X99999", "130", "Future Born");
        assertThat(haven.cases().count(CaseQuery.text("", 10))).isZero();
    }

    @Test
    void skipInvalidImportsTheValidRowsAndReportsTheOthers() throws IOException {
        Path file = write("bad.csv", "name,sex,age,document status\nGood One,F,20,held\nBad,Z,20,held\nGood Two,M,21,none\n");

        ImportService.Report report = service.importFile(file, null, ImportService.Target.existing("OP-TEST-1"), true, false);

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).extracting(ImportService.RowResult::rowNumber).containsExactly(3);
        assertThat(names("good")).containsExactlyInAnyOrder("Good One", "Good Two");
    }

    @Test
    void dryRunReportsWithoutWritingEvenANewOperation() throws IOException {
        Path file = write("ok.csv", "name,sex,age,document status\nGood One,F,20,held\nGood Two,M,21,none\n");
        int operations = haven.operations().list().size();

        ImportService.Report report = service.importFile(file, null, ImportService.Target.create("Raid Bavet"), false, true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.committed()).isFalse();
        assertThat(haven.cases().count(CaseQuery.text("", 10))).isZero();
        assertThat(haven.operations().list()).hasSize(operations);
    }

    @Test
    void newOperationIsCreatedInTheSameTransaction() throws IOException {
        Path file = write("ok.csv", "name,sex,age,document status\nGood One,F,20,held\n");

        ImportService.Report report = service.importFile(file, null, ImportService.Target.create("Raid Bavet"), false, false);

        Operation created = haven.operations().findByCode(report.operationCode()).orElseThrow();
        assertThat(created.name()).isEqualTo("Raid Bavet");
        assertThat(created.code()).startsWith("OP-" + LocalDate.now().getYear() + "-");
        CaseListItem item = haven.cases().search(CaseQuery.text("good", 10)).getFirst();
        assertThat(haven.cases().open(item.caseId()).caseFile().operationId()).isEqualTo(created.id());
    }

    @Test
    void aFailedImportLeavesNoNewOperationBehind() throws IOException {
        Path file = write("bad.csv", "name,sex,age,document status\nGood One,F,20,held\nBad,Z,20,held\n");
        int operations = haven.operations().list().size();

        ImportService.Report report = service.importFile(file, null, ImportService.Target.create("Raid Bavet"), false, false);

        assertThat(report.committed()).isFalse();
        assertThat(haven.operations().list()).hasSize(operations);
    }

    @Test
    void aMappingFileNamesTheColumns() throws IOException {
        Path file = write("odd.tsv", "Col A\tCol B\tCol C\tCol D\tName\n"
                + "Tran Van Hung\tMale\t2000-01-02\tVNM\tignored column\n");
        Path mapping = write("map.txt", "# Haven field = CSV header\nname_latin=Col A\nsex = col b\n\ndate_of_birth=Col C\nnationality=Col D\n");
        // document_status is not in the file at all: police lists rarely say, so it is recorded as unknown.
        ImportService.Report first = service.importFile(file, mapping, ImportService.Target.existing("OP-TEST-1"), false, false);
        assertThat(first.imported()).isEqualTo(1);
        Person unknownDocument = haven.cases().open(haven.cases().search(CaseQuery.text("hung", 10)).getFirst().caseId()).person();
        assertThat(unknownDocument.documentStatus()).isEqualTo(DocumentStatus.UNKNOWN);

        Path file2 = write("odd2.tsv", "Col A\tCol B\tCol C\tCol D\tName\tWhere\n"
                + "Tran Van Hung\tMale\t2000-01-02\tVNM\tignored column\tconfiscated\n");
        Path mapping2 = write("map2.txt", "name_latin=Col A\nsex=Col B\ndate_of_birth=Col C\nnationality=Col D\ndocument_status=Where\n");
        ImportService.Report report = service.importFile(file2, mapping2, ImportService.Target.existing("OP-TEST-1"), false, false);

        assertThat(report.imported()).isEqualTo(1);
        Person p = haven.cases().open(haven.cases().search(CaseQuery.text("hung", 10)).getLast().caseId()).person();
        assertThat(p.nameLatin()).isEqualTo("Tran Van Hung");
        assertThat(p.nationality()).isEqualTo("VN");
        assertThat(p.birthDate()).isEqualTo(LocalDate.of(2000, 1, 2));
    }

    @Test
    void aBrokenMappingFileIsRefusedNamingItsLines() throws IOException {
        Path file = write("ok.csv", "name,sex,age,document status\nGood One,F,20,held\n");
        Path mapping = write("map.txt", "name_latin=name\nbirthday=dob\nsex=Gender\njust text\n");

        assertThatThrownBy(() -> service.importFile(file, mapping, ImportService.Target.existing("OP-TEST-1"), false, false))
                .isInstanceOf(HavenException.class)
                .hasMessageContaining("mapping line 2: 'birthday' is not a Haven field")
                .hasMessageContaining("mapping line 3: the CSV file has no column 'Gender'")
                .hasMessageContaining("mapping line 4: expected haven_field=CSV header");
        assertThat(haven.cases().count(CaseQuery.text("", 10))).isZero();
    }

    @Test
    void headersAreGuessedInManySpellingsAndLanguages() {
        ColumnMapping m = ColumnMapping.guess(List.of("Họ tên", "姓名", "Giới tính", "Ngày sinh", "Quốc tịch", "Ngôn ngữ",
                "Phiên dịch", "Document Status", "Số hộ chiếu", "Remarks"));
        assertThat(m.column(IntakeField.NAME_LATIN)).contains(0);
        assertThat(m.column(IntakeField.NAME_NATIVE)).contains(1);
        assertThat(m.column(IntakeField.SEX)).contains(2);
        assertThat(m.column(IntakeField.DATE_OF_BIRTH)).contains(3);
        assertThat(m.column(IntakeField.NATIONALITY)).contains(4);
        assertThat(m.column(IntakeField.LANGUAGES)).contains(5);
        assertThat(m.column(IntakeField.INTERPRETER_NEEDED)).contains(6);
        assertThat(m.column(IntakeField.DOCUMENT_STATUS)).contains(7);
        assertThat(m.column(IntakeField.DOCUMENT_NUMBER)).contains(8);
        assertThat(m.column(IntakeField.NOTES)).contains(9);

        ColumnMapping en = ColumnMapping.guess(List.of("DOB", "Citizenship", "Gender", "Latin Name", "Native Name", "Passport", "AKA", "Estimated age"));
        assertThat(en.column(IntakeField.DATE_OF_BIRTH)).contains(0);
        assertThat(en.column(IntakeField.NATIONALITY)).contains(1);
        assertThat(en.column(IntakeField.SEX)).contains(2);
        assertThat(en.column(IntakeField.NAME_LATIN)).contains(3);
        assertThat(en.column(IntakeField.NAME_NATIVE)).contains(4);
        assertThat(en.column(IntakeField.DOCUMENT_NUMBER)).contains(5);
        assertThat(en.column(IntakeField.ALIASES)).contains(6);
        assertThat(en.column(IntakeField.AGE)).contains(7);
    }

    @Test
    void datesAreReadOnlyWhenUnambiguous() {
        assertThat(RowParser.parseDate("1999-03-04").date()).isEqualTo(LocalDate.of(1999, 3, 4));
        assertThat(RowParser.parseDate("25/12/2001").date()).isEqualTo(LocalDate.of(2001, 12, 25));
        assertThat(RowParser.parseDate("12/25/2001").date()).isEqualTo(LocalDate.of(2001, 12, 25));
        assertThat(RowParser.parseDate("25.12.2001").date()).isEqualTo(LocalDate.of(2001, 12, 25));
        assertThat(RowParser.parseDate("05/05/2001").date()).isEqualTo(LocalDate.of(2001, 5, 5));
        assertThat(RowParser.parseDate("05/06/2001").error()).contains("ambiguous");
        assertThat(RowParser.parseDate("1999-02-30").error()).isEqualTo("not a real date");
        assertThat(RowParser.parseDate("March 1999").error()).contains("YYYY-MM-DD");
    }

    @Test
    void theDuplicateHookIsAskedForEveryValidRowAndItsFindingsReported() throws IOException {
        Path file = write("ok.csv", "name,sex,age,document status\nWang Wei,M,30,held\nLi Na,F,21,none\nBad,Z,20,held\n");
        List<String> asked = new java.util.ArrayList<>();
        ImportService withHook = new ImportService(haven, candidate -> {
            asked.add(candidate.nameLatin());
            return candidate.nameLatin().equals("Wang Wei")
                    ? List.of(new DuplicateHook.PossibleDuplicate("HVN-2026-ABC-000001", 87, "same name")) : List.of();
        });

        ImportService.Report report = withHook.importFile(file, null, ImportService.Target.existing("OP-TEST-1"), true, true);

        assertThat(asked).containsExactly("Wang Wei", "Li Na");
        assertThat(report.possibleDuplicates()).extracting(ImportService.RowResult::rowNumber).containsExactly(2);
        assertThat(report.possibleDuplicates().getFirst().duplicates().getFirst().caseNumber()).isEqualTo("HVN-2026-ABC-000001");
    }

    // --- malformed files: one clear message, nothing changed

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "name,sex,age,document status\nNguy\u1ec5n,F,20,held\n".replace("\u1ec5", "\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        assertBadFile(file, "not UTF-8");
    }

    @Test
    void aUtf16FileIsRefusedWithWhatToDo() throws IOException {
        Path file = dir.resolve("unicode.txt");
        Files.write(file, ("\uFEFFname\tsex\tage\tdocument status\nA\tF\t20\theld\n").getBytes(StandardCharsets.UTF_16LE));
        assertBadFile(file, "UTF-16");
    }

    @Test
    void aBinaryFileIsRefused() throws IOException {
        Path file = dir.resolve("photo.csv");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertBadFile(file, "binary");
    }

    @Test
    void raggedRowsAreRefusedNamingTheRow() throws IOException {
        assertBadFile(write("ragged.csv", "name,sex,age,document status\nA,F,20,held\nB,F,20\n"), "Row 3 has 3 fields but the header has 4");
    }

    @Test
    void unbalancedQuotesAreRefused() throws IOException {
        assertBadFile(write("quotes.csv", "name,sex,age,document status\n\"A,F,20,held\nB,F,20,held\n"), "quote");
    }

    @Test
    void emptyAndHeaderOnlyFilesAreRefused() throws IOException {
        assertBadFile(write("empty.csv", ""), "empty");
        assertBadFile(write("bom.csv", "\uFEFF\r\n"), "empty");
        assertBadFile(write("header.csv", "name,sex,age,document status\r\n"), "no rows");
    }

    @Test
    void hugeFilesAreRefusedBeforeReading() throws IOException {
        Path big = dir.resolve("big.csv");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(CsvFiles.MAX_BYTES + 1); // sparse: nothing is really written
        }
        assertBadFile(big, "larger than 50 MB");

        StringBuilder many = new StringBuilder("name,sex,age,document status\n");
        for (int i = 0; i <= CsvFiles.MAX_ROWS; i++) many.append("A,F,20,held\n");
        assertBadFile(write("many.csv", many.toString()), "more than 100000 rows");
    }

    @Test
    void aMissingFileAndAMissingRequiredColumnAreRefused() throws IOException {
        assertBadFile(dir.resolve("nope.csv"), "does not exist");
        assertBadFile(write("nosex.csv", "name,age\nA,20\n"), "No column holds sex (required)");
    }

    @Test
    void anUnknownOperationIsRefused() throws IOException {
        Path file = write("ok.csv", "name,sex,age,document status\nGood One,F,20,held\n");
        assertThatThrownBy(() -> service.importFile(file, null, ImportService.Target.existing("OP-NOPE"), false, false))
                .isInstanceOf(HavenException.class).hasMessageContaining("No operation with the code OP-NOPE");
    }

    private void assertBadFile(Path file, String message) {
        assertThatThrownBy(() -> service.importFile(file, null, ImportService.Target.create("Raid X"), false, false))
                .isInstanceOf(HavenException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.BAD_INPUT);
        assertThat(haven.cases().count(CaseQuery.text("", 10))).isZero();
        assertThat(haven.operations().list()).hasSize(1);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private List<String> names(String text) {
        return haven.cases().search(CaseQuery.text(text, 50)).stream().map(CaseListItem::nameLatin).toList();
    }
}
