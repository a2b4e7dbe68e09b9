package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `haven user role NAME --role ...`: an administrator changes what an account may do; the account
 * then does it at its next command, `user list` shows it and the audit log records it. Anyone
 * else is refused (exit 3); an unknown account or role is bad input (exit 2, one line).
 */
class UserRoleCliTest {
    private static final String ADMIN_PW = "secret-pass-123";
    private static final String WORKER_PW = "worker-pass-123";
    @TempDir Path dir;

    @Test
    void anAdministratorMakesACaseworkerACoordinatorWhoCanThenAssignCases() throws Exception {
        HavenCli cli = new HavenCli(dir, "boss", ADMIN_PW);
        assertThat(cli.run("init", "--admin", "boss").exit()).isZero();
        assertThat(cli.run("demo", "--people", "5", "--seed", "7").exit()).isZero();
        Map<String, String> newPassword = Map.of("HAVEN_NEW_PASSWORD", WORKER_PW);
        assertThat(cli.run(newPassword, "user", "add", "ana", "--role", "caseworker").exit()).isZero();
        String caseNumber = cli.run("search", "", "--limit", "1").out().lines().skip(1).findFirst().orElseThrow().split("\t")[0];

        // A caseworker may not hand out cases.
        HavenCli.Run before = cli.runAs("ana", WORKER_PW, "case", "assign", "--case", caseNumber, "--to", "ana");
        assertThat(before.exit()).as(before.err()).isEqualTo(3);

        HavenCli.Run set = cli.run("user", "role", "ana", "--role", "caseworker,coordinator");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out().strip()).isEqualTo("roles set for ana");
        assertThat(set.err()).isEmpty();

        // What the new role allows works at the next command; `user list` shows both roles.
        HavenCli.Run after = cli.runAs("ana", WORKER_PW, "case", "assign", "--case", caseNumber, "--to", "ana");
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(after.out().strip()).isEqualTo("assigned\t1");
        assertThat(cli.run("user", "list").out().lines()).anySatisfy(line ->
                assertThat(line.split("\t")).startsWith("ana").satisfies(cells ->
                        assertThat(cells[1]).contains("caseworker").contains("coordinator")));

        // The audit log records who changed whose roles.
        HavenCli.Run audit = cli.run("audit", "list", "--action", "USER_ROLES_SET");
        assertThat(audit.exit()).isZero();
        assertThat(audit.out().lines().filter(l -> l.contains("USER_ROLES_SET"))).singleElement()
                .satisfies(line -> assertThat(line).contains("boss"));
    }

    @Test
    void onlyAnAdministratorMaySetRolesAndBadNamesAreOneLineErrors() throws Exception {
        HavenCli cli = new HavenCli(dir, "boss", ADMIN_PW);
        assertThat(cli.run("init", "--admin", "boss").exit()).isZero();
        Map<String, String> newPassword = Map.of("HAVEN_NEW_PASSWORD", WORKER_PW);
        assertThat(cli.run(newPassword, "user", "add", "ana", "--role", "caseworker").exit()).isZero();
        assertThat(cli.run(newPassword, "user", "add", "chief", "--role", "coordinator").exit()).isZero();
        String listBefore = cli.run("user", "list").out();

        // A coordinator is not an administrator: refused, nothing changed.
        HavenCli.Run denied = cli.runAs("chief", WORKER_PW, "user", "role", "ana", "--role", "admin");
        assertThat(denied.exit()).isEqualTo(3);
        assertThat(denied.errorLines()).hasSize(1);
        HavenCli.Run self = cli.runAs("ana", WORKER_PW, "user", "role", "ana", "--role", "admin");
        assertThat(self.exit()).isEqualTo(3);

        HavenCli.Run unknownUser = cli.run("user", "role", "nobody", "--role", "caseworker");
        assertThat(unknownUser.exit()).isEqualTo(2);
        assertThat(unknownUser.errorLines()).hasSize(1);
        assertThat(unknownUser.err()).contains("nobody").doesNotContain("Exception").doesNotContain("\tat ");

        HavenCli.Run unknownRole = cli.run("user", "role", "ana", "--role", "boss");
        assertThat(unknownRole.exit()).isEqualTo(2);
        assertThat(unknownRole.errorLines()).hasSize(1);
        assertThat(unknownRole.err()).contains("boss").contains("caseworker, coordinator or admin");

        assertThat(cli.run("user", "list").out()).isEqualTo(listBefore);
        assertThat(cli.run("audit", "list", "--action", "USER_ROLES_SET").out()).doesNotContain("USER_ROLES_SET");
    }
}
