package org.haven.gui.intake;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
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
import org.haven.core.Haven;
import org.haven.gui.toolkit.I18n;
import org.haven.core.intake.GridColumn;
import org.haven.core.intake.IntakeHooks;
import org.haven.core.intake.IntakeService;
import org.haven.core.operations.Operation;
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
    private final IntakeGridModel model;
    private final ObservableList<GridRowModel> rows;
    private final TableView<GridRowModel> table;
    private final Label status = new Label();
    private final Button save = new Button(I18n.t("intake.grid.save"), new FontIcon("mdi2c-content-save"));
    private final VBox top = new VBox();

    private int focusedRow;
    private GridColumn focusedColumn = GridColumn.NAME_NATIVE;
    /** Where a run of Tabs started: Enter goes back to this column on the next row, as in a spreadsheet. */
    private GridColumn tabStart = GridColumn.NAME_NATIVE;
    private boolean tabbing;

    public IntakeGrid(Haven haven, Operation operation) {
        this(haven, operation, IntakeHooks.duplicateCheck(haven));
    }

    /** With a given duplicate check (tests; the default comes from {@link IntakeHooks}); flagged rows are only marked. */
    public IntakeGrid(Haven haven, Operation operation, org.haven.core.intake.DuplicateHook duplicates) {
        this(haven, operation, duplicates, DuplicateResolver.NONE);
    }

    /** With a way to resolve rows flagged as possible duplicates (see {@link IntakeMenus}). */
    public IntakeGrid(Haven haven, Operation operation, org.haven.core.intake.DuplicateHook duplicates, DuplicateResolver resolver) {
        this.model = new IntakeGridModel(new IntakeService(haven, duplicates), operation.id(), IntakeService.identifiedOn(operation),
                resolver, RESOLVE_KEYS.getDisplayText(), org.haven.gui.toolkit.Worker.FX_TASKS);
        this.rows = model.rows();
        this.table = new TableView<>(rows);
        model.setOnFocus(this::focusCell);
        getStyleClass().add("intake-grid");
        getStylesheets().add(IntakeGrid.class.getResource("intake.css").toExternalForm());

        Label title = new Label(I18n.t("intake.grid.title", operation.code(), operation.name()));
        title.getStyleClass().add("title-3");
        save.setId("intake-save");
        save.setOnAction(e -> save());
        save.disableProperty().bind(model.busyProperty());
        table.disableProperty().bind(model.busyProperty());
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
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(4, 8, 4, 8));
        // The keys of the grid, always in view: it is used by keyboard only.
        Label legend = new org.haven.gui.toolkit.WrappingLabel(I18n.t("intake.grid.legend")); // wraps Khmer at word boundaries, each word once
        legend.setId("intake-legend");
        legend.setWrapText(true);
        legend.getStyleClass().add("intake-legend");
        legend.setPadding(new Insets(0, 8, 4, 8));
        setBottom(new VBox(status, legend));

        // Ctrl+S (Cmd+S) saves from anywhere in the grid: the keyboard is enough.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE_KEYS.match(e)) {
                e.consume();
                save(); // the model ignores it while busy
            }
        });
        save.setTooltip(new Tooltip(SAVE_KEYS.getDisplayText()));

        model.offeredDraftProperty().addListener((obs, old, draft) -> {
            if (draft != null) offerDraft(draft);
        });
        model.load();
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
        Label message = new org.haven.gui.toolkit.WrappingLabel(I18n.t("intake.draft.found", draft.size()));
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
            model.restoreDraft();
        });
        discard.setOnAction(e -> {
            top.getChildren().remove(banner);
            model.discardDraft();
        });
        Platform.runLater(restore::requestFocus);
    }

    // --- keyboard

    void onCellFocused(int row, GridColumn column) {
        if (row != focusedRow) model.leftRow(focusedRow);
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
                    model.nextRow(row, GridColumn.NAME_NATIVE);
                }
            }
        } else if (e.getCode() == KeyCode.ENTER) {
            e.consume();
            cell.acceptCompletion();
            GridColumn target = tabbing ? tabStart : column;
            tabbing = false;
            model.nextRow(row, target);
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
            model.deleteRow(row, focusedColumn);
        } else if (e.getCode() == KeyCode.D && e.isShortcutDown()) {
            e.consume();
            cell.acceptCompletion();
            resolveDuplicate(row);
        } else if (e.getCode() == KeyCode.V && e.isShortcutDown()) {
            String text = Clipboard.getSystemClipboard().getString();
            if (text != null && (text.indexOf('\t') >= 0 || text.strip().indexOf('\n') >= 0)) {
                e.consume();
                model.paste(row, column, parseTsv(text));
            }
        }
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

    /** Text copied from a spreadsheet: tab-separated cells, one line per row. */
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

    /** Saves every valid row in one transaction; the invalid rows stay, marked, and remain the draft. */
    public void save() {
        model.save();
    }

    void resolveDuplicate(int index) {
        model.resolveDuplicate(index, getScene() == null ? null : getScene().getWindow(), focusedColumn);
    }

    /** The date the grid's people are identified on (minors are under 18 on it). */
    LocalDate identifiedOn() {
        return model.identifiedOn();
    }

    /** The rows now in the grid, as typed (for tests and the lead's "unsaved changes" check). */
    public List<List<String>> rowsAsTyped() {
        return model.rowsAsTyped();
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
            if (!hasErrors && model.canResolve(row)) {
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
}
