package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identified export as a partner receives it, through the real command: words instead of codes,
 * the columns asked for, an .xlsx, and an AES-encrypted .xlsx that opens with the password only.
 */
class IdentifiedExportCliTest {
    @TempDir Path dir;


    HavenCli.Run haven(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return new HavenCli(dir, "boss", "secret-pass-123").run(env, args);
    }

    @Test
    void labelsFieldsXlsxAndPassword() throws Exception {
        assertThat(haven(Map.of(), "init", "--admin", "boss").exit()).isZero();
        assertThat(haven(Map.of(), "demo", "--people", "30", "--seed", "4").exit()).isZero();

        // CSV: words, not codes.
        Path csv = dir.resolve("all.csv");
        HavenCli.Run plain = haven(Map.of(), "export", "--identified", "--consent-override", "tests: consent not recorded", "-o", csv.toString());
        assertThat(plain.exit()).as(plain.err()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).startsWith("\uFEFFcase_number,status,outcome");
        String body = String.join("\n", lines.subList(1, lines.size()));
        assertThat(body).containsAnyOf(",Female,", ",Male,").containsAnyOf(",yes,", ",no,");
        assertThat(body).doesNotContain(",FEMALE,", ",MALE,", ",true,", ",false,", ",HELD,", ",WITH_POLICE,", ",CONFISCATED,");
        assertThat(body).containsAnyOf("Vietnam", "Indonesia", "China", "Philippines");

        // Field selection, validated.
        Path some = dir.resolve("some.csv");
        assertThat(haven(Map.of(), "export", "--identified", "--consent-override", "tests: consent not recorded", "--fields", "name_latin,case_number,sex", "-o", some.toString()).exit()).isZero();
        List<String> someLines = Files.readAllLines(some, StandardCharsets.UTF_8);
        assertThat(someLines.getFirst()).isEqualTo("\uFEFFname_latin,case_number,sex");
        assertThat(someLines).hasSize(lines.size());
        HavenCli.Run unknown = haven(Map.of(), "export", "--identified", "--consent-override", "tests: consent not recorded", "--fields", "name_latin,shoe_size", "-o", dir.resolve("x.csv").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err().strip()).startsWith("haven: Unknown field 'shoe_size'").doesNotContain("Exception");
        assertThat(dir.resolve("x.csv")).doesNotExist();

        // Plain .xlsx.
        Path xlsx = dir.resolve("all.xlsx");
        assertThat(haven(Map.of(), "export", "--identified", "--consent-override", "tests: consent not recorded", "-o", xlsx.toString()).exit()).isZero();
        try (Workbook book = WorkbookFactory.create(xlsx.toFile())) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("case_number");
            assertThat(sheet.getLastRowNum()).isEqualTo(lines.size() - 1);
            int sex = IdentifiedExportColumns.index("sex");
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                assertThat(sheet.getRow(i).getCell(sex).getStringCellValue()).isIn("Female", "Male", "Transgender / non-conforming", "Unknown");
            }
        }

        // Encrypted: refused without a password; opens with it, in a standard reader, and not without it.
        Path locked = dir.resolve("locked.xlsx");
        HavenCli.Run noPassword = haven(Map.of(), "export", "--identified", "--consent-override", "tests: consent not recorded", "--password-protect", "-o", locked.toString());
        assertThat(noPassword.exit()).isEqualTo(2);
        assertThat(noPassword.err().strip()).contains("HAVEN_EXPORT_PASSWORD");
        assertThat(locked).doesNotExist();
        HavenCli.Run csvPassword = haven(Map.of("HAVEN_EXPORT_PASSWORD", "partner-pass-2026"), "export", "--identified", "--consent-override", "tests: consent not recorded",
                "--password-protect", "-o", dir.resolve("l.csv").toString());
        assertThat(csvPassword.exit()).isEqualTo(2);
        HavenCli.Run ok = haven(Map.of("HAVEN_EXPORT_PASSWORD", "partner-pass-2026"), "export", "--identified", "--consent-override", "tests: consent not recorded",
                "--password-protect", "--fields", "case_number,name_latin,document_status", "-o", locked.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.errorLines()).hasSize(1);
        byte[] bytes = Files.readAllBytes(locked);
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("case_number").doesNotContain("name_latin");

        try (POIFSFileSystem fs = new POIFSFileSystem(locked.toFile(), true)) {
            EncryptionInfo info = new EncryptionInfo(fs);
            assertThat(info.getEncryptionMode()).isEqualTo(EncryptionMode.agile);
            assertThat(info.getHeader().getCipherAlgorithm().jceId).isEqualTo("AES");
            Decryptor d = Decryptor.getInstance(info);
            assertThat(d.verifyPassword("wrong-password")).isFalse();
            assertThat(d.verifyPassword("partner-pass-2026")).isTrue();
            try (InputStream in = d.getDataStream(fs); XSSFWorkbook book = new XSSFWorkbook(in)) {
                Row head = book.getSheetAt(0).getRow(0);
                assertThat(head.getCell(0).getStringCellValue()).isEqualTo("case_number");
                assertThat(head.getCell(2).getStringCellValue()).isEqualTo("document_status");
                assertThat(book.getSheetAt(0).getRow(1).getCell(2).getStringCellValue())
                        .isIn("No document", "Held by the person", "Confiscated", "Lost", "With police", "With embassy", "Not known");
            }
        }
        try (Workbook book = WorkbookFactory.create(locked.toFile(), "partner-pass-2026")) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(lines.size() - 1);
        }
        assertThatThrownBy(() -> WorkbookFactory.create(locked.toFile(), "not-the-password"))
                .isInstanceOf(EncryptedDocumentException.class);

        // Audited with format, encryption and columns, never the data.
        HavenCli.Run audit = haven(Map.of(), "audit", "verify");
        assertThat(audit.exit()).isZero();
    }

    /** Column positions of the default header, for reading cells back. */
    static final class IdentifiedExportColumns {
        static int index(String column) {
            return org.haven.core.exports.IdentifiedExport.HEADER.indexOf(column);
        }
    }
}
