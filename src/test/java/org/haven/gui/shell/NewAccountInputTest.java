package org.haven.gui.shell;

import org.haven.gui.toolkit.I18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The first administrator typed on a set-up screen: each problem said in the window's language, in order. */
class NewAccountInputTest {
    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void aShortPasswordThenADifferentRepeatThenABadNameAreRefusedAndAGoodOneIsNot() {
        assertThat(NewAccountInput.problem("sokha", "short", "short")).isEqualTo(I18n.t("setup.tooShort", 10));
        assertThat(NewAccountInput.problem("sokha", "long enough 1", "long enough 2")).isEqualTo(I18n.t("setup.mismatch"));
        assertThat(NewAccountInput.problem("Sokha Chan!", "long enough 1", "long enough 1")).isEqualTo(I18n.t("setup.badUser"));
        assertThat(NewAccountInput.problem("sokha", "long enough 1", "long enough 1")).isNull();
    }

    @Test
    void problemsAreSaidInKhmer() {
        I18n.setLocale(Locale.forLanguageTag("km"));
        assertThat(NewAccountInput.problem("sokha", "a", "a")).isEqualTo(I18n.t("setup.tooShort", 10)).doesNotContain("password");
    }
}
