package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A police list written in one script only (Khmer or Chinese, no Latin column) is imported through
 * the real command; the people are found by a Latin spelling, and what the list said is kept as written.
 */
class OneScriptListCliTest {
    @TempDir Path dir;

    @Test
    void aKhmerOnlyListIsImportedAndFoundByLatinSpelling() throws Exception {
        Path list = dir.resolve("khmer.csv");
        Files.writeString(list, "ឈ្មោះ,ភេទ,សញ្ជាតិ\nសុខ ដារ៉ា,ស្រី,KH\nចាន់ វណ្ណា,ប្រុស,KH\n", StandardCharsets.UTF_8);
        assertThat(haven("init", "--admin", "boss").exit()).isZero();

        HavenCli.Run imported = haven("import", list.toString(), "--new-operation", "Raid Bavet");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo("imported 2\n");

        HavenCli.Run found = haven("search", "dara");
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(found.out()).contains("\tSokh Dara\tសុខ ដារ៉ា\t");
        assertThat(haven("search", "chan").out()).contains("\tចាន់ វណ្ណា\t");
        assertThat(nativeNames()).containsExactlyInAnyOrder("សុខ ដារ៉ា", "ចាន់ វណ្ណា");
    }

    @Test
    void aChineseOnlyListIsImportedAndFoundByPinyin() throws Exception {
        Path list = dir.resolve("chinese.csv");
        Files.writeString(list, "姓名,性别,国籍\n王小明,男,中国\n李娜,女,中国\n", StandardCharsets.UTF_8);
        assertThat(haven("init", "--admin", "boss").exit()).isZero();

        HavenCli.Run imported = haven("import", list.toString(), "--new-operation", "Raid Kampot");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo("imported 2\n");

        HavenCli.Run found = haven("search", "wang xiaoming");
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(found.out()).contains("\tWang Xiaoming\t王小明\t");
        assertThat(haven("search", "li na").out()).contains("\tLi Na\t李娜\t");
        assertThat(nativeNames()).containsExactlyInAnyOrder("王小明", "李娜");
    }

    @Test
    void aListWithNoNameColumnAtAllIsStillRefused() throws Exception {
        Path list = dir.resolve("nameless.csv");
        Files.writeString(list, "Sex,Nationality\nF,KH\n", StandardCharsets.UTF_8);
        assertThat(haven("init", "--admin", "boss").exit()).isZero();
        HavenCli.Run refused = haven("import", list.toString(), "--new-operation", "Raid Poipet");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("name_latin (or name_native)");
    }

    /** The native names as stored, read back through the identified export. */
    private List<String> nativeNames() throws IOException, InterruptedException {
        Path out = dir.resolve("export.csv");
        HavenCli.Run export = haven("export", "--identified", "--fields", "name_native", "--consent-override", "tests: consent not recorded",
                "-o", out.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.replace("\"", "")).toList();
    }

    private HavenCli.Run haven(String... args) throws IOException, InterruptedException {
        return new HavenCli(dir, "boss", "secret-pass-123").run(args);
    }
}
