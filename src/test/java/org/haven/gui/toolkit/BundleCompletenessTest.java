package org.haven.gui.toolkit;

import org.haven.core.common.Languages;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every key exists in every language, is not empty, and keeps the same {0} placeholders. */
class BundleCompletenessTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        Properties english = load("");
        assertThat(english).isNotEmpty();
        for (Locale locale : Languages.SUPPORTED) {
            if (locale.equals(Locale.ENGLISH)) continue;
            Properties other = load("_" + locale.toString());
            Set<String> missing = new TreeSet<>(english.stringPropertyNames());
            missing.removeAll(other.stringPropertyNames());
            assertThat(missing).as("keys missing in messages_" + locale).isEmpty();
            Set<String> extra = new TreeSet<>(other.stringPropertyNames());
            extra.removeAll(english.stringPropertyNames());
            assertThat(extra).as("keys in messages_" + locale + " that English does not have").isEmpty();
            for (String key : english.stringPropertyNames()) {
                String value = other.getProperty(key);
                assertThat(value).as(locale + ": " + key).isNotBlank();
                assertThat(placeholders(value)).as(locale + ": placeholders of " + key).isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    private static Properties load(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleCompletenessTest.class.getResourceAsStream("/i18n/messages" + suffix + ".properties")) {
            assertThat(in).as("bundle messages" + suffix + ".properties").isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
