package org.haven.gui.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Views take every user-visible text from the resource bundle. This scans the UI sources for a
 * string literal with letters passed straight to a text-bearing call or constructor.
 */
class NoHardCodedTextTest {
    private static final Pattern LITERAL_TEXT = Pattern.compile(
            "(new (Label|Button|CheckBox|RadioButton|ToggleButton|MenuItem|Menu|Tab|TitledPane|Hyperlink|Text|Tooltip|CheckMenuItem)"
            + "|\\.(setText|setTitle|setHeaderText|setContentText|setPromptText|setPlaceholder))\\(\\s*\"([^\"]*\\p{L}[^\"]*)\"");

    @Test
    void viewsUseTheBundle() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/haven"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/gui/")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = LITERAL_TEXT.matcher(lines.get(i));
                    if (m.find()) offenders.add(file.getFileName() + ":" + (i + 1) + " \"" + m.group(4) + "\"");
                }
            }
        }
        assertThat(offenders).as("hard-coded UI text (use I18n.t)").isEmpty();
    }
}
