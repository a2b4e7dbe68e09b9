package org.haven.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.haven.core.cases.CaseQuery;
import org.haven.core.operations.Operation;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The intake grid's saving and drafts, against a real encrypted database. */
class IntakeServiceTest extends DatabaseTest {
    IntakeService service;
    Operation raid;

    @BeforeEach
    void setUp() {
        service = new IntakeService(haven, c -> List.of());
        raid = haven.operations().create(new Operation(null, "OP-G", "Raid", LocalDate.now().minusDays(1), null, null, null, null, null, 0));
    }

    @Test
    void saveRegistersValidRowsAndKeepsTheInvalidOnesAsTheDraft() {
        List<String> good = List.of("王伟", "Wang Wei", "m", "31", "China", "Chinese", "yes", "lost");
        List<String> bad = List.of("", "Li Na", "?", "1999-02-30", "CN", "", "", "held");
        List<String> blank = List.of("", "", "", "", "", "", "", "");
        service.saveDraft(raid.id(), List.of(good, bad, blank));
        assertThat(service.loadDraft(raid.id())).containsExactly(good, bad);
        assertThat(service.drafts()).singleElement().satisfies(d -> {
            assertThat(d.operationCode()).isEqualTo("OP-G");
            assertThat(d.rows()).isEqualTo(2);
        });

        IntakeService.SaveResult result = service.save(raid.id(), List.of(good, bad, blank));

        assertThat(result.savedRows()).containsExactly(0);
        assertThat(result.keptRows()).containsExactly(1);
        assertThat(result.caseNumbers()).hasSize(1);
        assertThat(haven.cases().count(CaseQuery.text("wang", 10))).isEqualTo(1);
        assertThat(service.loadDraft(raid.id())).containsExactly(bad);

        // a draft is private to its user and goes away when discarded
        service.discardDraft(raid.id());
        assertThat(service.drafts()).isEmpty();
    }

    @Test
    void gridCellsAreCheckedLikeImportRows() {
        LocalDate identified = LocalDate.now();
        assertThat(IntakeService.check(List.of("", "Sok Dara", "Male", "25/12/2001", "Cambodia", "Khmer", "no", "WITH_POLICE"), identified).valid()).isTrue();
        RowParser.Parsed bad = IntakeService.check(List.of("", "", "x", "abc", "Narnia", "", "perhaps", ""), identified);
        assertThat(bad.errors()).extracting(FieldError::toString).containsExactly(
                "name_latin: required",
                "date_of_birth: not a date (use YYYY-MM-DD)",
                "nationality: not a known country (use an ISO code or the English name)",
                "interpreter_needed: not yes or no",
                "document_status: required");
    }
}
