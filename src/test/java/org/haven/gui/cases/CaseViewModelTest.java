package org.haven.gui.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.haven.core.Haven;
import org.haven.gui.toolkit.Worker;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.CaseWorkflow;
import org.haven.core.cases.LegalRole;
import org.haven.core.common.HavenException;
import org.haven.testing.TestHaven;
import org.haven.core.timeline.CaseEvent;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case page's state and commands without a window, on a real encrypted database. */
class CaseViewModelTest {
    @TempDir Path dir;
    Haven haven;
    CaseFile caseFile;
    final AtomicInteger listRefreshes = new AtomicInteger();

    @BeforeEach
    void open() {
        haven = TestHaven.create(dir.resolve("home"));
        caseFile = haven.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", "សុខ តារា")));
    }

    @AfterEach
    void close() {
        haven.close();
    }

    private CaseViewModel page() {
        CaseViewModel model = new CaseViewModel(haven.cases(), haven.timeline(), caseFile.id(), Worker.AT_ONCE, listRefreshes::incrementAndGet);
        model.reload();
        return model;
    }

    private static CaseStatus aNextStatus(CaseStatus from) {
        return CaseWorkflow.allowedMoves(from).stream().filter(s -> s != CaseStatus.CLOSED).findFirst().orElseThrow();
    }

    @Test
    void openingACaseShowsItsPersonAndNumberInTheTitle() {
        CaseViewModel model = page();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.detailsProperty().get().person().nameNative()).isEqualTo("សុខ តារា");
        assertThat(model.titleProperty().get()).isEqualTo(caseFile.caseNumber() + "  Sok Dara");
        assertThat(model.historyProperty().get().isEmpty()).isTrue();
        assertThat(model.errorProperty().get()).isNull();
        assertThat(listRefreshes).hasValue(0);
    }

    @Test
    void aMoveIsSavedShownAndTheListIsToldOnce() {
        CaseViewModel model = page();
        CaseStatus next = aNextStatus(caseFile.status());
        model.move(next, null, null, null);
        assertThat(model.detailsProperty().get().caseFile().status()).isEqualTo(next);
        assertThat(haven.cases().open(caseFile.id()).caseFile().status()).isEqualTo(next);
        assertThat(listRefreshes).hasValue(1);
        assertThat(model.errorProperty().get()).isNull();
    }

    @Test
    void aMoveOnACaseSomeoneElseMovedFirstIsRefusedAndTheirMoveIsShown() {
        CaseViewModel model = page();
        CaseStatus theirs = aNextStatus(caseFile.status());
        haven.cases().move(caseFile.id(), caseFile.version(), theirs, null, null, null); // another window, meanwhile
        CaseStatus mine = CaseWorkflow.allowedMoves(caseFile.status()).stream().filter(s -> s != theirs && s != CaseStatus.CLOSED)
                .findFirst().orElse(theirs);
        model.move(mine, null, null, null);
        assertThat(model.errorProperty().get()).isInstanceOf(HavenException.class);
        assertThat(model.detailsProperty().get().caseFile().status()).isEqualTo(theirs);
        assertThat(haven.cases().open(caseFile.id()).caseFile().status()).isEqualTo(theirs);
        assertThat(listRefreshes).hasValue(0);
    }

    @Test
    void theLegalRoleIsSavedAndChoosingTheSameOneAgainDoesNothing() {
        CaseViewModel model = page();
        model.setLegalRole(LegalRole.WITNESS);
        assertThat(model.detailsProperty().get().caseFile().legalRole()).isEqualTo(LegalRole.WITNESS);
        model.setLegalRole(LegalRole.WITNESS);
        assertThat(listRefreshes).hasValue(1);
    }

    @Test
    void aDeletedEventLeavesTheTimeline() {
        CaseEvent event = haven.timeline().add(caseFile.id(), EventType.MEDICAL, LocalDate.now().minusDays(2), DatePrecision.DAY,
                "Seen at the clinic");
        CaseViewModel model = page();
        assertThat(model.detailsProperty().get().events()).extracting(CaseEvent::id).contains(event.id());
        model.deleteEvent(event);
        assertThat(model.detailsProperty().get().events()).extracting(CaseEvent::id).doesNotContain(event.id());
        assertThat(listRefreshes).hasValue(1);
    }
}
