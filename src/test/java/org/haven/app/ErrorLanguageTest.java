package org.haven.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.haven.Haven;
import org.haven.common.HavenException;
import org.haven.common.Messages;
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
    void aWrongPasswordIsSaidInVietnamese() throws Exception {
        try (Haven ignored = TestHaven.create(home)) {
            // the database exists; now a wrong password
        }
        HavenException wrong = catchThrowableOfType(HavenException.class,
                () -> Haven.login(home, TestHaven.ADMIN, "not-the-password-1".toCharArray()).close());
        I18n.setLocale(Locale.forLanguageTag("vi"));
        assertThat(FxTasks.userMessage(wrong)).isEqualTo("Sai tên người dùng hoặc mật khẩu.");
    }
}
