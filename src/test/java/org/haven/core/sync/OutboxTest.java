package org.haven.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.haven.core.cases.CaseFile;
import org.haven.core.changes.Outbox;
import org.haven.core.common.HavenException;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.PersonChanges;
import org.haven.core.people.Sex;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;

/** Every edit of a person writes its outbox entries in the same transaction: one per changed field, or none at all. */
class OutboxTest extends DatabaseTest {

    private CaseFile registered() {
        return haven.cases().register(TestHaven.newCase(new Person(null, null, "Lan Pham", null, Sex.FEMALE, null, 30, "VN",
                "vi", false, DocumentStatus.HELD, "B1234567", null, "first note", 0)));
    }

    /** The entries of edits and deletions (a registration's new rows are INSERT entries, checked apart). */
    private List<Outbox.Entry> outbox() {
        return Outbox.all(haven.database().dsl()).stream().filter(e -> e.op() != Outbox.Op.INSERT).toList();
    }

    @Test
    void aDatabaseThatDoesNotSyncKeepsNoCopyOfNewRowsAndOneThatDoesSendsThem() {
        if (!haven.database().isOffice()) {
            registered();
            assertThat(Outbox.all(haven.database().dsl())).as("a laptop on its own: nothing to send a registration to").isEmpty();
            // A laptop that joined an office holds its address.
            haven.database().inTransactionRun(tx -> LaptopSyncRepository.setSetting(tx, Join.OFFICE_URL, "https://office.example:8443"));
        }
        CaseFile c = registered();
        assertThat(Outbox.all(haven.database().dsl())).as("a registration: its person, case and first event as new rows")
                .filteredOn(e -> c.personId().equals(e.personId()))
                .extracting(Outbox.Entry::op, Outbox.Entry::table, Outbox.Entry::personId)
                .containsExactly(tuple(Outbox.Op.INSERT, "person", c.personId()), tuple(Outbox.Op.INSERT, "case_file", c.personId()),
                        tuple(Outbox.Op.INSERT, "case_event", c.personId()));
        assertThat(Outbox.all(haven.database().dsl()).stream().filter(e -> "case_file".equals(e.table())).findFirst().orElseThrow().newValue())
                .as("the whole row").contains(c.caseNumber());
    }

    @Test
    void anEditOfTwoFieldsWritesTwoEntriesWithOldAndNewValues() {
        CaseFile c = registered();
        assertThat(outbox()).as("a registration is not an edit").isEmpty();
        Person p = haven.cases().open(c.id()).person();
        Person edited = new Person(p.id(), p.nameNative(), p.nameLatin(), p.aliases(), p.sex(), p.birthDate(), p.estimatedAge(),
                p.nationality(), p.languages(), p.interpreterNeeded(), p.documentStatus(), "C7654321", p.familyContact(),
                "second note", p.version(), p.latinDerived());
        haven.cases().updatePerson(c.id(), edited);

        List<Outbox.Entry> entries = outbox();
        assertThat(entries).extracting(Outbox.Entry::field).containsExactlyInAnyOrder("document_number", "notes");
        Outbox.Entry doc = entries.stream().filter(e -> e.field().equals("document_number")).findFirst().orElseThrow();
        assertThat(doc.oldValue()).isEqualTo("B1234567");
        assertThat(doc.newValue()).isEqualTo("C7654321");
        Outbox.Entry note = entries.stream().filter(e -> e.field().equals("notes")).findFirst().orElseThrow();
        assertThat(note.oldValue()).isEqualTo("first note");
        assertThat(note.newValue()).isEqualTo("second note");
        for (Outbox.Entry e : entries) {
            assertThat(e.op()).isEqualTo(Outbox.Op.SET);
            assertThat(e.table()).isEqualTo("person");
            assertThat(e.rowId()).isEqualTo(p.id());
            assertThat(e.personId()).isEqualTo(p.id());
            assertThat(e.baseVersion()).as("the office has not seen this person").isZero();
            assertThat(e.opId().version()).isEqualTo(7);
            assertThat(e.deviceCode()).isEqualTo(c.caseNumber().split("-")[2]);
            assertThat(e.madeBy()).isEqualTo(haven.session().user().id());
        }

        // Saving again with nothing changed writes nothing more; a date is kept as ISO text.
        Person again = haven.cases().open(c.id()).person();
        haven.cases().updatePerson(c.id(), again);
        assertThat(outbox()).hasSize(2);
        Person dated = haven.cases().open(c.id()).person();
        haven.cases().updatePerson(c.id(), new Person(dated.id(), dated.nameNative(), dated.nameLatin(), dated.aliases(),
                dated.sex(), LocalDate.of(1994, 3, 7), null, dated.nationality(), dated.languages(), dated.interpreterNeeded(),
                dated.documentStatus(), dated.documentNumber(), dated.familyContact(), dated.notes(), dated.version(), dated.latinDerived()));
        assertThat(outbox()).extracting(Outbox.Entry::field, Outbox.Entry::oldValue, Outbox.Entry::newValue)
                .contains(org.assertj.core.groups.Tuple.tuple("birth_date", null, "1994-03-07"),
                        org.assertj.core.groups.Tuple.tuple("estimated_age", "30", null));
    }

    @Test
    void aFailedEditWritesNoEntry() {
        CaseFile c = registered();
        Person p = haven.cases().open(c.id()).person();

        // Refused by the rules (a birth date in the future): nothing saved, nothing in the outbox.
        Person invalid = new Person(p.id(), p.nameNative(), p.nameLatin(), p.aliases(), p.sex(), LocalDate.now().plusDays(3),
                null, p.nationality(), p.languages(), p.interpreterNeeded(), p.documentStatus(), p.documentNumber(),
                p.familyContact(), "changed", p.version(), p.latinDerived());
        assertThatThrownBy(() -> haven.cases().updatePerson(c.id(), invalid)).isInstanceOf(HavenException.class);

        // Refused inside the writing transaction: someone saved the person meanwhile (stale version).
        Person stale = p.withContactAndNotes(null, null, "stale edit").withVersion(p.version() + 5);
        assertThatThrownBy(() -> haven.cases().updatePerson(c.id(), stale))
                .extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.CONFLICT);

        // A transaction that fails after the edit and its entries were written rolls both back.
        assertThatThrownBy(() -> haven.database().inTransaction(tx -> {
            PersonChanges.save(tx, haven.session().user().id(), p.withContactAndNotes(null, null, "rolled back"));
            assertThat(Outbox.all(tx)).as("written inside the transaction").filteredOn(e -> e.op() == Outbox.Op.SET).hasSize(1);
            throw new IllegalStateException("fails before the commit");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(outbox()).isEmpty();
        assertThat(haven.cases().open(c.id()).person().notes()).isEqualTo("first note");
    }

    @Test
    void aMergeKeepsTheOtherRecordsEntriesUnderTheKeptPerson() {
        CaseFile keep = registered();
        CaseFile other = haven.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham Thi", null)));
        Person o = haven.cases().open(other.id()).person();
        haven.cases().updatePerson(other.id(), o.withContactAndNotes(null, null, "note about the other record"));
        haven.matching().merge(keep.personId(), other.personId());
        assertThat(outbox()).isNotEmpty().allSatisfy(e -> assertThat(e.personId()).isEqualTo(keep.personId()));
    }
}
