package org.haven.gui.cases;

import java.time.LocalDate;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Worker;
import org.haven.core.cases.CaseDetails;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseService;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.LegalRole;
import org.haven.core.cases.Outcome;
import org.haven.core.cases.PersonHistory;
import org.haven.core.timeline.CaseEvent;
import org.haven.core.timeline.TimelineService;

/**
 * One open case without its controls: the case as last loaded, the person's other cases, the
 * window's title, whether a load runs, the last error, and the commands of the case page (move it,
 * set the person's legal role, delete a timeline event). After every change the case is loaded
 * again and {@code onChanged} tells the case list. {@link CaseView} lays it out and shows the error;
 * {@code CaseViewModelTest} drives it without a window.
 */
public final class CaseViewModel {
    private final CaseService cases;
    private final TimelineService timeline;
    private final UUID caseId;
    private final Worker worker;
    private final Runnable onChanged;
    private final ReadOnlyObjectWrapper<CaseDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PersonHistory> history = new ReadOnlyObjectWrapper<>(PersonHistory.NONE);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(I18n.t("case.loading"));
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Throwable> error = new ReadOnlyObjectWrapper<>();

    public CaseViewModel(CaseService cases, TimelineService timeline, UUID caseId, Worker worker, Runnable onChanged) {
        this.cases = cases;
        this.timeline = timeline;
        this.caseId = caseId;
        this.worker = worker;
        this.onChanged = onChanged;
    }

    public UUID caseId() {
        return caseId;
    }

    /** The case as last loaded (null until the first load finished). */
    public ReadOnlyObjectProperty<CaseDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The person's other cases, loaded after the case (empty until then). */
    public ReadOnlyObjectProperty<PersonHistory> historyProperty() {
        return history.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The last command's failure, for the view to show (set anew on every failure). */
    public ReadOnlyObjectProperty<Throwable> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void reload() {
        loading.set(true);
        worker.run(() -> cases.open(caseId), d -> {
            loading.set(false);
            history.set(PersonHistory.NONE);
            title.set(d.caseFile().caseNumber() + "  " + d.person().nameLatin());
            details.set(d);
            loadHistory(d);
        }, e -> {
            loading.set(false);
            fail(e);
        });
    }

    private void loadHistory(CaseDetails d) {
        worker.run(() -> cases.history(caseId), h -> {
            if (details.get() == d) history.set(h); // reloaded meanwhile: the newer load shows its own
        }, e -> { }); // the case itself is shown; its history is an addition
    }

    /** This case changed: tell the list and load it again. */
    public void changed() {
        onChanged.run();
        reload();
    }

    /**
     * Moves the case to {@code to}; closing it needs the outcome, the reason and the date (null
     * otherwise). Refused (someone moved it first, a rule), the case is loaded again as stored.
     */
    public void move(CaseStatus to, Outcome outcome, String reason, LocalDate date) {
        CaseFile c = details.get().caseFile();
        worker.run(() -> cases.move(caseId, c.version(), to, outcome, reason, date), saved -> changed(), e -> {
            fail(e);
            reload();
        });
    }

    /** Sets the person's role in legal proceedings; refused, the case is loaded again to show what is stored. */
    public void setLegalRole(LegalRole role) {
        CaseFile c = details.get().caseFile();
        if (role == null || role == c.legalRole()) return;
        worker.run(() -> cases.setLegalRole(caseId, c.version(), role), saved -> changed(), e -> {
            fail(e);
            changed();
        });
    }

    public void deleteEvent(CaseEvent event) {
        worker.run(() -> {
            timeline.delete(event);
            return LocalDate.now();
        }, done -> changed(), this::fail);
    }

    private void fail(Throwable e) {
        error.set(null); // the same failure twice is reported twice
        error.set(e);
    }
}
