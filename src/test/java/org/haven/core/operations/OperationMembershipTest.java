package org.haven.core.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseQuery;
import org.haven.core.cases.NewCase;
import org.haven.core.common.HavenException;
import org.haven.core.intake.ImportService;
import org.haven.core.intake.IntakeService;
import org.haven.core.matching.MatchQuery;
import org.haven.core.security.Accounts;
import org.haven.core.security.AuditService;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 2: a caseworker sees the cases assigned to them, the cases they registered, and
 * the cases of operations a coordinator made them a member of. Registering or importing under an
 * operation gives no wider view, and only members and coordinators add people to an operation.
 */
class OperationMembershipTest {
    static final char[] PW = "worker-password-1".toCharArray();

    @TempDir Path dir;

    private static Operation op(String code) {
        return new Operation(null, code, "Raid " + code, LocalDate.now().minusDays(2), null, null, null, null, null, 0);
    }

    private static HavenException.Kind kind(Throwable t) {
        return ((HavenException) t).kind();
    }

    @Test
    void anAssignedCaseShowsThatCaseNotTheWholeOperation() {
        UUID assigned;
        Operation raid;
        try (Haven boss = TestHaven.create(dir)) {
            Accounts.addUser(boss.unlocked(), "cw", EnumSet.of(Role.CASEWORKER), PW);
            UUID cw = Accounts.listUsers(boss.unlocked()).stream().filter(u -> u.username().equals("cw")).findFirst().orElseThrow().id();
            raid = boss.operations().create(op("OP-T"));
            for (String name : List.of("Nguyen Van An", "Tran Thi Binh", "Le Van Cuong")) {
                boss.cases().register(new NewCase(TestHaven.person(name, null), raid.id(), null, null, null));
            }
            assigned = boss.cases().register(new NewCase(TestHaven.person("Pham Thi Dung", null), raid.id(), null, cw, null)).id();
        }
        try (Haven cw = Haven.login(dir, "cw", PW)) {
            // Before: one case assigned under the operation showed every case of it.
            assertThat(cw.cases().search(CaseQuery.text("", 100))).extracting(c -> c.caseId()).containsExactly(assigned);
            assertThat(cw.stats().counts()).containsEntry("cases", 1L).containsEntry("people", 1L).containsEntry("operations", 1L);
            assertThat(cw.cases().operationSummary(raid.id()).cases()).isEqualTo(1);
            assertThat(cw.operations().listForRegistration()).isEmpty();
            assertThat(cw.operations().mayAddPeople(raid.id())).isFalse();
        }
        try (Haven boss = TestHaven.login(dir)) {
            assertThat(boss.operations().addMember(raid.id(), "cw")).isTrue();
            assertThat(boss.operations().addMember(raid.id(), "cw")).isFalse();
            assertThatThrownBy(() -> boss.operations().addMember(raid.id(), "nobody")).satisfies(e -> assertThat(kind(e)).isEqualTo(HavenException.Kind.NOT_FOUND));
            // A list with one unknown name changes nobody: the bad input leaves the members as they were.
            assertThatThrownBy(() -> boss.operations().removeMembers(raid.id(), java.util.List.of("cw", "nobody")))
                    .satisfies(e -> assertThat(kind(e)).isEqualTo(HavenException.Kind.NOT_FOUND));
            assertThat(boss.operations().members(raid.id())).contains("cw");
            assertThat(boss.operations().removeMembers(raid.id(), java.util.List.of("cw", "cw"))).containsExactly(true, false);
            assertThat(boss.operations().addMembers(raid.id(), java.util.List.of("cw"))).containsExactly(true);
        }
        try (Haven cw = Haven.login(dir, "cw", PW)) {
            assertThat(cw.cases().search(CaseQuery.text("", 100))).hasSize(4);
            assertThat(cw.stats().counts()).containsEntry("cases", 4L);
            assertThat(cw.operations().listForRegistration()).extracting(Operation::code).containsExactly("OP-T");
            assertThat(cw.operations().members(raid.id())).containsExactly("admin", "cw");
        }
    }

    @Test
    void onlyMembersAndCoordinatorsAddPeopleToAnOperation() throws Exception {
        Operation theirs;
        try (Haven boss = TestHaven.create(dir)) {
            Accounts.addUser(boss.unlocked(), "cw", EnumSet.of(Role.CASEWORKER), PW);
            Accounts.addUser(boss.unlocked(), "it", EnumSet.of(Role.ADMIN), PW);
            theirs = boss.operations().create(op("OP-THEIRS"));
            boss.cases().register(new NewCase(TestHaven.person("Nguyen Van An", null), theirs.id(), null, null, null));
        }
        Path csv = Files.writeString(dir.resolve("one.csv"), "name,sex,age\nPhan Van Minh,M,40\n");
        try (Haven cw = Haven.login(dir, "cw", PW)) {
            NewCase into = new NewCase(TestHaven.person("Phan Van Minh", null), theirs.id(), null, null, null);
            // the person form, the intake grid, the import wizard and the CLI import
            assertThatThrownBy(() -> cw.cases().register(into)).satisfies(e -> assertThat(kind(e)).isEqualTo(HavenException.Kind.DENIED));
            IntakeService grid = new IntakeService(cw, c -> List.of());
            assertThatThrownBy(() -> grid.save(theirs.id(), List.of(List.of("", "Phan Van Minh", "m", "40", "VN", "", "", "lost"))))
                    .satisfies(e -> assertThat(kind(e)).isEqualTo(HavenException.Kind.DENIED));
            ImportService imports = new ImportService(cw, c -> List.of());
            assertThatThrownBy(() -> imports.importFile(csv, null, ImportService.Target.existing("OP-THEIRS"), false, false))
                    .satisfies(e -> assertThat(kind(e)).isEqualTo(HavenException.Kind.DENIED)).hasMessageContaining("not a member");
            // linking a likely duplicate under that operation is adding people to it too
            assertThatThrownBy(() -> cw.matching().registerAsDistinct(into, List.of()))
                    .satisfies(e -> assertThat(kind(e)).isEqualTo(HavenException.Kind.DENIED));
            assertThat(cw.stats().counts()).containsEntry("people", 0L).containsEntry("cases", 0L);
            assertThatThrownBy(() -> cw.summaries().casesOfOperation("OP-THEIRS"))
                    .satisfies(e -> assertThat(kind(e)).isEqualTo(HavenException.Kind.DENIED));
            // a likely duplicate in a hidden case: its existence only
            MatchQuery query = MatchQuery.byName("Nguyen Van An", null, 24, "VN");
            assertThat(cw.matching().find(query, 10)).isEmpty();
            assertThat(cw.matching().hiddenMatches(query)).isEqualTo(1);
            assertThatThrownBy(() -> cw.operations().addMember(theirs.id(), "cw"))
                    .satisfies(e -> assertThat(kind(e)).isEqualTo(HavenException.Kind.DENIED));

            // A new operation (the form, or an import) makes its creator a member.
            Operation mine = cw.operations().create(op("OP-MINE"));
            assertThat(cw.operations().members(mine.id())).containsExactly("cw");
            ImportService.Report report = imports.importFile(csv, null, ImportService.Target.create("Night raid"), false, false);
            Operation imported = cw.operations().findByCode(report.operationCode()).orElseThrow();
            assertThat(cw.operations().members(imported.id())).containsExactly("cw");
            assertThat(grid.save(mine.id(), List.of(List.of("", "Sok Dara", "m", "30", "KH", "", "", "lost"))).savedRows()).containsExactly(0);
            assertThat(cw.stats().counts()).containsEntry("cases", 2L).containsEntry("operations", 2L);
        }
        try (Haven it = Haven.login(dir, "it", PW)) {
            // an administrator without a case role manages accounts, not operations
            assertThatThrownBy(() -> it.operations().addMember(theirs.id(), "cw"))
                    .satisfies(e -> assertThat(kind(e)).isEqualTo(HavenException.Kind.DENIED));
        }
        try (Haven boss = TestHaven.login(dir)) {
            CaseFile added = boss.cases().register(new NewCase(TestHaven.person("Le Thi Hoa", null), theirs.id(), null, null, null));
            assertThat(added.operationId()).isEqualTo(theirs.id());
            assertThat(new AuditService(boss.database(), boss.session()).find(AuditService.Query.all()))
                    .filteredOn(e -> e.action().equals("OPERATION_MEMBER_ADD")).hasSize(3); // creators: OP-THEIRS, OP-MINE, the import
        }
    }

    /**
     * The decision documented in docs/security.md: an administrator can give themselves case access
     * (a new coordinator account, or a password reset of one): every administrator holds the database
     * key, so no rule inside Haven could stop them. It is never silent: the audit log names who did it.
     */
    @Test
    void anAdministratorCanMakeACoordinatorAccountButNotSilently() {
        try (Haven boss = TestHaven.create(dir)) {
            Accounts.addUser(boss.unlocked(), "it", EnumSet.of(Role.ADMIN), PW);
        }
        try (Haven it = Haven.login(dir, "it", PW)) {
            assertThatThrownBy(() -> it.cases().search(CaseQuery.text("", 10))).isInstanceOf(HavenException.class);
            Accounts.addUser(it.unlocked(), "it-coordinator", EnumSet.of(Role.COORDINATOR), "another-password-1".toCharArray());
            Accounts.resetPassword(it.unlocked(), "admin", "temporary-password-1".toCharArray());
        }
        try (Haven alias = Haven.login(dir, "it-coordinator", "another-password-1".toCharArray())) {
            assertThat(alias.stats().counts()).containsKey("cases");
            var entries = new AuditService(alias.database(), alias.session()).find(AuditService.Query.all());
            assertThat(entries).anySatisfy(e -> {
                assertThat(e.username()).isEqualTo("it");
                assertThat(e.action()).isEqualTo("USER_ADDED");
                assertThat(e.detail()).isEqualTo("COORDINATOR");
            });
            assertThat(entries).anySatisfy(e -> {
                assertThat(e.username()).isEqualTo("it");
                assertThat(e.action()).isEqualTo("PASSWORD_RESET");
            });
            assertThat(entries).anySatisfy(e -> {
                assertThat(e.username()).isEqualTo("it-coordinator");
                assertThat(e.action()).isEqualTo("LOGIN");
            });
        }
    }
}
