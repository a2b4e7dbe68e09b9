package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing a list again never registers the same people twice without an explicit choice (issue 18). */
class DuplicateImportCliTest {
    @TempDir Path dir;

    private static final String LIST = """
            name_latin,sex,nationality,date_of_birth
            Nguyen Thi Lan,F,Viet Nam,1999-03-14
            Sok Dara,M,Cambodia,1994-11-02
            Aung Kyaw Min,M,Myanmar,2001-06-30
            """;

    @Test
    void likelyDuplicatesAreHeldBackUnlessLinkedOrAllowed() throws Exception {
        HavenCli cli = new HavenCli(dir, "boss", "secret-pass-123");
        Path list = dir.resolve("list.csv");
        Files.writeString(list, LIST);
        assertThat(cli.run("init", "--admin", "boss").exit()).isZero();
        HavenCli.Run first = cli.run("import", list.toString(), "--new-operation", "Raid Bavet");
        assertThat(first.exit()).as(first.err()).isZero();
        String op = first.err().lines().filter(l -> l.contains("created operation")).findFirst().orElseThrow().replaceAll(".* ", "");

        // The same list again: held back, nothing imported, each row named with the case it likely is.
        HavenCli.Run again = cli.run("import", list.toString(), "--operation", op);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("row 2: likely the person of case", "row 4: likely the person of case",
                "3 rows are likely people already in Haven: nothing was imported");
        assertThat(again.out()).isEmpty();
        assertThat(stats(cli)).containsEntry("people", "3").containsEntry("cases", "3");
        assertThat(cli.run("import", list.toString(), "--operation", op, "--dry-run").exit()).isEqualTo(2);

        // A new row beside a duplicate: with --skip-invalid the new one goes in, the duplicate stays out.
        Path mixed = dir.resolve("mixed.csv");
        Files.writeString(mixed, "name_latin,sex,nationality,date_of_birth\nNguyen Thi Lan,F,Vietnam,1999-03-14\nSomchai Jaidee,M,Thailand,1990-01-05\n");
        HavenCli.Run skipping = cli.run("import", mixed.toString(), "--operation", op, "--skip-invalid");
        assertThat(skipping.exit()).as(skipping.err()).isZero();
        assertThat(skipping.out().strip()).isEqualTo("imported 1");
        assertThat(skipping.err()).contains("row 2: likely the person of case", "held back 1");
        assertThat(stats(cli)).containsEntry("people", "4");

        // --link-duplicates: a new case on each existing person, no new people.
        HavenCli.Run linked = cli.run("import", list.toString(), "--operation", op, "--link-duplicates");
        assertThat(linked.exit()).as(linked.err()).isZero();
        assertThat(linked.out().strip()).isEqualTo("imported 3");
        assertThat(stats(cli)).containsEntry("people", "4").containsEntry("cases", "7");
        assertThat(cli.run("search", "Sok Dara").out().lines().skip(1).count()).isEqualTo(2);

        // --allow-duplicates: new people, and the choice is in the audit log.
        HavenCli.Run allowed = cli.run("import", list.toString(), "--operation", op, "--allow-duplicates");
        assertThat(allowed.exit()).as(allowed.err()).isZero();
        assertThat(stats(cli)).containsEntry("people", "7");
        assertThat(cli.run("audit", "list", "--action", "IMPORT_DUPLICATES_ALLOWED").out()).contains("rows=3");
        assertThat(cli.run("import", list.toString(), "--operation", op, "--link-duplicates", "--allow-duplicates").exit()).isEqualTo(2);
    }

    @Test
    void aMatchInACaseTheUserCannotSeeIsNamedOnlyAsExisting() throws Exception {
        HavenCli cli = new HavenCli(dir, "boss", "secret-pass-123");
        Path list = dir.resolve("list.csv");
        Files.writeString(list, LIST);
        assertThat(cli.run("init", "--admin", "boss").exit()).isZero();
        assertThat(cli.run("import", list.toString(), "--new-operation", "Raid Bavet").exit()).isZero();
        assertThat(cli.run(Map.of("HAVEN_NEW_PASSWORD", "worker-pass-123"), "user", "add", "ana", "--role", "caseworker").exit()).isZero();

        Path one = dir.resolve("one.csv");
        Files.writeString(one, "name_latin,sex,nationality,date_of_birth\nSok Dara,M,Cambodia,1994-11-02\n");
        for (String choice : new String[] {"--dry-run", "--link-duplicates"}) {
            HavenCli.Run held = cli.runAs("ana", "worker-pass-123", "import", one.toString(), "--new-operation", "Ana's raid", choice);
            assertThat(held.exit()).as(choice).isEqualTo(2);
            assertThat(held.err()).contains("in cases you cannot see: ask a coordinator").doesNotContain("HVN-");
        }
        HavenCli.Run allowed = cli.runAs("ana", "worker-pass-123", "import", one.toString(), "--new-operation", "Ana's raid", "--allow-duplicates");
        assertThat(allowed.exit()).as(allowed.err()).isZero();
        assertThat(allowed.err()).doesNotContain("HVN-");
        assertThat(stats(cli)).containsEntry("people", "4");
    }

    private static Map<String, String> stats(HavenCli cli) throws Exception {
        Map<String, String> out = new java.util.HashMap<>();
        cli.run("stats").out().lines().map(l -> l.split("\t")).filter(p -> p.length == 2).forEach(p -> out.put(p[0], p[1]));
        return out;
    }
}
