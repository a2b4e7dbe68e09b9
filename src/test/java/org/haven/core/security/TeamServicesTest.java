package org.haven.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;

import java.util.EnumSet;
import java.util.List;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.common.HavenException;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;

/** The services behind the window's team features: roles, assignable users, assigning a selection. */
class TeamServicesTest extends DatabaseTest {
    private static final char[] PW = "worker-password-1".toCharArray();

    @Test
    void rolesChangeAuditedButTheLastAdministratorKeepsTheRole() {
        Accounts.addUser(haven.unlocked(), "dara", EnumSet.of(Role.CASEWORKER), PW);
        Accounts.setRoles(haven.unlocked(), "dara", EnumSet.of(Role.CASEWORKER, Role.COORDINATOR));
        assertThat(Accounts.listUsers(haven.unlocked())).filteredOn(u -> u.username().equals("dara"))
                .singleElement().satisfies(u -> assertThat(u.roles()).containsExactlyInAnyOrder(Role.CASEWORKER, Role.COORDINATOR));
        assertThat(haven.database().dsl().select(AUDIT_LOG.DETAIL).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("USER_ROLES_SET"))
                .fetch(AUDIT_LOG.DETAIL)).containsExactly("CASEWORKER,COORDINATOR");

        assertThatThrownBy(() -> Accounts.setRoles(haven.unlocked(), TestHaven.ADMIN, EnumSet.of(Role.COORDINATOR)))
                .hasMessageContaining("your own account");
        assertThatThrownBy(() -> Accounts.setRoles(haven.unlocked(), "dara", EnumSet.noneOf(Role.class)))
                .hasMessageContaining("at least one role");
        assertThatThrownBy(() -> Accounts.setRoles(haven.unlocked(), "nobody", EnumSet.of(Role.CASEWORKER)))
                .isInstanceOf(HavenException.class);
    }

    @Test
    void onlyCoordinatorsAssignAndOnlyToActiveAccountsThatWorkOnCases() throws Exception {
        Accounts.addUser(haven.unlocked(), "dara", EnumSet.of(Role.CASEWORKER), PW);
        Accounts.addUser(haven.unlocked(), "it", EnumSet.of(Role.ADMIN), PW);
        Accounts.addUser(haven.unlocked(), "gone", EnumSet.of(Role.CASEWORKER), PW);
        Accounts.disableUser(haven.unlocked(), "gone");
        CaseFile a = haven.cases().register(TestHaven.newCase(TestHaven.person("Tran Thi Lan", null)));
        CaseFile b = haven.cases().register(TestHaven.newCase(TestHaven.person("Le Van Binh", null)));

        assertThat(haven.cases().assignableUsers()).extracting(User::username).containsExactly("admin", "dara");
        assertThat(haven.cases().assignCases(List.of(a.id(), b.id()), "dara")).isEqualTo(2);
        assertThat(haven.cases().assignCases(List.of(a.id(), b.id()), "dara")).isZero();
        assertThatThrownBy(() -> haven.cases().assignCases(List.of(a.id()), "it")).hasMessageContaining("cannot see case data");
        assertThatThrownBy(() -> haven.cases().assignCases(List.of(a.id()), "gone")).hasMessageContaining("No active user");
        assertThat(haven.database().dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("CASE_ASSIGN"))).isEqualTo(2);

        haven.close();
        try (Haven dara = TestHaven.login(dir, "dara", PW)) {
            assertThatThrownBy(() -> dara.cases().assignCases(List.of(a.id()), "dara"))
                    .isInstanceOf(HavenException.class).extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.DENIED);
            assertThatThrownBy(() -> dara.cases().assignableUsers()).isInstanceOf(HavenException.class);
        }
        haven = TestHaven.login(dir);
    }
}
