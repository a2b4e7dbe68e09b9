package org.haven.gui.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.haven.core.common.ReadOnlyDataFolderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 14 item 11: the window says a read-only data folder in the user's language, naming the folder. */
class ReadOnlyFolderMessageTest {
    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void theWindowNamesTheReadOnlyFolderInTheUsersLanguage() {
        Path folder = Path.of("/media/usb/haven").toAbsolutePath();
        ReadOnlyDataFolderException error = new ReadOnlyDataFolderException(folder);

        I18n.setLocale(Locale.ENGLISH);
        assertThat(FxTasks.userMessage(error)).isEqualTo("The data folder " + folder
                + " is read-only: Haven needs to write there. Make it writable, or copy it to a writable place, and try again.");
        I18n.setLocale(Locale.forLanguageTag("vi"));
        assertThat(FxTasks.userMessage(error)).startsWith("Thư mục dữ liệu " + folder + " chỉ cho phép đọc");
        I18n.setLocale(Locale.forLanguageTag("km"));
        assertThat(FxTasks.userMessage(error)).contains(folder.toString()).doesNotContain("read-only", "!error");
    }
}
