package org.haven.gui.operations;

import atlantafx.base.theme.Styles;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.operations.Operation;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The operations list: create, edit and open operations. Opening one shows its
 * {@link OperationPage} in place, with a button back to the list.
 */
public final class OperationListPage extends BorderPane {
    private final Haven haven;
    private final Consumer<UUID> openCase;
    private final TableView<Operation> table = new TableView<>();
    private final VBox listView;

    /** {@code openCase} receives a case id when the user opens a case from an operation. */
    public OperationListPage(Haven haven, Consumer<UUID> openCase) {
        this.haven = haven;
        this.openCase = openCase;
        Label title = new Label(I18n.t("operations.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Button create = new Button(I18n.t("operations.new"), new FontIcon("mdi2p-plus"));
        create.setId("operationNew");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> new OperationFormDialog(haven, null).showAndWait().ifPresent(saved -> {
            reload();
            showOperation(saved.id());
        }));
        Button edit = new Button(I18n.t("operations.edit"), new FontIcon("mdi2p-pencil"));
        edit.setOnAction(e -> {
            Operation selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) new OperationFormDialog(haven, selected).showAndWait().ifPresent(saved -> reload());
        });
        Button open = new Button(I18n.t("operations.open"), new FontIcon("mdi2f-folder-open"));
        open.setOnAction(e -> openSelected());
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button refresh = new Button(I18n.t("operations.refresh"), new FontIcon("mdi2r-refresh"));
        refresh.setOnAction(e -> reload());
        HBox bar = new HBox(8, title, new javafx.scene.layout.Region(), create, edit, open, refresh);
        HBox.setHgrow(bar.getChildren().get(1), Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        listView = new VBox(12, bar, table);
        listView.setPadding(new Insets(16));
        setCenter(listView);
        reload();
    }

    public void reload() {
        FxTasks.run(() -> haven.operations().list(), ops -> table.getItems().setAll(ops));
    }

    /** Shows one operation's page (also for the main window, e.g. from a case's operation link). */
    public void showOperation(UUID operationId) {
        OperationPage page = new OperationPage(haven, operationId, openCase);
        Button back = new Button(I18n.t("operations.back"), new FontIcon("mdi2a-arrow-left"));
        back.setId("operationsBack");
        back.setOnAction(e -> {
            setCenter(listView);
            reload();
        });
        page.addToHeader(back);
        setCenter(page);
    }

    private void openSelected() {
        Operation selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) showOperation(selected.id());
    }

    private void buildTable() {
        table.setId("operationsTable");
        table.setPlaceholder(new Label(I18n.t("operations.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("operations.col.code", Operation::code));
        table.getColumns().add(column("operations.col.name", Operation::name));
        table.getColumns().add(column("operations.col.date", o -> o.date().toString()));
        table.getColumns().add(column("operations.col.province", o -> o.province() == null ? "" : o.province()));
        table.getColumns().add(column("operations.col.place", o -> o.place() == null ? "" : o.place()));
        table.getColumns().add(column("operations.col.peopleFound", o -> o.peopleFound() == null ? "" : o.peopleFound().toString()));
        table.setRowFactory(t -> {
            TableRow<Operation> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) showOperation(row.getItem().id());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) openSelected();
        });
    }

    private static TableColumn<Operation, String> column(String key, Function<Operation, String> value) {
        TableColumn<Operation, String> c = new TableColumn<>(I18n.t(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
