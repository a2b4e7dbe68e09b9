package org.haven.gui.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.haven.core.Haven;
import org.haven.gui.toolkit.Worker;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.CaseWorkflow;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case list's state and commands without a window, on a real encrypted database. */
class CaseListModelTest {
    @TempDir Path dir;
    Haven haven;
    CaseFile dara;
    CaseFile vanna;
    CaseFile lina;

    @BeforeEach
    void open() {
        haven = TestHaven.create(dir.resolve("home"));
    }

    @AfterEach
    void close() {
        haven.close();
    }

    private void threeCases() {
        dara = haven.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", "សុខ តារា")));
        vanna = haven.cases().register(TestHaven.newCase(TestHaven.person("Chan Vanna", null)));
        lina = haven.cases().register(TestHaven.newCase(TestHaven.person("Sok Lina", null)));
    }

    private CaseListModel list(Worker worker) {
        return new CaseListModel(haven.cases(), haven.operations(), worker);
    }

    private static List<String> names(CaseListModel model) {
        return model.rows().stream().map(CaseListItem::nameLatin).sorted().toList();
    }

    @Test
    void theFirstPageShowsEveryCaseNewestFirstWithItsCount() {
        threeCases();
        CaseListModel model = list(Worker.AT_ONCE);
        model.start();
        assertThat(model.rows()).extracting(CaseListItem::caseNumber)
                .containsExactly(lina.caseNumber(), vanna.caseNumber(), dara.caseNumber());
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.totalProperty().get()).isEqualTo(3);
        assertThat(model.countTextProperty().get()).contains("3");
        assertThat(model.pageTextProperty().get()).contains("1").contains("3");
        assertThat(model.canGoBackProperty().get()).isFalse();
        assertThat(model.canGoForwardProperty().get()).isFalse();
        assertThat(model.noCasesYetProperty().get()).isFalse();
    }

    @Test
    void aSearchNarrowsTheRows() {
        threeCases();
        CaseListModel model = list(Worker.AT_ONCE);
        model.start();
        model.searchTextProperty().set("sok");
        assertThat(model.rows()).hasSize(3); // typing alone does not search: the view waits for a pause
        model.search();
        assertThat(names(model)).containsExactly("Sok Dara", "Sok Lina");
        assertThat(model.totalProperty().get()).isEqualTo(2);
        model.searchTextProperty().set("nobody by that name");
        model.search();
        assertThat(model.rows()).isEmpty();
        assertThat(model.noCasesYetProperty().get()).isFalse(); // "no match", not the first steps of a new database
    }

    @Test
    void aNewDatabaseOffersTheFirstSteps() {
        CaseListModel model = list(Worker.AT_ONCE);
        model.start();
        assertThat(model.rows()).isEmpty();
        assertThat(model.noCasesYetProperty().get()).isTrue();
        assertThat(model.pageTextProperty().get()).isEmpty();
    }

    @Test
    void anOlderAnswerArrivingLateDoesNotOverwriteANewerOne() {
        threeCases();
        Queued worker = new Queued();
        CaseListModel model = list(worker);
        model.searchTextProperty().set("Chan");
        model.search();
        model.searchTextProperty().set("Sok");
        model.search();
        assertThat(model.busyProperty().get()).isTrue();
        worker.runNewestFirst(); // the answer for "Sok" comes back first, the one for "Chan" late
        assertThat(names(model)).containsExactly("Sok Dara", "Sok Lina");
        assertThat(model.totalProperty().get()).isEqualTo(2);
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aStatusFilterShowsOnlyTheCasesInThatStatus() {
        threeCases();
        CaseStatus next = CaseWorkflow.allowedMoves(vanna.status()).stream().filter(s -> s != CaseStatus.CLOSED).findFirst().orElseThrow();
        haven.cases().move(vanna.id(), vanna.version(), next, null, null, null);
        CaseListModel model = list(Worker.AT_ONCE);
        model.start();
        model.statusesProperty().set(Set.of(next)); // a filter searches at once
        assertThat(names(model)).containsExactly("Chan Vanna");
        model.statusesProperty().set(Set.of());
        assertThat(model.rows()).hasSize(3);
    }

    @Test
    void theSelectedCaseStaysSelectedAfterARefreshWhileItIsStillListed() {
        threeCases();
        CaseListModel model = list(Worker.AT_ONCE);
        model.start();
        CaseListItem chan = model.rows().stream().filter(i -> i.caseId().equals(vanna.id())).findFirst().orElseThrow();
        model.selectedProperty().set(chan);
        model.refresh();
        assertThat(model.selectedProperty().get().caseId()).isEqualTo(vanna.id());
        model.searchTextProperty().set("Sok");
        model.search();
        assertThat(model.selectedProperty().get()).isNull();
    }

    @Test
    void aFailureIsShownAndThePageShownStays() {
        threeCases();
        CaseListModel model = list(Worker.AT_ONCE);
        model.start();
        assertThat(model.errorProperty().get()).isNull();
        haven.close(); // the database is gone (e.g. the USB disk was pulled)
        model.searchTextProperty().set("Sok");
        model.search();
        assertThat(model.errorProperty().get()).isNotNull();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.rows()).hasSize(3);
        haven = TestHaven.login(dir.resolve("home")); // for close()
    }

    /** Holds each piece of work until the test runs it, to answer requests in another order than asked. */
    static final class Queued implements Worker {
        private final List<Runnable> pending = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            pending.add(() -> AT_ONCE.run(work, onSuccess, onError));
        }

        void runNewestFirst() {
            while (!pending.isEmpty()) pending.removeLast().run();
        }
    }
}
