package org.haven.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseQuery;
import org.haven.core.cases.NewCase;
import org.haven.core.common.HavenException;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.core.security.Accounts;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;

/** Finding, linking, "someone else" and merging against a real encrypted database. */
class MatchServiceTest extends DatabaseTest {
    static final LocalDate DOB = LocalDate.of(1998, 4, 2);
    static Person person(String latin, String nativeName, LocalDate dob, String nationality) {
        return Person.draft(nativeName, latin, Sex.MALE, dob, dob == null ? 27 : null, nationality, "vi", true,
                DocumentStatus.NONE, null);
    }

    CaseFile register(Person p) {
        return haven.cases().register(new NewCase(p, null, null, null, null));
    }

    @Test
    void aNearDuplicateIsFoundFirstWithItsReasons() {
        CaseFile hung = register(person("Nguyen Van Hung", "Nguyễn Văn Hùng", DOB, "VN"));
        register(person("Tran Thi Lan", "Trần Thị Lan", LocalDate.of(2001, 1, 5), "VN"));
        register(person("Wang Wei", "王伟", null, "CN"));

        List<MatchCandidate> found = haven.matching().findFor(person("Hung Nguyen Van", null, DOB.plusMonths(3), "VN"), 10);
        assertThat(found).hasSize(1);
        MatchCandidate first = found.get(0);
        assertThat(first.caseNumber()).isEqualTo(hung.caseNumber());
        assertThat(first.score()).isGreaterThanOrEqualTo(85);
        assertThat(first.why()).contains("names in a different order", "dates of birth within a year", "same nationality");

        List<MatchCandidate> byScript = haven.matching().find(MatchQuery.byName("王伟", null, 27, "CN"), 10);
        assertThat(byScript).extracting(MatchCandidate::nameLatin).containsExactly("Wang Wei");
        assertThat(haven.matching().find(MatchQuery.byName("Maria Santos", null, null, null), 10)).isEmpty();
    }

    @Test
    void linkingOpensANewCaseForTheExistingPerson() {
        CaseFile first = register(person("Nguyen Van Hung", "Nguyễn Văn Hùng", DOB, "VN"));
        Person again = person("Nguyen Van Hnug", null, DOB, "VN");
        MatchCandidate match = haven.matching().findFor(again, 5).get(0);

        CaseFile second = haven.matching().linkToExisting(match.personId(), new NewCase(again, null, null, null, null));

        assertThat(second.personId()).isEqualTo(first.personId());
        assertThat(second.caseNumber()).isNotEqualTo(first.caseNumber());
        assertThat(haven.database().dsl().fetchCount(PERSON)).isEqualTo(1);
        assertThat(haven.matching().findFor(again, 5).get(0).caseCount()).isEqualTo(2);
    }

    @Test
    void someoneElseIsRegisteredAndNotProposedAgain() {
        CaseFile first = register(person("Budi Santoso", null, DOB, "ID"));
        Person namesake = person("Budi Santoso", null, DOB.plusYears(1), "ID");
        List<MatchCandidate> found = haven.matching().findFor(namesake, 5);
        assertThat(found).hasSize(1);

        CaseFile saved = haven.matching().registerAsDistinct(new NewCase(namesake, null, null, null, null),
                found.stream().map(MatchCandidate::personId).toList());

        assertThat(saved.personId()).isNotEqualTo(first.personId());
        Person savedPerson = haven.cases().open(saved.id()).person();
        assertThat(haven.matching().findFor(savedPerson, 5)).isEmpty();
        // Another look-up by name still shows both.
        assertThat(haven.matching().find(MatchQuery.byName("Budi Santoso", null, null, null), 5)).hasSize(2);
    }

    @Test
    void editingANameKeepsTheKeysInStep() {
        CaseFile c = register(person("Sok Dara", null, DOB, "KH"));
        Person p = haven.cases().open(c.id()).person();
        haven.cases().updatePerson(c.id(), new Person(p.id(), "ហេង វណ្ណា", "Heng Vanna", null, p.sex(), p.birthDate(),
                null, p.nationality(), null, false, DocumentStatus.NONE, null, null, null, p.version()));

        assertThat(haven.matching().find(MatchQuery.byName("Sok Dara", null, null, null), 5)).isEmpty();
        assertThat(haven.matching().find(MatchQuery.byName("ហេង វណ្ណា", null, null, null), 5)).hasSize(1);
        assertThat(haven.matching().find(MatchQuery.byName("Vanna Heng", null, null, null), 5)).hasSize(1);
    }

    @Test
    void mergeKeepsEveryCaseAndTheRicherFields() {
        CaseFile a = register(person("Nguyen Van Hung", null, null, "VN"));
        CaseFile b = register(new Person(null, "Nguyễn Văn Hùng", "Nguyen V. Hung", "Hung", Sex.MALE, DOB, null, "VN",
                "vi, en", true, DocumentStatus.CONFISCATED, "C1234567", "brother in Hanoi", "met at the shelter", 0));

        Person kept = haven.matching().merge(a.personId(), b.personId());

        assertThat(kept.id()).isEqualTo(a.personId());
        assertThat(kept.nameLatin()).isEqualTo("Nguyen Van Hung");
        assertThat(kept.nameNative()).isEqualTo("Nguyễn Văn Hùng");
        assertThat(kept.aliases()).contains("Nguyen V. Hung", "Hung");
        assertThat(kept.birthDate()).isEqualTo(DOB);
        assertThat(kept.documentNumber()).isEqualTo("C1234567");
        assertThat(kept.familyContact()).isEqualTo("brother in Hanoi");
        var dsl = haven.database().dsl();
        assertThat(dsl.fetchCount(PERSON)).isEqualTo(1);
        assertThat(dsl.fetchCount(CASE_FILE, CASE_FILE.PERSON_ID.eq(a.personId()))).isEqualTo(2);
        assertThat(haven.cases().open(b.id()).person().id()).isEqualTo(a.personId());
        // Found by the merged-in alias, in search and in matching.
        assertThat(haven.cases().search(CaseQuery.text("nguyen v. hung", 10))).hasSize(2);
        assertThat(haven.matching().find(MatchQuery.byName("Nguyen V Hung", null, null, null), 5)).hasSize(1);
        // Audited with ids only.
        String detail = dsl.select(AUDIT_LOG.DETAIL).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("PERSON_MERGE")).fetchOne(AUDIT_LOG.DETAIL);
        assertThat(detail).isEqualTo("merged " + b.personId());
        assertThat(AuditLog.verify(dsl).intact()).isTrue();
    }

    @Test
    void anOlderDatabaseGetsItsKeysBuiltWhenItIsOpened() {
        register(person("Wang Wei", "王伟", null, "CN"));
        var dsl = haven.database().dsl();
        // As a database from before matching: no keys, no folded names, the migration's flag set.
        dsl.deleteFrom(org.haven.core.db.jooq.Tables.MATCH_KEY).execute();
        dsl.deleteFrom(org.haven.core.db.jooq.Tables.MATCH_NAME).execute();
        dsl.insertInto(org.haven.core.db.jooq.Tables.APP_SETTING).values("matching.rebuild", "needed").execute();
        dsl.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '32'"); // opened by this Haven for the first time
        haven.close();
        haven = TestHaven.login(dir);
        assertThat(haven.database().dsl().fetchCount(org.haven.core.db.jooq.Tables.MATCH_NAME)).as("built while opening").isEqualTo(1);

        assertThat(haven.matching().find(MatchQuery.byName("Wei Wang", null, null, null), 5)).hasSize(1);
        assertThat(haven.database().dsl().fetchCount(org.haven.core.db.jooq.Tables.MATCH_NAME)).isEqualTo(1);
        assertThat(haven.database().dsl().fetchCount(org.haven.core.db.jooq.Tables.APP_SETTING,
                org.haven.core.db.jooq.Tables.APP_SETTING.SETTING_KEY.like("matching.%"))).isZero();
    }

    @Test
    void onlyCoordinatorsMerge() {
        CaseFile a = register(person("Nguyen Van Hung", null, null, "VN"));
        CaseFile b = register(person("Nguyen Van Hung", null, null, "VN"));
        Accounts.addUser(haven.unlocked(), "worker", Set.of(Role.CASEWORKER), "worker-password-1".toCharArray());
        try (Haven worker = TestHaven.login(dir, "worker", "worker-password-1".toCharArray())) {
            assertThatThrownBy(() -> worker.matching().merge(a.personId(), b.personId()))
                    .isInstanceOf(HavenException.class).extracting("kind").isEqualTo(HavenException.Kind.DENIED);
            // A caseworker sees no matches among cases they may not see.
            assertThat(worker.matching().find(MatchQuery.byName("Nguyen Van Hung", null, null, null), 5)).isEmpty();
        }
        assertThatThrownBy(() -> haven.matching().merge(a.personId(), a.personId())).isInstanceOf(HavenException.class);
    }
}
