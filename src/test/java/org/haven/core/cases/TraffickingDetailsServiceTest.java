package org.haven.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;
import static org.haven.core.db.jooq.Tables.CASE_HTCDS;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;

/** Recording a case's trafficking details (country of exploitation, recruiter relation, methods of control). */
class TraffickingDetailsServiceTest extends DatabaseTest {
    @Test
    void recordedDetailsComeBackAndTheAuditNamesTheFieldsNotTheValues() {
        CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Lan", null)));
        assertThat(haven.cases().traffickingDetails(c.id()).isEmpty()).isTrue();

        haven.cases().saveTraffickingDetails(new TraffickingDetails(c.id(), "kh",
                EnumSet.of(RecruiterRelation.FRIEND, RecruiterRelation.FAMILY),
                EnumSet.of(MethodOfControl.THREAT_OF_LAW_ENFORCEMENT, MethodOfControl.DEBT_BONDAGE)));

        TraffickingDetails back = haven.cases().traffickingDetails(c.id());
        assertThat(back.countryOfExploitation()).isEqualTo("KH");
        assertThat(back.recruiterRelations()).containsExactly(RecruiterRelation.FRIEND, RecruiterRelation.FAMILY);
        assertThat(back.methodsOfControl()).containsExactly(MethodOfControl.DEBT_BONDAGE, MethodOfControl.THREAT_OF_LAW_ENFORCEMENT);
        List<String> audit = haven.database().dsl().select(AUDIT_LOG.DETAIL).from(AUDIT_LOG)
                .where(AUDIT_LOG.ACTION.eq("CASE_HTCDS")).and(AUDIT_LOG.ENTITY_ID.eq(c.id())).fetch(AUDIT_LOG.DETAIL);
        assertThat(audit).containsExactly("country_of_exploitation,recruiter_relation,methods_of_control");

        // A change of one field: the rest stays, the audit names only that field.
        haven.cases().saveTraffickingDetails(new TraffickingDetails(c.id(), "MM", back.recruiterRelations(), back.methodsOfControl()));
        assertThat(haven.cases().traffickingDetails(c.id()).countryOfExploitation()).isEqualTo("MM");
        assertThat(haven.database().dsl().select(AUDIT_LOG.DETAIL).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("CASE_HTCDS"))
                .fetch(AUDIT_LOG.DETAIL)).contains("country_of_exploitation").noneMatch(d -> d.contains("MM") || d.contains("KH"));

        // Clearing everything leaves no row behind.
        haven.cases().saveTraffickingDetails(TraffickingDetails.none(c.id()));
        assertThat(haven.cases().traffickingDetails(c.id()).isEmpty()).isTrue();
        assertThat(haven.database().dsl().fetchCount(CASE_HTCDS)).isZero();
    }

    @Test
    void anUnknownCountryIsRefusedAndNothingIsSaved() {
        CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", null)));
        for (String bad : List.of("XX", "Cambodia", "K")) {
            assertThatThrownBy(() -> haven.cases().saveTraffickingDetails(new TraffickingDetails(c.id(), bad,
                    Set.of(RecruiterRelation.FRIEND), Set.of())))
                    .isInstanceOf(HavenException.class)
                    .extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.BAD_INPUT);
        }
        assertThat(haven.database().dsl().fetchCount(CASE_HTCDS)).isZero();
        assertThat(haven.database().dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("CASE_HTCDS"))).isZero();
    }

    @Test
    void aCaseworkerCannotReadOrWriteTheDetailsOfACaseNotTheirs() {
        CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Wang Wei", null)));
        haven.cases().saveTraffickingDetails(new TraffickingDetails(c.id(), "LA", Set.of(), Set.of(MethodOfControl.THREATS)));
        Accounts.addUser(haven.unlocked(), "worker", EnumSet.of(Role.CASEWORKER), "worker-password-1".toCharArray());
        haven.close();
        try (Haven worker = TestHaven.login(dir, "worker", "worker-password-1".toCharArray())) {
            assertThatThrownBy(() -> worker.cases().traffickingDetails(c.id())).isInstanceOf(HavenException.class)
                    .extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.DENIED);
            assertThatThrownBy(() -> worker.cases().saveTraffickingDetails(TraffickingDetails.none(c.id())))
                    .isInstanceOf(HavenException.class)
                    .extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.DENIED);
        }
        haven = TestHaven.login(dir);
        assertThat(haven.cases().traffickingDetails(c.id()).countryOfExploitation()).isEqualTo("LA");
    }
}
