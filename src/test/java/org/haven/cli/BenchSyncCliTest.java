package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `haven bench --sync --db URL` from outside, on a tiny raid against the test PostgreSQL: the sync
 * rows with a time each, the page's own block written beside the others (left as they were), and a
 * database that is not empty refused. No time is asserted.
 */
class BenchSyncCliTest {
    @TempDir Path dir;

    @Test
    void syncBenchPushesARaidPullsEveryChangeAndWritesItsOwnBlock() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        String officeBlock = "<!-- bench:office:begin (written by `haven bench --db`) -->\nthe office table\n<!-- bench:office:end -->";
        Files.writeString(doc, "# Benchmarks\n\n" + officeBlock + "\n", StandardCharsets.UTF_8);
        HavenCli cli = new HavenCli(dir, "nobody", "not-used-by-bench");
        String url = TestPostgres.newDatabaseUrl();
        Map<String, String> env = Map.of("HAVEN_DB_USER", "postgres", "HAVEN_DB_PASSWORD", "");
        HavenCli.Run run = cli.run(env, "bench", "--sync", "--people", "10", "--db", url, "--doc", doc.toString());
        assertThat(run.exit()).as(run.err()).isZero();

        List<String> lines = run.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("measure\tvalue\tgoal\tmet\tnote");
        for (String measure : List.of("raid: 10 registrations on a laptop", "sync: push 10 registrations (30 entries)",
                "sync: push 10 status moves (20 entries)", "sync: pull 50 changes by a laptop")) {
            String[] cells = lines.stream().filter(l -> l.startsWith(measure)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row " + measure + " in\n" + run.out())).split("\t");
            assertThat(cells).as(measure).hasSize(5);
            assertThat(cells[1]).as(measure).matches("[0-9.]+ s");
        }
        String page = Files.readString(doc, StandardCharsets.UTF_8);
        assertThat(page).contains(officeBlock).contains("## Sync: a raid pushed, 10,000 changes pulled")
                .contains("<!-- bench:sync:begin").contains("Load average (1, 5, 15 min)");

        // the database now holds the bench's people: a second run is refused, nothing written
        HavenCli.Run again = cli.run(env, "bench", "--sync", "--people", "10", "--db", url, "--no-doc");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("is not empty").doesNotContain("Exception");
        assertThat(cli.run(env, "bench", "--sync", "--no-doc").exit()).as("--sync without --db").isEqualTo(2);
    }
}
