package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `haven bench --db URL` from outside, on a tiny N against the test PostgreSQL: the side-by-side
 * table has every measure with a figure for both databases, the page gets its own section and the
 * embedded run's block is left as it was. No time is asserted.
 */
class BenchOfficeCliTest {
    @TempDir Path dir;

    @Test
    void benchWithDbMeasuresBothDatabasesAndWritesItsOwnSection() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        String embeddedBlock = "<!-- bench:begin (written by `haven bench`) -->\nthe embedded run's table\n<!-- bench:end -->";
        Files.writeString(doc, "# Benchmarks\n\n## Latest run\n\n" + embeddedBlock + "\n", StandardCharsets.UTF_8);
        HavenCli cli = new HavenCli(dir, "nobody", "not-used-by-bench");
        String url = TestPostgres.newDatabaseUrl();
        HavenCli.Run run = cli.run(Map.of("HAVEN_DB_USER", "postgres", "HAVEN_DB_PASSWORD", ""),
                "bench", "--people", "12", "--db", url, "--doc", doc.toString());
        assertThat(run.exit()).as(run.err()).isZero();

        List<String> lines = run.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("measure\tH2 (embedded)\tPostgreSQL (office)\tPostgreSQL/H2\tgoal\tmet");
        for (String measure : List.of("search: CaseService.page", "open a case", "save the person form (",
                "anonymized export", "one summary", "match one person, p95",
                "20 sessions at once: search", "20 sessions at once: save the person form")) {
            String[] cells = lines.stream().filter(l -> l.startsWith(measure)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row " + measure + " in\n" + run.out())).split("\t");
            assertThat(cells).as(measure).hasSize(6);
            // a figure on both sides: neither missing nor failed
            assertThat(Arrays.asList(cells[1], cells[2])).as(measure).doesNotContain("-", "failed");
        }
        assertThat(lines.stream().filter(l -> l.startsWith("20 sessions at once: search")).findFirst().orElseThrow())
                .contains("p95 <= 50 ms");

        String page = Files.readString(doc, StandardCharsets.UTF_8);
        assertThat(page).contains(embeddedBlock).contains("## Office database (PostgreSQL) side by side")
                .contains("| measure | H2 (embedded) | PostgreSQL (office) | PostgreSQL / H2 | goal | met |");

        // a second run reuses what the first built on the server, and refuses nothing
        HavenCli.Run again = cli.run(Map.of("HAVEN_DB_USER", "postgres", "HAVEN_DB_PASSWORD", ""),
                "bench", "--people", "13", "--db", url, "--no-doc");
        assertThat(again.exit()).as("another N on the same database is refused").isEqualTo(2);
        assertThat(again.err().lines().count()).isEqualTo(1);
    }

    @Test
    void anOfficeDatabaseWithItsOwnAccountsIsRefusedUntouched() throws Exception {
        HavenCli cli = new HavenCli(dir, "admin", "correct-horse-battery");
        String url = TestPostgres.newDatabaseUrl();
        Map<String, String> office = Map.of("HAVEN_DB_USER", "postgres", "HAVEN_DB_PASSWORD", "", "HAVEN_NEW_PASSWORD", "correct-horse-battery");
        assertThat(cli.run(office, "init", "--admin", "admin", "--db", url).exit()).isZero();
        HavenCli.Run run = cli.run(office, "bench", "--people", "10", "--db", url, "--no-doc");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("has accounts of its own").doesNotContain("Exception");
        HavenCli.Run users = cli.run(Map.of("HAVEN_DB_USER", "postgres", "HAVEN_DB_PASSWORD", "", "HAVEN_DB_URL", url), "user", "list");
        assertThat(users.exit()).as(users.err()).isZero();
        assertThat(users.out()).contains("admin").doesNotContain("bench");
    }
}
