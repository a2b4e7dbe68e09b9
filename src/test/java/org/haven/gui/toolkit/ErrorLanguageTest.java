package org.haven.gui.toolkit;

import org.haven.core.common.Languages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.common.Messages;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure of the core reaches a Khmer user in Khmer, and the command line and the log in English (ADR 13). */
class ErrorLanguageTest {
    @TempDir Path home;

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void aCaseThatNoLongerExistsIsSaidInTheWindowsLanguage() throws Exception {
        try (Haven haven = TestHaven.create(home)) {
            HavenException gone = catchThrowableOfType(HavenException.class, () -> haven.cases().open(UUID.randomUUID()));
            assertThat(gone.kind()).isEqualTo(HavenException.Kind.NOT_FOUND);
            assertThat(gone.getMessage()).as("the CLI's and the log's English").isEqualTo("This case no longer exists.");

            I18n.setLocale(Locale.forLanguageTag("km"));
            assertThat(FxTasks.userMessage(gone)).isEqualTo(Messages.of(Locale.forLanguageTag("km")).t("error.caseGone"))
                    .isNotEqualTo(gone.getMessage());
            for (Locale language : Languages.SUPPORTED) {
                I18n.setLocale(language);
                assertThat(FxTasks.userMessage(gone)).as(language.toString()).doesNotStartWith("!").isNotBlank();
            }
        }
    }

    @Test
    void anImpossibleEventDateIsSaidInKhmerWhileTheCliKeepsItsEnglish() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 3, 1);
        org.haven.core.common.ValidationErrors errors = org.haven.core.timeline.EventValidator.validate(
                org.haven.core.timeline.EventType.MEDICAL, today.plusDays(3), org.haven.core.timeline.DatePrecision.DAY, null, today);
        assertThat(errors.get("date")).as("the CLI's and the import report's English")
                .isEqualTo("cannot be in the future (only hearings and follow-ups are planned ahead)");
        HavenException refused = catchThrowableOfType(HavenException.class, errors::throwIfAny);
        assertThat(refused.getMessage()).isEqualTo("Invalid input: date: cannot be in the future (only hearings and follow-ups are planned ahead)");

        I18n.setLocale(Locale.forLanguageTag("km"));
        assertThat(ValidationText.of(errors, "date"))
                .isEqualTo("មិនអាចជាថ្ងៃអនាគតបានទេ (មានតែសវនាការ និងការតាមដានប៉ុណ្ណោះ ដែលអាចគ្រោងទុកជាមុនបាន)។");
        for (Locale language : Languages.SUPPORTED) {
            I18n.setLocale(language);
            assertThat(ValidationText.of(errors, "date")).as(language.toString()).doesNotStartWith("!").isNotBlank();
        }
        assertThat(ValidationText.of(errors, "note")).as("no error, nothing to say").isNull();
    }

    @Test
    void aRaggedImportFileIsRefusedInKhmerNamingTheRow() throws Exception {
        try (Haven haven = TestHaven.create(home)) {
            java.nio.file.Path file = home.resolveSibling("ragged.csv");
            java.nio.file.Files.writeString(file, "name,sex,age,document status\nA,F,20,held\nB,F,20\n");
            HavenException bad = catchThrowableOfType(HavenException.class, () -> haven.importer()
                    .importFile(file, null, org.haven.core.intake.ImportService.Target.create("Raid X"), false, false));
            assertThat(bad.kind()).isEqualTo(HavenException.Kind.BAD_INPUT);
            assertThat(bad.getMessage()).as("the CLI's and the log's English, as before")
                    .isEqualTo("Row 3 has 3 fields but the header has 4: check the separators and quotes in that row.");

            I18n.setLocale(Locale.forLanguageTag("km"));
            assertThat(FxTasks.userMessage(bad)).isEqualTo(
                    "ជួរដេក 3 មាន 3 វាល ប៉ុន្តែក្បាលមាន 4៖ សូមពិនិត្យសញ្ញាបំបែក និងសញ្ញាសម្រង់ក្នុងជួរដេកនោះ។");
            for (Locale language : Languages.SUPPORTED) {
                I18n.setLocale(language);
                assertThat(FxTasks.userMessage(bad)).as(language.toString()).doesNotStartWith("!").contains("3").contains("4");
            }
        }
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedInChineseAndTheCliKeepsItsEnglish() throws Exception {
        try (Haven haven = TestHaven.create(home)) {
            java.nio.file.Path file = home.resolveSibling("latin1.csv");
            java.nio.file.Files.write(file, "name,sex,age,document status\nNguy\u00e9n,F,20,held\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            HavenException bad = catchThrowableOfType(HavenException.class, () -> haven.importer()
                    .importFile(file, null, org.haven.core.intake.ImportService.Target.create("Raid X"), false, false));
            assertThat(bad.getMessage()).isEqualTo(
                    "The file is not UTF-8 text: save it from the spreadsheet as 'CSV UTF-8' and import it again.");
            I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertThat(FxTasks.userMessage(bad)).isEqualTo("该文件不是 UTF-8 文本：请在电子表格中另存为“CSV UTF-8”后重新导入。");
        }
    }

    @Test
    void anEmptiedDatabaseFileIsSaidInIndonesian() throws Exception {
        try (Haven ignored = TestHaven.create(home)) {
            // the database exists; then a failed copy leaves its file empty
        }
        java.nio.file.Files.write(home.resolve("haven.mv.db"), new byte[0]);
        HavenException damaged = catchThrowableOfType(HavenException.class,
                () -> Haven.login(home, TestHaven.ADMIN, TestHaven.PASSWORD).close());
        assertThat(damaged.getMessage())
                .isEqualTo("The database file (haven.mv.db) is damaged (it is empty): restore the data folder from a backup.");
        I18n.setLocale(Locale.forLanguageTag("id"));
        assertThat(FxTasks.userMessage(damaged)).isEqualTo("Berkas basis data (haven.mv.db) rusak (kosong): pulihkan folder data dari cadangan.");
    }

    @Test
    void aWrongPasswordIsSaidInVietnamese() throws Exception {
        try (Haven ignored = TestHaven.create(home)) {
            // the database exists; now a wrong password
        }
        HavenException wrong = catchThrowableOfType(HavenException.class,
                () -> Haven.login(home, TestHaven.ADMIN, "not-the-password-1".toCharArray()).close());
        I18n.setLocale(Locale.forLanguageTag("vi"));
        assertThat(FxTasks.userMessage(wrong)).isEqualTo("Sai tên người dùng hoặc mật khẩu.");
    }

    @Test
    void aJoinIntoAFolderThatIsNotEmptyIsRefusedInVietnameseNamingTheFolder() throws Exception {
        java.nio.file.Files.writeString(home.resolve("notes.txt"), "x");
        HavenException refused = catchThrowableOfType(HavenException.class, () -> org.haven.core.sync.Join.join(home,
                "https://127.0.0.1:8443", "SHA256:" + "A".repeat(43), "caseworker", "a-password-1".toCharArray()));
        assertThat(refused.kind()).isEqualTo(HavenException.Kind.BAD_INPUT);
        assertThat(refused.getMessage()).as("the CLI's English, word for word as before").isEqualTo("The data folder " + home
                + " is not empty: join makes a new laptop database in an empty folder (set HAVEN_HOME).");
        I18n.setLocale(Locale.forLanguageTag("vi"));
        assertThat(FxTasks.userMessage(refused)).isEqualTo("Thư mục dữ liệu " + home
                + " không trống: join tạo cơ sở dữ liệu máy xách tay mới trong một thư mục trống (đặt HAVEN_HOME).");
        for (Locale language : Languages.SUPPORTED) {
            I18n.setLocale(language);
            assertThat(FxTasks.userMessage(refused)).as(language.toString()).doesNotStartWith("!").contains(home.toString());
        }
    }

    @Test
    void aFingerprintThatIsNotOneIsRefusedInKhmer() {
        HavenException refused = catchThrowableOfType(HavenException.class, () -> org.haven.core.sync.Join.join(home,
                "https://127.0.0.1:8443", "12:34", "caseworker", "a-password-1".toCharArray()));
        assertThat(refused.getMessage()).isEqualTo("--fingerprint must be the SHA256:... line that 'haven serve' printed.");
        I18n.setLocale(Locale.forLanguageTag("km"));
        assertThat(FxTasks.userMessage(refused)).isEqualTo("--fingerprint ត្រូវតែជាបន្ទាត់ SHA256:... ដែល 'haven serve' បានបោះពុម្ព។");
    }

    @Test
    void anUnknownRoleIsRefusedInChineseQuotingWhatWasTyped() {
        HavenException refused = catchThrowableOfType(HavenException.class, () -> org.haven.core.security.Role.parse("boss"));
        assertThat(refused.getMessage()).as("the apostrophes survive the message format")
                .isEqualTo("Unknown role 'boss': use caseworker, coordinator or admin.");
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(FxTasks.userMessage(refused)).isEqualTo("未知角色“boss”：请使用 caseworker、coordinator 或 admin。");
    }

    @Test
    void aCaseworkerRefusedAnAdministratorsTaskIsToldInIndonesian() {
        var caseworker = new org.haven.core.security.User(UUID.randomUUID(), "cw", "cw",
                java.util.EnumSet.of(org.haven.core.security.Role.CASEWORKER), true);
        HavenException denied = catchThrowableOfType(HavenException.class,
                () -> new org.haven.core.security.Session(caseworker).require(org.haven.core.security.Role.ADMIN));
        assertThat(denied.kind()).isEqualTo(HavenException.Kind.DENIED);
        assertThat(denied.getMessage()).isEqualTo("Not allowed: this needs the admin role.");
        I18n.setLocale(Locale.forLanguageTag("id"));
        assertThat(FxTasks.userMessage(denied)).isEqualTo("Tidak diizinkan: ini memerlukan peran admin.");
    }
}
