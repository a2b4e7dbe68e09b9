package org.haven.intake.ui;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.haven.Haven;
import org.haven.app.FxTasks;
import org.haven.app.I18n;
import org.haven.cases.CaseFile;
import org.haven.cases.NewCase;
import org.haven.intake.GridColumn;
import org.haven.intake.IntakeHooks;
import org.haven.intake.IntakeService;
import org.haven.operations.Operation;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Bulk intake after a raid: a spreadsheet-like grid, one row per person, keyboard only.
 * Tab / Shift+Tab move along a row, Enter goes to the next row (adding one at the end), Up/Down
 * move between rows, Ctrl+V pastes rows copied from a spreadsheet, Ctrl+Delete removes a row,
 * Ctrl+S saves, Ctrl+D resolves a row flagged as a possible duplicate (link it to the existing
 * person, or confirm it is someone else; either way it is registered and leaves the grid). Each row is checked as it is
 * typed; Save registers every valid row (person, open case under the operation, identification
 * event) in one transaction and keeps the invalid ones, marked, for correction, and the rows that
 * are likely people already in Haven, flagged, for an explicit decision each (never saved silently). Every edit is kept
 * as a draft in the encrypted database, and a draft is offered back when the grid is opened again.
 */
public final class IntakeGrid extends BorderPane {
    private static final javafx.scene.input.KeyCombination SAVE_KEYS =
            new javafx.scene.input.KeyCodeCombination(KeyCode.S, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
    private static final javafx.scene.input.KeyCombination RESOLVE_KEYS =
            new javafx.scene.input.KeyCodeCombination(KeyCode.D, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
    private final IntakeService service;
    private final Operation operation;
    private final LocalDate identifiedOn;
    private final ObservableList<GridRowModel> rows = FXCollections.observableArrayList();
    private final TableView<GridRowModel> table = new TableView<>(rows);
    private final Label status = new Label();
    private final Button save = new Button(I18n.t("intake.grid.save"), new FontIcon("mdi2c-content-save"));
    private final VBox top = new VBox();
    private final SerialWork work = new SerialWork();
    private final ChangeListener<String> cellChanged = (obs, old, now) -> onEdited();
    private final DuplicateResolver resolver;

    private int focusedRow;
    private GridColumn focusedColumn = GridColumn.NAME_NATIVE;
    /** Where a run of Tabs started: Enter goes back to this column on the next row, as in a spreadsheet. */
    private GridColumn tabStart = GridColumn.NAME_NATIVE;
    private boolean tabbing;
    private boolean draftPending;
    private boolean restoring = true;
    /** A duplicate is being resolved: the grid waits for the decision. */
    private boolean resolving;

    public IntakeGrid(Haven haven, Operation operation) {
        this(haven, operation, IntakeHooks.duplicateCheck(haven));
    }

    /** With a given duplicate check (tests; the default comes from {@link IntakeHooks}); flagged rows are only marked. */
    public IntakeGrid(Haven haven, Operation operation, org.haven.intake.DuplicateHook duplicates) {
        this(haven, operation, duplicates, DuplicateResolver.NONE);
    }

    /** With a way to resolve rows flagged as possible duplicates (see {@link IntakeMenus}). */
    public IntakeGrid(Haven haven, Operation operation, org.haven.intake.DuplicateHook duplicates, DuplicateResolver resolver) {
        this.service = new IntakeService(haven, duplicates);
        this.resolver = resolver == null ? DuplicateResolver.NONE : resolver;
        this.operation = operation;
        this.identifiedOn = IntakeService.identifiedOn(operation);
        getStyleClass().add("intake-grid");
        getStylesheets().add(IntakeGrid.class.getResource("intake.css").toExternalForm());

        Label title = new Label(I18n.t("intake.grid.title", operation.code(), operation.name()));
        title.getStyleClass().add("title-3");
        save.setId("intake-save");
        save.setOnAction(e -> save());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, spacer, save);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(8));
        top.getChildren().add(toolbar);
        setTop(top);

        buildTable();
        setCenter(table);
        status.setId("intake-status");
        status.setPadding(new Insets(4, 8, 4, 8));
        // The keys of the grid, always in view: it is used by keyboard only.
        Label legend = new org.haven.app.WrappingLabel(I18n.t("intake.grid.legend")); // wraps Khmer at word boundaries, each word once
        legend.setId("intake-legend");
        legend.setWrapText(true);
        legend.getStyleClass().add("intake-legend");
        legend.setPadding(new Insets(0, 8, 4, 8));
        setBottom(new VBox(status, legend));

        // Ctrl+S (Cmd+S) saves from anywhere in the grid: the keyboard is enough.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE_KEYS.match(e)) {
                e.consume();
                if (!save.isDisabled() && !table.isDisabled()) save();
            }
        });
        save.setTooltip(new Tooltip(SAVE_KEYS.getDisplayText()));

        table.setDisable(true);
        save.setDisable(true);
        // If the draft cannot be read the grid stays closed: starting empty would overwrite the draft.
        FxTasks.run(() -> service.loadDraft(operation.id()), this::offerDraft, error -> status.setText(FxTasks.userMessage(error)));
    }

    private void buildTable() {
        table.setId("intake-table");
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(""));

        TableColumn<GridRowModel, String> number = new TableColumn<>("#");
        number.setSortable(false);
        number.setPrefWidth(56);
        number.setMaxWidth(72);
        number.setCellValueFactory(cd -> cd.getValue().problemsProperty());
        number.setCellFactory(c -> new RowNumberCell());
        table.getColumns().add(number);

        for (GridColumn column : GridColumn.values()) {
            TableColumn<GridRowModel, String> tc = new TableColumn<>(I18n.t("intake.column." + column.name()));
            tc.setSortable(false);
            tc.setPrefWidth(switch (column) {
                case NAME_NATIVE, NAME_LATIN -> 170;
                case AGE_OR_BIRTH_DATE, INTERPRETER_NEEDED, DOCUMENT_STATUS -> 150;
                default -> 115;
            });
            tc.setCellValueFactory(cd -> cd.getValue().cell(column));
            tc.setCellFactory(c -> new EntryCell(this, column));
            table.getColumns().add(tc);
        }
    }

    /** Shows a saved draft and asks whether to continue it; until then nothing is typed or saved. */
    private void offerDraft(List<List<String>> draft) {
        if (draft.isEmpty()) {
            startWith(List.of());
            return;
        }
        Label message = new org.haven.app.WrappingLabel(I18n.t("intake.draft.found", draft.size()));
        message.setWrapText(true);
        Button restore = new Button(I18n.t("intake.draft.restore"));
        restore.setId("intake-draft-restore");
        restore.setDefaultButton(true);
        Button discard = new Button(I18n.t("intake.draft.discard"));
        discard.setId("intake-draft-discard");
        HBox banner = new HBox(8, new FontIcon("mdi2f-file-restore"), message, restore, discard);
        banner.setId("intake-draft-banner");
        banner.getStyleClass().add("intake-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(8));
        top.getChildren().add(banner);
        restore.setOnAction(e -> {
            top.getChildren().remove(banner);
            startWith(draft);
        });
        discard.setOnAction(e -> {
            top.getChildren().remove(banner);
            work.submit(() -> () -> {
                service.discardDraft(operation.id());
                return null;
            }, ignored -> startWith(List.of()), org.haven.app.ErrorDialog::show);
        });
        Platform.runLater(restore::requestFocus);
    }

    private void startWith(List<List<String>> draft) {
        for (List<String> cells : draft) checkDuplicates(addRow(new GridRowModel(cells)));
        addRow(new GridRowModel());
        restoring = false;
        table.setDisable(false);
        save.setDisable(false);
        updateStatus(draft.isEmpty() ? "" : I18n.t("intake.draft.restored", draft.size()));
        focusCell(draft.isEmpty() ? 0 : draft.size(), GridColumn.NAME_NATIVE);
    }

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

    /**
     * Asks the duplicate hook about a valid row (in the background): when the keyboard leaves the
     * row, and for pasted or restored rows, so a lookup does not run on every keystroke.
     */
    private void checkDuplicates(GridRowModel row) {
        var person = row.validPerson();
        if (person == null) {
            row.duplicatesProperty().set("");
            return;
        }
        FxTasks.run(() -> new IntakeService.Held(service.likelyDuplicates(person), service.hiddenDuplicates(person)), found -> {
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

    private void onEdited() {
        if (restoring) return;
        updateStatus(null);
        saveDraftSoon();
    }

    /** Saves the draft in the background; edits made while it runs are saved by the next run. */
    private void saveDraftSoon() {
        if (draftPending) return; // a queued save takes its snapshot when it starts, so it includes this edit
        draftPending = true;
        work.submit(() -> {
            draftPending = false;
            List<List<String>> snapshot = rows.stream().map(GridRowModel::values).toList();
            return () -> {
                service.saveDraft(operation.id(), snapshot);
                return null;
            };
        }, done -> { }, error -> status.setText(I18n.t("intake.draft.failed")));
    }

    // --- keyboard

    void onCellFocused(int row, GridColumn column) {
        if (row != focusedRow && focusedRow >= 0 && focusedRow < rows.size()) checkDuplicates(rows.get(focusedRow));
        focusedRow = row;
        focusedColumn = column;
    }

    void onKey(EntryCell cell, KeyEvent e) {
        int row = cell.getIndex();
        GridColumn column = cell.column();
        int last = GridColumn.values().length - 1;
        if (e.getCode() == KeyCode.TAB) {
            e.consume();
            cell.acceptCompletion();
            if (e.isShiftDown()) {
                if (column.ordinal() > 0) focusCell(row, GridColumn.values()[column.ordinal() - 1]);
                else if (row > 0) focusCell(row - 1, GridColumn.values()[last]);
            } else {
                if (!tabbing) tabStart = column;
                tabbing = true;
                if (column.ordinal() < last) {
                    focusCell(row, GridColumn.values()[column.ordinal() + 1]);
                } else {
                    nextRow(row, GridColumn.NAME_NATIVE);
                }
            }
        } else if (e.getCode() == KeyCode.ENTER) {
            e.consume();
            cell.acceptCompletion();
            GridColumn target = tabbing ? tabStart : column;
            tabbing = false;
            nextRow(row, target);
        } else if (e.getCode() == KeyCode.DOWN) {
            e.consume();
            cell.acceptCompletion();
            tabbing = false;
            if (row + 1 < rows.size()) focusCell(row + 1, column);
        } else if (e.getCode() == KeyCode.UP) {
            e.consume();
            cell.acceptCompletion();
            tabbing = false;
            if (row > 0) focusCell(row - 1, column);
        } else if (e.getCode() == KeyCode.DELETE && e.isShortcutDown()) {
            e.consume();
            deleteRow(row);
        } else if (e.getCode() == KeyCode.D && e.isShortcutDown()) {
            e.consume();
            cell.acceptCompletion();
            resolveDuplicate(row);
        } else if (e.getCode() == KeyCode.V && e.isShortcutDown()) {
            String text = Clipboard.getSystemClipboard().getString();
            if (text != null && (text.indexOf('\t') >= 0 || text.strip().indexOf('\n') >= 0)) {
                e.consume();
                paste(row, column, text);
            }
        }
    }

    private void nextRow(int row, GridColumn column) {
        if (row + 1 >= rows.size()) {
            if (rows.get(row).isBlank()) return; // one empty row at the end is enough
            addRow(new GridRowModel());
        }
        focusCell(row + 1, column);
    }

    /** Ctrl+Delete: removes the row (a person typed by mistake); the grid always keeps one row. */
    private void deleteRow(int row) {
        if (row < 0 || row >= rows.size()) return;
        rows.remove(row);
        if (rows.isEmpty()) addRow(new GridRowModel());
        onEdited();
        focusCell(Math.min(row, rows.size() - 1), focusedColumn);
    }

    /** Puts the keyboard in a cell, scrolling it into view first when needed. */
    void focusCell(int row, GridColumn column) {
        if (tryFocus(row, column)) return;
        // Lay out the new row count first, then scroll the row into view: scrolling before the
        // table has seen a just-added row left it out of view with the theme's taller rows, and
        // the keys typed next went into the row above.
        table.applyCss();
        table.layout();
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) flow.scrollTo(row);
        else table.scrollTo(Math.max(0, row - 3));
        table.layout();
        if (tryFocus(row, column)) return;
        Platform.runLater(() -> tryFocus(row, column));
    }

    private boolean tryFocus(int row, GridColumn column) {
        for (Node n : table.lookupAll(".intake-cell")) {
            if (n instanceof EntryCell c && !c.isEmpty() && c.getIndex() == row && c.column() == column && c.getGraphic() != null) {
                c.field().requestFocus();
                c.field().selectAll();
                table.getSelectionModel().clearAndSelect(row, table.getColumns().get(column.ordinal() + 1));
                return true;
            }
        }
        return false;
    }

    /** Rows copied from a spreadsheet (tab-separated, one line per row) fill the grid from the current cell. */
    private void paste(int row, GridColumn column, String text) {
        List<List<String>> lines = parseTsv(text);
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
        focusCell(lastRow + 1, GridColumn.NAME_NATIVE);
    }

    static List<List<String>> parseTsv(String text) {
        List<List<String>> out = new ArrayList<>();
        CSVFormat tsv = CSVFormat.DEFAULT.builder().setDelimiter('\t').setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), tsv)) {
            for (CSVRecord r : parser) out.add(r.toList());
            return out;
        } catch (IOException | RuntimeException badQuotes) {
            // Not quoted the CSV way: split plainly.
            out.clear();
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) out.add(List.of(line.split("\t", -1)));
            }
            return out;
        }
    }

    // --- saving

    /** Saves every valid row in one transaction; the invalid rows stay, marked, and remain the draft. */
    public void save() {
        List<List<String>> snapshot = rows.stream().map(GridRowModel::parserValues).toList();
        List<GridRowModel> sent = List.copyOf(rows);
        if (sent.stream().allMatch(GridRowModel::isBlank)) {
            updateStatus(I18n.t("intake.grid.nothing"));
            return;
        }
        table.setDisable(true);
        save.setDisable(true);
        updateStatus(I18n.t("intake.grid.saving"));
        work.submit(() -> () -> service.save(operation.id(), snapshot), result -> {
            // The draft now holds the kept rows; they are saved with their typed text, not the parser's.
            List<GridRowModel> keep = new ArrayList<>();
            for (int i : result.keptRows()) keep.add(sent.get(i));
            restoring = true;
            rows.clear();
            for (GridRowModel r : keep) rows.add(r);
            restoring = false;
            // Rows held back as likely duplicates stay, flagged with what the save found, for a decision each.
            for (int h = 0; h < result.heldRows().size(); h++) {
                sent.get(result.heldRows().get(h)).duplicatesProperty().set(flagText(result.held().get(h)));
            }
            GridRowModel blank = addRow(new GridRowModel());
            table.setDisable(false);
            save.setDisable(false);
            int held = result.heldRows().size();
            updateStatus(held == 0 ? I18n.t("intake.grid.saved", result.savedRows().size(), keep.size())
                    : I18n.t("intake.grid.savedHeld", result.savedRows().size(), held, keep.size() - held,
                            RESOLVE_KEYS.getDisplayText()));
            saveDraftSoon();
            focusCell(keep.isEmpty() ? rows.indexOf(blank) : 0, GridColumn.NAME_NATIVE);
        }, error -> {
            table.setDisable(false);
            save.setDisable(false);
            updateStatus(FxTasks.userMessage(error));
        });
    }

    // --- resolving a possible duplicate

    private boolean canResolve(GridRowModel row) {
        return resolver != DuplicateResolver.NONE && row.validPerson() != null && !row.duplicatesProperty().get().isEmpty();
    }

    /**
     * Ctrl+D or the row's button: asks the caseworker whether the flagged row is an existing
     * person. Linked or confirmed as someone else, the row is registered under the operation and
     * leaves the grid (and the draft), as a save of that row would; cancelled, nothing changes.
     */
    void resolveDuplicate(int index) {
        if (resolving || table.isDisabled() || index < 0 || index >= rows.size()) return;
        GridRowModel row = rows.get(index);
        if (!canResolve(row)) return;
        resolving = true;
        table.setDisable(true);
        save.setDisable(true);
        updateStatus(I18n.t("intake.grid.resolving"));
        NewCase request = new NewCase(row.validPerson(), operation.id(), identifiedOn, null, null);
        resolver.resolve(getScene() == null ? null : getScene().getWindow(), request, new DuplicateResolver.Outcome() {
            @Override
            public void saved(CaseFile saved) {
                endResolving();
                int at = rows.indexOf(row);
                rows.remove(row);
                if (rows.isEmpty() || !rows.getLast().isBlank()) addRow(new GridRowModel());
                updateStatus(I18n.t("intake.grid.resolved", saved.caseNumber()));
                saveDraftSoon();
                focusCell(Math.max(0, Math.min(at, rows.size() - 1)), GridColumn.NAME_NATIVE);
            }

            @Override
            public void nothingToResolve() {
                endResolving();
                row.duplicatesProperty().set("");
                updateStatus(I18n.t("intake.grid.noMatches"));
                focusCell(rows.indexOf(row), focusedColumn);
            }

            @Override
            public void cancelled() {
                endResolving();
                updateStatus(null);
                focusCell(rows.indexOf(row), focusedColumn);
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
        table.setDisable(false);
        save.setDisable(false);
    }

    private void updateStatus(String message) {
        long invalid = rows.stream().filter(r -> !r.errorsProperty().get().isEmpty()).count();
        long ready = rows.stream().filter(r -> r.validPerson() != null).count();
        String counts = I18n.t("intake.grid.counts", ready, invalid);
        status.setText(message == null || message.isEmpty() ? counts : message + "  " + counts);
    }

    /** The date the grid's people are identified on (minors are under 18 on it). */
    LocalDate identifiedOn() {
        return identifiedOn;
    }

    /** The rows now in the grid, as typed (for tests and the lead's "unsaved changes" check). */
    public List<List<String>> rowsAsTyped() {
        return rows.stream().filter(r -> !r.isBlank()).map(GridRowModel::values).toList();
    }

    /** The first column: the row's number, marked when the row has errors or possible duplicates. */
    private final class RowNumberCell extends TableCell<GridRowModel, String> {
        @Override
        protected void updateItem(String problems, boolean empty) {
            super.updateItem(problems, empty);
            getStyleClass().remove("intake-row-error");
            if (empty || getIndex() < 0 || getIndex() >= rows.size()) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                setContextMenu(null);
                return;
            }
            setText(String.valueOf(getIndex() + 1));
            setId("intake-row-" + getIndex());
            setContextMenu(null);
            if (problems == null || problems.isEmpty()) {
                setTooltip(null);
                setGraphic(null);
                return;
            }
            GridRowModel row = rows.get(getIndex());
            boolean hasErrors = !row.errorsProperty().get().isEmpty();
            if (hasErrors) getStyleClass().add("intake-row-error");
            if (!hasErrors && canResolve(row)) {
                // A flagged row can be resolved here (or with Ctrl+D in the row).
                int index = getIndex();
                setTooltip(new Tooltip(problems + "\n" + I18n.t("intake.grid.resolveHint", RESOLVE_KEYS.getDisplayText())));
                // The button carries the row number, so the flagged row still shows where it is.
                Button resolve = new Button(getText(), new FontIcon("mdi2a-account-multiple"));
                resolve.setPadding(new Insets(1, 3, 1, 3));
                resolve.setGraphicTextGap(2);
                resolve.setId("intake-resolve-" + index);
                resolve.getStyleClass().addAll("flat", "small");
                resolve.setFocusTraversable(false);
                resolve.setAccessibleText(I18n.t("intake.grid.resolve"));
                resolve.setOnAction(e -> resolveDuplicate(index));
                javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(I18n.t("intake.grid.resolve"));
                item.setAccelerator(RESOLVE_KEYS);
                item.setOnAction(e -> resolveDuplicate(index));
                setContextMenu(new javafx.scene.control.ContextMenu(item));
                setText(null);
                setGraphic(resolve);
                return;
            }
            setTooltip(new Tooltip(problems));
            setGraphic(new FontIcon(hasErrors ? "mdi2a-alert-circle" : "mdi2a-account-multiple"));
        }
    }

    /**
     * Database work one job at a time, in order, through {@link FxTasks}: a draft save never
     * overtakes (and so never undoes) a Save that already cleared the saved rows from the draft.
     */
    private static final class SerialWork {
        private final java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        private boolean running;

        /** {@code prepare} runs on the FX thread when the job's turn comes (to snapshot the grid then). */
        <T> void submit(java.util.function.Supplier<Callable<T>> prepare, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            queue.addLast(() -> FxTasks.run(prepare.get(), v -> {
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
