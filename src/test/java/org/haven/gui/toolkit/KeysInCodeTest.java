package org.haven.gui.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key the code asks for by name (`I18n.t("...")`, `messages.t("...")`) is in the English
 * bundle, so (with {@link BundleCompletenessTest}) in all five: a missing one shows as !key!.
 */
class KeysInCodeTest {
    private static final Pattern KEY_CALL = Pattern.compile("\\bt\\(\\s*\"([A-Za-z][\\w-]*(?:\\.[\\w-]+)+)\"");

    @Test
    void everyKeyUsedInTheCodeIsInTheBundle() throws IOException {
        ResourceBundle english = ResourceBundle.getBundle("i18n.messages", java.util.Locale.ROOT);
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/haven"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_CALL.matcher(Files.readString(file));
                while (m.find()) {
                    found++;
                    if (!english.containsKey(m.group(1))) missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(found).as("keys found in the code").isGreaterThan(500);
        assertThat(missing).as("keys used in the code but missing from messages.properties").isEmpty();
    }
}
