package org.haven.core.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.haven.core.common.HavenException;
import org.haven.core.common.Messages;
import org.haven.core.exports.AnonymizedExporter;
import org.haven.core.screening.SharingConsent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refusals of the logo, the export's k and missing consent carry a key: the CLI keeps its English
 * word for word, and a Vietnamese, Chinese or Khmer user reads the same refusal in their language.
 */
class RefusalLanguageTest {
    @TempDir Path dir;

    private static String in(String language, HavenException e) {
        return Messages.of(Locale.forLanguageTag(language)).t(e.key(), e.args());
    }

    @Test
    void aLogoThatIsNotAnImageIsRefusedInTheUsersLanguage() throws Exception {
        Path text = Files.writeString(dir.resolve("logo.png"), "not an image at all");
        HavenException refused = catchThrowableOfType(HavenException.class, () -> OrganisationSettings.readLogo(text));
        assertThat(refused.kind()).isEqualTo(HavenException.Kind.BAD_INPUT);
        assertThat(refused.getMessage()).isEqualTo("The logo must be a PNG or JPEG image.");
        assertThat(in("vi", refused)).isEqualTo("Logo phải là ảnh PNG hoặc JPEG.");

        HavenException missing = catchThrowableOfType(HavenException.class, () -> OrganisationSettings.readLogo(dir.resolve("gone.png")));
        assertThat(missing.getMessage()).isEqualTo("The logo file does not exist: gone.png.");
        assertThat(in("zh-CN", missing)).isEqualTo("徽标文件不存在：gone.png。");
    }

    @Test
    void aSmallerKIsRefusedWithItsNumbersInEveryLanguage() {
        HavenException lowered = catchThrowableOfType(HavenException.class,
                () -> AnonymizedExporter.effectiveK(AnonymizedExporter.Preset.PUBLIC, 7));
        assertThat(lowered.getMessage()).isEqualTo("--k can only raise the public preset's k (11), not lower it.");
        for (Locale language : Messages.SUPPORTED) {
            assertThat(Messages.of(language).t(lowered.key(), lowered.args())).as(language.toString())
                    .contains("public").contains("11").doesNotStartWith("!");
        }
    }

    @Test
    void missingConsentNamesThreeCasesAndCountsTheRest() {
        HavenException refused = SharingConsent.missing(List.of("A-1", "A-2", "A-3", "A-4", "A-5"));
        assertThat(refused.getMessage()).isEqualTo("No consent to data sharing is recorded for A-1, A-2, A-3 and 2 more: "
                + "give a reason to override (--consent-override \"REASON\"); nothing was written.");
        assertThat(in("km", refused)).contains("A-1, A-2, A-3").contains("2").contains("--consent-override")
                .isNotEqualTo(refused.getMessage());
        assertThat(SharingConsent.missing(List.of("A-1")).getMessage()).isEqualTo("No consent to data sharing is recorded for A-1: "
                + "give a reason to override (--consent-override \"REASON\"); nothing was written.");
    }
}
