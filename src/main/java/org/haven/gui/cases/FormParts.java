package org.haven.gui.cases;

import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** The small layout helpers the case dialogs share: a form label, a growing column, a choice box's labels. */
final class FormParts {
    private FormParts() {}

    /** A form label that never shrinks into "...". */
    static Label formLabel(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("form-label");
        return l;
    }

    /** The grid of a small dialog's form: labels on the left, the fields taking the rest of the width. */
    static javafx.scene.layout.GridPane dialogGrid() {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new javafx.geometry.Insets(12, 16, 4, 16));
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(), growColumn());
        return grid;
    }

    /** Puts {@code form} in the dialog at the width of Haven's small dialogs, with Haven's stylesheet. */
    static void setDialogForm(javafx.scene.control.Dialog<?> dialog, javafx.scene.Node form) {
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().setPrefWidth(520);
        org.haven.gui.toolkit.Theme.style(dialog.getDialogPane().getScene());
    }

    static javafx.scene.layout.ColumnConstraints growColumn() {
        javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setFillWidth(true);
        return c;
    }

    static <T> void setLabels(ComboBox<T> box, Function<T, String> label) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty && item == null && getIndex() < 0 ? label.apply(null) : label.apply(item));
            }
        });
    }
}
