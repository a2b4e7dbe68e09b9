package org.haven.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness on a tiny database: it runs every step and writes a well-formed report. Speed is not tested. */
class BenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void runsOnATinyDatabaseAndWritesTheReport() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Benchmarks\n\nHand-written notes stay.\n\n" + Benchmark.BEGIN + "\nold\n" + Benchmark.END + "\n\nAfter.\n");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Benchmark.Report report = Benchmark.run(new Benchmark.Options(200, 7, dir.resolve("work"), doc, false),
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(report.rows()).extracting(BenchStep.BenchResult::measure).contains(
                "build the database (DemoData)",
                "search: CaseService.page, page + capped count (as the list)",
                "search: raw JDBC, same rows",
                "search: service / raw JDBC (p95)",
                "open a case (CaseService.open, whole timeline)",
                "save the person form (CaseService.updatePerson + audit)",
                "scroll all cases: peak live heap (after GC)");
        assertThat(report.rows()).noneMatch(r -> r.value().equals("failed"));
        assertThat(report.rows()).filteredOn(r -> r.measure().startsWith("search: CaseService"))
                .allMatch(r -> !r.note().contains("differ"), "service and JDBC return the same rows");
        String[] tsv = report.tsv().split("\n");
        assertThat(tsv[0]).isEqualTo("measure\tvalue\tgoal\tmet\tnote");
        assertThat(tsv).allMatch(line -> line.split("\t", -1).length == 5);

        String written = Files.readString(doc);
        assertThat(written).contains("Hand-written notes stay.", "After.", "| measure | value | goal | met | note |",
                "200 people", "Machine: ").doesNotContain("\nold\n");
    }

    @Test
    void prefixesCoverSeveralScriptsAndCaseNumbers() throws Exception {
        try (var haven = org.haven.testing.TestHaven.create(dir.resolve("home"))) {
            new org.haven.core.demo.DemoData(haven, 3).generate(300, null);
            var prefixes = CaseListBench.prefixes(haven, 3, 200);
            assertThat(prefixes).hasSize(200);
            assertThat(prefixes).anyMatch(p -> p.codePoints().anyMatch(cp -> cp > 0x0E00)); // Thai, Lao, Khmer, CJK...
            assertThat(prefixes).anyMatch(p -> p.matches("[0-9]+"));
            assertThat(prefixes).anyMatch(p -> p.contains(" "));
        }
    }

    @Test
    void aKeepFolderThatCannotBeCreatedIsBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Benchmark.run(
                        new Benchmark.Options(10, 7, file.resolve("work"), null, false), new PrintStream(new ByteArrayOutputStream())))
                .isInstanceOfSatisfying(org.haven.core.common.HavenException.class,
                        e -> assertThat(e.kind()).isEqualTo(org.haven.core.common.HavenException.Kind.BAD_INPUT))
                .hasMessageContaining("--keep folder");
    }
}
