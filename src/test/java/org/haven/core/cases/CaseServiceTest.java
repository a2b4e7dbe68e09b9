package org.haven.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.haven.core.common.HavenException;
import org.haven.core.people.Person;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.haven.core.timeline.EventType;
import org.junit.jupiter.api.Test;

/** Cases against a real encrypted H2 file database in a temp folder. */
class CaseServiceTest extends DatabaseTest {
    @Test
    void registeringCreatesPersonCaseAndIdentificationEvent() {
        CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Lan", "Nguyễn Thị Lan")));

        CaseDetails details = haven.cases().open(c.id());
        assertThat(details.caseFile().caseNumber()).matches("HVN-\\d{4}-[A-Z2-9]{3}-000001");
        assertThat(details.caseFile().status()).isEqualTo(CaseStatus.IDENTIFIED);
        assertThat(details.person().nameNative()).isEqualTo("Nguyễn Thị Lan");
        assertThat(details.events()).extracting(e -> e.type()).containsExactly(EventType.IDENTIFICATION);
    }

    @Test
    void searchFindsByEitherScriptFoldedAliasAndCaseNumber() {
        CaseFile lan = haven.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Thi Lan", "Nguyễn Thị Lan")));
        haven.cases().register(TestHaven.newCase(TestHaven.person("Wang Wei", "王伟")));
        haven.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", "សុខ ដារ៉ា")));

        assertThat(names("lan")).containsExactly("Nguyen Thi Lan");
        assertThat(names("Nguyễn")).containsExactly("Nguyen Thi Lan");
        assertThat(names("nguy la")).containsExactly("Nguyen Thi Lan");
        assertThat(names("王")).containsExactly("Wang Wei");
        assertThat(names("伟")).containsExactly("Wang Wei");
        assertThat(names("ដារ៉ា")).containsExactly("Sok Dara");
        assertThat(names(lan.caseNumber())).containsExactly("Nguyen Thi Lan");
        assertThat(names("000001")).containsExactly("Nguyen Thi Lan");
        assertThat(names("nobody")).isEmpty();
        assertThat(haven.cases().count(CaseQuery.text("", 10))).isEqualTo(3);
    }

    @Test
    void theListCountStopsJustPastItsCap() {
        for (String name : List.of("Nguyen Van A", "Nguyen Van B", "Nguyen Van C")) {
            haven.cases().register(TestHaven.newCase(TestHaven.person(name, null)));
        }
        CaseQuery nguyen = CaseQuery.text("nguyen", 50);
        assertThat(haven.cases().countUpTo(nguyen, 10)).isEqualTo(3);
        assertThat(haven.cases().countUpTo(nguyen, 1)).isEqualTo(2); // "more than 1"
        assertThat(haven.cases().count(nguyen)).isEqualTo(3);
    }

    @Test
    void staleSaveIsRefusedAndNothingIsOverwritten() {
        CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Tran Van Hung", null)));
        Person first = haven.cases().open(c.id()).person();
        Person second = haven.cases().open(c.id()).person();

        haven.cases().updatePerson(c.id(), first.withContactAndNotes("Hung", null, null));
        assertThatThrownBy(() -> haven.cases().updatePerson(c.id(), second.withContactAndNotes("Other", null, null)))
                .isInstanceOf(HavenException.class)
                .extracting(e -> ((HavenException) e).kind()).isEqualTo(HavenException.Kind.CONFLICT);
        assertThat(haven.cases().open(c.id()).person().aliases()).isEqualTo("Hung");
    }

    @Test
    void statusMovesAreRecordedOnTheTimelineAndIllegalMovesRefused() {
        CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Li Na", "李娜")));
        CaseFile moved = haven.cases().move(c.id(), c.version(), CaseStatus.SCREENING, null, null, LocalDate.now());

        assertThatThrownBy(() -> haven.cases().move(c.id(), moved.version(), CaseStatus.CLOSED, Outcome.REPATRIATED, "home", null))
                .hasMessageContaining("only once its return is pending");
        assertThatThrownBy(() -> haven.cases().move(c.id(), moved.version(), CaseStatus.IDENTIFIED, null, null, null))
                .hasMessageContaining("cannot move");

        List<EventType> types = haven.cases().open(c.id()).events().stream().map(e -> e.type()).toList();
        assertThat(types).containsExactly(EventType.IDENTIFICATION, EventType.STATUS_CHANGE);
    }

    @Test
    void reopeningTheDatabaseKeepsEverything() {
        haven.cases().register(TestHaven.newCase(TestHaven.person("Siti Lestari", null)));
        haven.close();
        haven = TestHaven.login(dir);
        assertThat(names("siti")).containsExactly("Siti Lestari");
    }

    private List<String> names(String text) {
        return haven.cases().search(CaseQuery.text(text, 50)).stream().map(CaseListItem::nameLatin).toList();
    }
}
