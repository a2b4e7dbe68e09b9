package org.haven.gui.cases;

import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseQuery.ScreeningFilter;

/**
 * The case list's screening filter: any result (null), not yet screened, or one determination.
 * Feed {@code getValue()} to {@code CaseQuery.withScreening(...)}.
 */
public final class ScreeningFilterBox extends ComboBox<ScreeningFilter> {
    public ScreeningFilterBox() {
        getItems().add(null);
        getItems().addAll(FXCollections.observableArrayList(ScreeningFilter.values()));
        setId("screeningFilter");
        setCellFactory(v -> new Cell());
        setButtonCell(new Cell());
        setValue(null);
    }

    private static final class Cell extends ListCell<ScreeningFilter> {
        @Override
        protected void updateItem(ScreeningFilter item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? I18n.t("screening.filter.any") : I18n.label(item));
        }
    }
}
