package org.haven.gui.intake;

import java.util.List;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.haven.core.intake.GridColumn;

/**
 * A grid cell that is always a text field bound to its row's cell, so every keystroke is in the
 * model at once (and in the draft soon after): nothing typed depends on "committing" an edit.
 * The field shows its row's error for this column (red style and tooltip).
 */
final class EntryCell extends TableCell<GridRowModel, String> {
    private final IntakeGrid grid;
    private final GridColumn column;
    private final TextField field = new TextField();
    private final List<String> candidates;
    private final ChangeListener<Map<GridColumn, String>> errorListener = (obs, old, now) -> showError(now);
    /** In the age column: "Minor" beside the field when the row's person is under 18 at identification. */
    private final javafx.scene.control.Label minorBadge = new javafx.scene.control.Label(org.haven.gui.toolkit.I18n.t("intake.grid.minor"));
    private final javafx.scene.layout.HBox withBadge;
    private GridRowModel bound;
    private String shownError;

    EntryCell(IntakeGrid grid, GridColumn column) {
        this.grid = grid;
        this.column = column;
        this.candidates = Choices.candidates(column);
        getStyleClass().add("intake-cell");
        field.getStyleClass().add("intake-field");
        field.setId(null);
        if (!candidates.isEmpty()) Completion.install(field, candidates, column == GridColumn.LANGUAGES);
        field.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> grid.onKey(this, e));
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) grid.onCellFocused(getIndex(), column);
            else acceptCompletion();
        });
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        minorBadge.getStyleClass().add("intake-minor");
        minorBadge.setTooltip(new Tooltip(org.haven.gui.toolkit.I18n.t("case.minor")));
        minorBadge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        minorBadge.managedProperty().bind(minorBadge.visibleProperty());
        minorBadge.setVisible(false);
        javafx.scene.layout.HBox.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
        withBadge = column == GridColumn.AGE_OR_BIRTH_DATE ? new javafx.scene.layout.HBox(2, field, minorBadge) : null;
        if (withBadge != null) withBadge.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    GridColumn column() {
        return column;
    }

    TextField field() {
        return field;
    }

    /** Gives a completed choice its proper spelling ("vietnam" -> "Vietnam") when the user moves on. */
    void acceptCompletion() {
        if (!candidates.isEmpty() && field.getText() != null) {
            // A code typed or pasted ("M", "vn", "KH") is shown as the word it means.
            String words = Choices.asWords(column, field.getText());
            if (!words.equals(field.getText())) field.setText(words);
            String canonical = column == GridColumn.LANGUAGES ? Completion.canonicalList(candidates, field.getText())
                    : Completion.canonical(candidates, field.getText());
            if (!canonical.equals(field.getText())) field.setText(canonical);
        }
        field.deselect();
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        GridRowModel row = empty || getTableRow() == null ? null : getTableRow().getItem();
        if (row == null && !empty && getIndex() >= 0 && getIndex() < getTableView().getItems().size()) {
            row = getTableView().getItems().get(getIndex());
        }
        if (row != bound) {
            if (bound != null) {
                field.textProperty().unbindBidirectional(bound.cell(column));
                bound.errorsProperty().removeListener(errorListener);
                minorBadge.visibleProperty().unbind();
            }
            bound = row;
            if (row != null) {
                field.textProperty().bindBidirectional(row.cell(column));
                row.errorsProperty().addListener(errorListener);
                if (withBadge != null) minorBadge.visibleProperty().bind(row.minorProperty());
            }
        }
        if (row == null) {
            if (bound == null) minorBadge.visibleProperty().unbind();
            setGraphic(null);
        } else {
            field.setId("intake-" + getIndex() + "-" + column.ordinal());
            showError(row.errorsProperty().get());
            minorBadge.setId("intake-minor-" + getIndex());
            setGraphic(withBadge != null ? withBadge : field);
        }
    }

    private void showError(Map<GridColumn, String> errors) {
        String message = errors == null ? null : errors.get(column);
        if (java.util.Objects.equals(message, shownError)) return; // restyling costs a CSS pass: only on change
        shownError = message;
        field.getStyleClass().remove("intake-error");
        if (message != null) {
            field.getStyleClass().add("intake-error");
            field.setTooltip(new Tooltip(message));
        } else {
            field.setTooltip(null);
        }
    }
}
