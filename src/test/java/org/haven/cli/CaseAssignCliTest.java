package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `haven case assign`: a coordinator gives cases to a caseworker, who then sees them; all or nothing. */
class CaseAssignCliTest {
    @TempDir Path dir;

    @Test
    void coordinatorAssignsCasesThatTheCaseworkerThenSees() throws Exception {
        HavenCli cli = new HavenCli(dir, "boss", "secret-pass-123");
        assertThat(cli.run("init", "--admin", "boss").exit()).isZero();
        assertThat(cli.run("demo", "--people", "12", "--seed", "3").exit()).isZero();
        Map<String, String> newPassword = Map.of("HAVEN_NEW_PASSWORD", "worker-pass-123");
        assertThat(cli.run(newPassword, "user", "add", "ana", "--role", "caseworker").exit()).isZero();
        assertThat(cli.run(newPassword, "user", "add", "root2", "--role", "admin").exit()).isZero();

        List<String> all = caseNumbers(cli.run("search", "", "--limit", "100").out());
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
        List<String> before = caseNumbers(cli.runAs("ana", "worker-pass-123", "search", "", "--limit", "100").out());
        String first = all.stream().filter(n -> !before.contains(n)).findFirst().orElseThrow();
        String second = all.stream().filter(n -> !before.contains(n) && !n.equals(first)).findFirst().orElseThrow();

        HavenCli.Run assigned = cli.run("case", "assign", "--case", first, second.toLowerCase(), "--to", "ana");
        assertThat(assigned.exit()).as(assigned.err()).isZero();
        assertThat(assigned.out().strip()).isEqualTo("assigned\t2");
        assertThat(caseNumbers(cli.runAs("ana", "worker-pass-123", "search", "", "--limit", "100").out()))
                .contains(first, second);
        assertThat(cli.run("audit", "list", "--action", "CASE_ASSIGN").out()).contains("CASE_ASSIGN");

        // All or nothing: one unknown number assigns none of them.
        String third = all.stream().filter(n -> !before.contains(n) && !n.equals(first) && !n.equals(second)).findFirst().orElseThrow();
        HavenCli.Run unknown = cli.run("case", "assign", "--case", third, "NO-SUCH-1", "--to", "ana");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("NO-SUCH-1").contains("nothing was assigned");
        assertThat(caseNumbers(cli.runAs("ana", "worker-pass-123", "search", "", "--limit", "100").out())).doesNotContain(third);

        // An administrator-only account cannot hold cases; a caseworker cannot hand out cases.
        HavenCli.Run toAdmin = cli.run("case", "assign", "--case", third, "--to", "root2");
        assertThat(toAdmin.exit()).isEqualTo(2);
        assertThat(toAdmin.err()).contains("cannot see case data");
        HavenCli.Run byCaseworker = cli.runAs("ana", "worker-pass-123", "case", "assign", "--case", third, "--to", "ana");
        assertThat(byCaseworker.exit()).isEqualTo(3);
        assertThat(cli.run("case", "assign", "--help").exit()).isZero();

        // A name typed with a terminal escape comes back escaped in the one-line error, never raw.
        HavenCli.Run escaped = cli.run("case", "assign", "--case", third, "--to", "ana\u001b[2J");
        assertThat(escaped.exit()).isEqualTo(2);
        assertThat(escaped.err()).contains("ana\\x1b[2J").doesNotContain("\u001b");
        assertThat(escaped.errorLines()).hasSize(1);
    }

    private static List<String> caseNumbers(String searchOutput) {
        return searchOutput.lines().skip(1).map(l -> l.split("\t")[0]).toList();
    }
}
