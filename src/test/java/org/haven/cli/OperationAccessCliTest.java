package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 2, the attack as it was run: a caseworker with no cases imports one row into
 * another team's operation, then lists, summarizes and counts it. Now refused; a coordinator's
 * membership is the only way onto an operation. Real JVMs, as a script sees them.
 */
class OperationAccessCliTest {
    static final String TEAM_CSV = "name,native name,sex,age,nationality\n"
            + "Nguyen Thi Lan,Nguyễn Thị Lan,F,24,VN\n"
            + "Sok Dara,សុខ ដារ៉ា,M,31,KH\n"
            + "Somchai Wongsakul,สมชาย วงศ์สกุล,M,28,TH\n";
    static final String ONE_ROW_CSV = "name,sex,age,nationality\nPhan Van Minh,M,40,VN\n";

    @TempDir Path dir;


    HavenCli.Run as(String user, String... args) throws IOException, InterruptedException {
        return run(user, Map.of(), args);
    }

    HavenCli.Run run(String user, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return new HavenCli(dir, user, user.equals("boss") ? "boss-password-1" : "worker-password-1").run(env, args);
    }

    @Test
    void aCaseworkerCannotImportTheirWayIntoAnotherTeamsOperation() throws Exception {
        assertThat(as("boss", "init", "--admin", "boss").exit()).isZero();
        for (String worker : List.of("alice", "mallory")) {
            HavenCli.Run added = run("boss", Map.of("HAVEN_NEW_PASSWORD", "worker-password-1"), "user", "add", worker, "--role", "caseworker");
            assertThat(added.exit()).as(added.err()).isZero();
        }
        Path team = Files.writeString(dir.resolve("team.csv"), TEAM_CSV);
        Path one = Files.writeString(dir.resolve("one-row.csv"), ONE_ROW_CSV);
        HavenCli.Run imported = as("boss", "import", team.toString(), "--new-operation", "Raid Bavet");
        assertThat(imported.exit()).as(imported.err()).isZero();
        String code = imported.err().replaceAll("(?s).*created operation (\\S+).*", "$1").strip();
        // The attack: a caseworker with no cases imports one row into that operation.
        HavenCli.Run attack = as("mallory", "import", one.toString(), "--operation", code);
        assertThat(attack.exit()).isEqualTo(3);
        assertThat(attack.err().lines().toList()).hasSize(1);
        assertThat(attack.err()).contains("not a member of operation " + code);
        HavenCli.Run listed = as("mallory", "search", "", "--limit", "500");
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).isEqualTo("case_number\tname_latin\tname_native\tstatus\n");
        HavenCli.Run summary = as("mallory", "summary", "--operation", code, "--audience", "internal", "-o", dir.resolve("op.pdf").toString());
        assertThat(summary.exit()).isEqualTo(3);
        assertThat(dir.resolve("op.pdf")).doesNotExist();
        HavenCli.Run stats = as("mallory", "stats");
        assertThat(stats.out()).contains("people\t0\n", "cases\t0\n", "events\t0\n", "operations\t0\n", "status.IDENTIFIED\t0\n");
        // Nor can a caseworker make themselves a member.
        assertThat(as("mallory", "operation", "member", "add", "--operation", code, "mallory").exit()).isEqualTo(3);
        // A likely duplicate in the hidden cases: said to exist, never shown.
        HavenCli.Run match = as("mallory", "match", "--name", "Nguyen Thi Lan", "--age", "24");
        assertThat(match.exit()).isZero();
        assertThat(match.out()).isEqualTo("score\tcase_number\twhy\tname_latin\tname_native\n");
        assertThat(match.err()).contains("1 more likely match in cases you cannot see");

        // Their own new operation: they are its member, and stats count only what is theirs.
        HavenCli.Run own = as("mallory", "import", one.toString(), "--new-operation", "Mallory's list");
        assertThat(own.exit()).as(own.err()).isZero();
        assertThat(as("mallory", "stats").out()).contains("people\t1\n", "cases\t1\n", "events\t1\n", "operations\t1\n");

        // A coordinator puts alice on the operation.
        // A typo in a list of names: exit 2, one line, and nobody of the list is added.
        HavenCli.Run typo = as("boss", "operation", "member", "add", "--operation", code, "alice", "alcie");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.errorLines()).hasSize(1);
        assertThat(typo.out()).isEmpty();
        assertThat(as("boss", "operation", "member", "list", "--operation", code).out()).doesNotContain("alice");
        HavenCli.Run member = as("boss", "operation", "member", "add", "--operation", code, "alice");
        assertThat(member.exit()).as(member.err()).isZero();
        assertThat(member.out()).isEqualTo("added\talice\n");

        // The member the coordinator added sees the operation's cases and may import into it.
        HavenCli.Run aliceSees = as("alice", "search", "", "--limit", "500");
        assertThat(aliceSees.out().lines().count()).isEqualTo(1 + 3);
        assertThat(aliceSees.out()).doesNotContain("Phan Van Minh");
        // (The row is likely mallory's person, in a case alice cannot see: held back unless she chooses.)
        assertThat(as("alice", "import", one.toString(), "--operation", code).err()).contains("in cases you cannot see");
        HavenCli.Run aliceImports = as("alice", "import", one.toString(), "--operation", code, "--allow-duplicates");
        assertThat(aliceImports.exit()).as(aliceImports.err()).isZero();
        assertThat(as("alice", "stats").out()).contains("cases\t4\n", "operations\t1\n");

        // Taken off again: only her own registration stays visible.
        assertThat(as("boss", "operation", "member", "remove", "--operation", code, "alice").out()).isEqualTo("removed\talice\n");
        assertThat(as("alice", "search", "", "--limit", "500").out().lines().count()).isEqualTo(1 + 1);
        assertThat(as("boss", "operation", "member", "list", "--operation", code).out()).isEqualTo("user\nboss\n");

        HavenCli.Run audit = as("boss", "audit", "list");
        assertThat(audit.out()).contains("OPERATION_MEMBER_ADD", "OPERATION_MEMBER_REMOVE");
    }
}
