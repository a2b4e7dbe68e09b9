package org.haven.gui.sync;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.haven.gui.toolkit.Dialogs;
import org.haven.gui.toolkit.ErrorDialog;
import org.haven.gui.toolkit.I18n;
import org.haven.core.sync.Conflicts;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Cases > Sync conflicts (coordinators, on the office database): a field changed on a laptop and at
 * the office while they were apart. Each row shows both values, who changed each, where and when; the
 * coordinator keeps one, after a confirmation that names it.
 */
public final class ConflictsPage extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);
    private final ConflictsModel model;
    private final TableView<Conflicts.Open> table;

    public ConflictsPage(ConflictsModel model) {
        this.model = model;
        setId("conflictsPage");
        table = new TableView<>(model.open());
        table.setId("conflictsTable");
        // Both values side by side, then who changed each: the choice is made looking at the two values.
        table.getColumns().add(column("conflicts.col.case", Conflicts.Open::caseNumber, 170));
        table.getColumns().add(column("conflicts.col.field", c -> ConflictsModel.fieldLabel(c.field()), 140));
        table.getColumns().add(column("conflicts.col.laptop", c -> ConflictsModel.valueText(c.laptopValue()), 120));
        table.getColumns().add(column("conflicts.col.office", c -> ConflictsModel.valueText(c.officeValue()), 120));
        table.getColumns().add(column("conflicts.col.laptopBy",
                c -> I18n.t("conflicts.byOn", name(c.laptopUser()), c.laptopDevice(), when(c.laptopAt())), 240));
        table.getColumns().add(column("conflicts.col.officeBy", c -> I18n.t("conflicts.by", name(c.officeUser()), when(c.officeAt())), 200));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(I18n.t("conflicts.none")));

        Button keepLaptop = new Button(I18n.t("conflicts.keepLaptop"), new FontIcon("mdi2l-laptop"));
        keepLaptop.setId("keepLaptop");
        keepLaptop.setOnAction(e -> resolveSelected(Conflicts.Keep.LAPTOP));
        Button keepOffice = new Button(I18n.t("conflicts.keepOffice"), new FontIcon("mdi2o-office-building-outline"));
        keepOffice.setId("keepOffice");
        keepOffice.setOnAction(e -> resolveSelected(Conflicts.Keep.OFFICE));
        Button refresh = new Button(I18n.t("conflicts.refresh"), new FontIcon("mdi2r-refresh"));
        refresh.setId("conflictsRefresh");
        refresh.setOnAction(e -> model.load());
        var nothingChosen = table.getSelectionModel().selectedItemProperty().isNull().or(model.busyProperty());
        keepLaptop.disableProperty().bind(nothingChosen);
        keepOffice.disableProperty().bind(nothingChosen);
        refresh.disableProperty().bind(model.busyProperty());

        Label message = new Label();
        message.setId("conflictsMessage");
        message.textProperty().bind(model.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, keepLaptop, keepOffice, spacer, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        setTop(bar);
        setCenter(table);
        message.setPadding(new Insets(4, 8, 4, 8));
        setBottom(message);
        model.errorProperty().addListener((obs, old, error) -> {
            if (error != null) ErrorDialog.show(error);
        });
        model.load();
    }

    /** Asks first, naming the value that every device will get. */
    private void resolveSelected(Conflicts.Keep keep) {
        Conflicts.Open c = table.getSelectionModel().getSelectedItem();
        if (c == null) return;
        String value = ConflictsModel.valueText(keep == Conflicts.Keep.LAPTOP ? c.laptopValue() : c.officeValue());
        Alert ask = Dialogs.alert(getScene() == null ? null : getScene().getWindow(), Alert.AlertType.CONFIRMATION,
                I18n.t("conflicts.confirm", value, ConflictsModel.fieldLabel(c.field()), c.caseNumber()), ButtonType.OK, ButtonType.CANCEL);
        ask.setHeaderText(null);
        ask.setTitle(I18n.t(keep == Conflicts.Keep.LAPTOP ? "conflicts.keepLaptop" : "conflicts.keepOffice"));
        ((Button) ask.getDialogPane().lookupButton(ButtonType.OK)).setId("conflictConfirm");
        ask.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.resolve(c, keep));
    }

    private static String name(String user) {
        return user == null ? "?" : user;
    }

    private static String when(OffsetDateTime at) {
        return at == null ? "" : WHEN.withLocale(I18n.locale()).format(at.atZoneSameInstant(ZoneId.systemDefault()));
    }

    private static TableColumn<Conflicts.Open, String> column(String key, Function<Conflicts.Open, String> value, double width) {
        TableColumn<Conflicts.Open, String> c = new TableColumn<>(I18n.t(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setSortable(false);
        return c;
    }
}
