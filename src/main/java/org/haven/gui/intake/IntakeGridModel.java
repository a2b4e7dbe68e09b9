package org.haven.gui.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Worker;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.NewCase;
import org.haven.core.intake.GridColumn;
import org.haven.core.intake.IntakeService;

/**
 * The intake grid without its table: the rows, the draft offered back, the status line, whether
 * the grid is busy, and the commands (restore or discard the draft, add, delete and paste rows,
 * save, resolve a flagged row). {@link IntakeGrid} lays it out, handles the keys and binds to it.
 * Database work goes through a {@link Worker} (background tasks in the window, at once in
 * {@code IntakeGridModelTest}), one job at a time and in order.
 */
public final class IntakeGridModel {
    private final IntakeService service;
    private final UUID operationId;
    private final LocalDate identifiedOn;
    private final DuplicateResolver resolver;
    private final String resolveKeys;
    private final SerialWork work;
    private final Worker worker;
    private final ObservableList<GridRowModel> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<List<List<String>>> offeredDraft = new ReadOnlyObjectWrapper<>();
    /** Where the keyboard should go next (row, column); the view moves the focus there. */
    private final ObjectProperty<BiConsumer<Integer, GridColumn>> onFocus = new SimpleObjectProperty<>((row, column) -> { });
    private final ChangeListener<String> cellChanged = (obs, old, now) -> onEdited();

    private boolean draftPending;
    private boolean restoring = true;
    /** A duplicate is being resolved: the grid waits for the decision. */
    private boolean resolving;

    /**
     * @param resolveKeys the keys that resolve a flagged row, as the status line names them (Ctrl+D)
     */
    public IntakeGridModel(IntakeService service, UUID operationId, LocalDate identifiedOn, DuplicateResolver resolver,
                           String resolveKeys, Worker worker) {
        this.service = service;
        this.operationId = operationId;
        this.identifiedOn = identifiedOn;
        this.resolver = resolver == null ? DuplicateResolver.NONE : resolver;
        this.resolveKeys = resolveKeys;
        this.worker = worker;
        this.work = new SerialWork(worker);
    }

    public ObservableList<GridRowModel> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True until the draft is decided, and while a save or a resolution runs: nothing can be typed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A saved draft waiting for the user's choice (restore or discard); null when there is none. */
    public ReadOnlyObjectProperty<List<List<String>>> offeredDraftProperty() {
        return offeredDraft.getReadOnlyProperty();
    }

    public void setOnFocus(BiConsumer<Integer, GridColumn> focus) {
        onFocus.set(focus);
    }

    public LocalDate identifiedOn() {
        return identifiedOn;
    }

    // --- the draft

    /** Reads the saved draft. If it cannot be read the grid stays busy: starting empty would overwrite it. */
    public void load() {
        worker.run(() -> service.loadDraft(operationId), draft -> {
            if (draft.isEmpty()) startWith(List.of());
            else offeredDraft.set(draft);
        }, error -> status.set(FxTasks.userMessage(error)));
    }

    public void restoreDraft() {
        List<List<String>> draft = offeredDraft.get();
        if (draft == null) return;
        offeredDraft.set(null);
        startWith(draft);
    }

    /** Deletes the saved draft and starts empty; if it cannot be deleted, the draft is offered again. */
    public void discardDraft() {
        List<List<String>> draft = offeredDraft.get();
        if (draft == null) return;
        offeredDraft.set(null);
        work.submit(() -> () -> {
            service.discardDraft(operationId);
            return null;
        }, ignored -> startWith(List.of()), error -> {
            status.set(FxTasks.userMessage(error));
            offeredDraft.set(draft);
        });
    }

    private void startWith(List<List<String>> draft) {
        for (List<String> cells : draft) checkDuplicates(addRow(new GridRowModel(cells)));
        addRow(new GridRowModel());
        restoring = false;
        busy.set(false);
        updateStatus(draft.isEmpty() ? "" : I18n.t("intake.draft.restored", draft.size()));
        focus(draft.isEmpty() ? 0 : draft.size(), GridColumn.NAME_NATIVE);
    }

    /** Saves the draft in the background; edits made while it runs are saved by the next run. */
    private void saveDraftSoon() {
        if (draftPending) return; // a queued save takes its snapshot when it starts, so it includes this edit
        draftPending = true;
        work.submit(() -> {
            draftPending = false;
            List<List<String>> snapshot = rows.stream().map(GridRowModel::values).toList();
            return () -> {
                service.saveDraft(operationId, snapshot);
                return null;
            };
        }, done -> { }, error -> status.set(I18n.t("intake.draft.failed")));
    }

    private void onEdited() {
        if (restoring) return;
        updateStatus(null);
        saveDraftSoon();
    }

    // --- rows

    private GridRowModel addRow(GridRowModel row) {
        for (var p : row.cells()) p.addListener((obs, old, now) -> {
            row.validate(identifiedOn);
            if (row.validPerson() == null) row.duplicatesProperty().set("");
        });
        for (var p : row.cells()) p.addListener(cellChanged);
        row.validate(identifiedOn);
        rows.add(row);
        return row;
    }

    /** Enter or Tab past the last column: the next row, adding one at the end unless the last row is still blank. */
    public void nextRow(int row, GridColumn column) {
        if (row < 0 || row >= rows.size()) return;
        if (row + 1 >= rows.size()) {
            if (rows.get(row).isBlank()) return; // one empty row at the end is enough
            addRow(new GridRowModel());
        }
        focus(row + 1, column);
    }

    /** Ctrl+Delete: removes the row (a person typed by mistake); the grid always keeps one row. */
    public void deleteRow(int row, GridColumn column) {
        if (row < 0 || row >= rows.size()) return;
        rows.remove(row);
        if (rows.isEmpty()) addRow(new GridRowModel());
        onEdited();
        focus(Math.min(row, rows.size() - 1), column);
    }

    /** Rows copied from a spreadsheet (one list of cells per line) fill the grid from the given cell. */
    public void paste(int row, GridColumn column, List<List<String>> lines) {
        if (lines.isEmpty()) return;
        for (int i = 0; i < lines.size(); i++) {
            int r = row + i;
            while (r >= rows.size()) addRow(new GridRowModel());
            List<String> cells = lines.get(i);
            for (int j = 0; j < cells.size() && column.ordinal() + j < GridColumn.values().length; j++) {
                GridColumn target = GridColumn.values()[column.ordinal() + j];
                // Pasted codes ("M", "vn", "KH") are shown as the words they mean, as typed ones are.
                rows.get(r).cell(target).set(Choices.asWords(target, cells.get(j).strip()));
            }
        }
        int lastRow = row + lines.size() - 1;
        for (int r = row; r <= lastRow; r++) checkDuplicates(rows.get(r));
        if (lastRow + 1 >= rows.size()) addRow(new GridRowModel());
        updateStatus(I18n.t("intake.grid.pasted", lines.size()));
        focus(lastRow + 1, GridColumn.NAME_NATIVE);
    }

    /** The keyboard left a row: its duplicate check runs now (not on every keystroke). */
    public void leftRow(int row) {
        if (row >= 0 && row < rows.size()) checkDuplicates(rows.get(row));
    }

    /**
     * Asks the duplicate hook about a valid row (in the background): when the keyboard leaves the
     * row, and for pasted or restored rows.
     */
    private void checkDuplicates(GridRowModel row) {
        var person = row.validPerson();
        if (person == null) {
            row.duplicatesProperty().set("");
            return;
        }
        worker.run(() -> new IntakeService.Held(service.likelyDuplicates(person), service.hiddenDuplicates(person)), found -> {
            if (row.validPerson() != person) return; // typed on since: a newer check follows
            row.duplicatesProperty().set(flagText(found));
        }, error -> row.duplicatesProperty().set(""));
    }

    /** The row's flag: the cases it may duplicate, or that a likely match is in a case the user cannot see. */
    private static String flagText(IntakeService.Held found) {
        List<String> parts = new ArrayList<>();
        if (!found.duplicates().isEmpty()) {
            parts.add(I18n.t("intake.grid.duplicates", String.join(", ", found.duplicates().stream().map(d -> d.caseNumber()).toList())));
        }
        if (found.hidden() > 0) parts.add(I18n.t("intake.grid.hiddenDuplicate", found.hidden()));
        return String.join("\n", parts);
    }

    /** The rows now in the grid, as typed, blank rows left out. */
    public List<List<String>> rowsAsTyped() {
        return rows.stream().filter(r -> !r.isBlank()).map(GridRowModel::values).toList();
    }

    // --- saving

    /** Saves every valid row in one transaction; the invalid rows stay, marked, and remain the draft. */
    public void save() {
        if (busy.get()) return;
        List<List<String>> snapshot = rows.stream().map(GridRowModel::parserValues).toList();
        List<GridRowModel> sent = List.copyOf(rows);
        if (sent.stream().allMatch(GridRowModel::isBlank)) {
            updateStatus(I18n.t("intake.grid.nothing"));
            return;
        }
        busy.set(true);
        updateStatus(I18n.t("intake.grid.saving"));
        work.submit(() -> () -> service.save(operationId, snapshot), result -> {
            // The draft now holds the kept rows; they are saved with their typed text, not the parser's.
            List<GridRowModel> keep = new ArrayList<>();
            for (int i : result.keptRows()) keep.add(sent.get(i));
            restoring = true;
            rows.setAll(keep);
            restoring = false;
            // Rows held back as likely duplicates stay, flagged with what the save found, for a decision each.
            for (int h = 0; h < result.heldRows().size(); h++) {
                sent.get(result.heldRows().get(h)).duplicatesProperty().set(flagText(result.held().get(h)));
            }
            GridRowModel blank = addRow(new GridRowModel());
            busy.set(false);
            int held = result.heldRows().size();
            updateStatus(held == 0 ? I18n.t("intake.grid.saved", result.savedRows().size(), keep.size())
                    : I18n.t("intake.grid.savedHeld", result.savedRows().size(), held, keep.size() - held, resolveKeys));
            saveDraftSoon();
            focus(keep.isEmpty() ? rows.indexOf(blank) : 0, GridColumn.NAME_NATIVE);
        }, error -> {
            busy.set(false);
            updateStatus(FxTasks.userMessage(error));
        });
    }

    // --- resolving a possible duplicate

    /** A valid row flagged as a possible duplicate, and a way to resolve it. */
    public boolean canResolve(GridRowModel row) {
        return resolver != DuplicateResolver.NONE && row.validPerson() != null && !row.duplicatesProperty().get().isEmpty();
    }

    /**
     * Ctrl+D or the row's button: asks the caseworker whether the flagged row is an existing
     * person. Linked or confirmed as someone else, the row is registered under the operation and
     * leaves the grid (and the draft), as a save of that row would; cancelled, nothing changes.
     */
    public void resolveDuplicate(int index, javafx.stage.Window owner, GridColumn column) {
        if (resolving || busy.get() || index < 0 || index >= rows.size()) return;
        GridRowModel row = rows.get(index);
        if (!canResolve(row)) return;
        resolving = true;
        busy.set(true);
        updateStatus(I18n.t("intake.grid.resolving"));
        NewCase request = new NewCase(row.validPerson(), operationId, identifiedOn, null, null);
        resolver.resolve(owner, request, new DuplicateResolver.Outcome() {
            @Override
            public void saved(CaseFile saved) {
                endResolving();
                int at = rows.indexOf(row);
                rows.remove(row);
                if (rows.isEmpty() || !rows.getLast().isBlank()) addRow(new GridRowModel());
                updateStatus(I18n.t("intake.grid.resolved", saved.caseNumber()));
                saveDraftSoon();
                focus(Math.max(0, Math.min(at, rows.size() - 1)), GridColumn.NAME_NATIVE);
            }

            @Override
            public void nothingToResolve() {
                endResolving();
                row.duplicatesProperty().set("");
                updateStatus(I18n.t("intake.grid.noMatches"));
                focus(rows.indexOf(row), column);
            }

            @Override
            public void cancelled() {
                endResolving();
                updateStatus(null);
                focus(rows.indexOf(row), column);
            }

            @Override
            public void failed(Throwable error) {
                endResolving();
                updateStatus(FxTasks.userMessage(error));
            }
        });
    }

    private void endResolving() {
        resolving = false;
        busy.set(false);
    }

    private void updateStatus(String message) {
        long invalid = rows.stream().filter(r -> !r.errorsProperty().get().isEmpty()).count();
        long ready = rows.stream().filter(r -> r.validPerson() != null).count();
        String counts = I18n.t("intake.grid.counts", ready, invalid);
        status.set(message == null || message.isEmpty() ? counts : message + "  " + counts);
    }

    private void focus(int row, GridColumn column) {
        onFocus.get().accept(row, column);
    }

    /**
     * Database work one job at a time, in order: a draft save never overtakes (and so never undoes)
     * a Save that already cleared the saved rows from the draft.
     */
    private static final class SerialWork {
        private final Worker worker;
        private final java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        private boolean running;

        SerialWork(Worker worker) {
            this.worker = worker;
        }

        /** {@code prepare} runs when the job's turn comes (to snapshot the grid then). */
        <T> void submit(java.util.function.Supplier<Callable<T>> prepare, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            queue.addLast(() -> worker.run(prepare.get(), v -> {
                try {
                    onSuccess.accept(v);
                } finally {
                    next();
                }
            }, err -> {
                try {
                    onError.accept(err);
                } finally {
                    next();
                }
            }));
            if (!running) next();
        }

        private void next() {
            Runnable r = queue.pollFirst();
            running = r != null;
            if (r != null) r.run();
        }
    }
}
