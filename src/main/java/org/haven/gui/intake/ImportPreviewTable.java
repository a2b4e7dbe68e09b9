package org.haven.gui.intake;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.intake.CsvTable;
import org.haven.core.intake.FieldError;
import org.haven.core.intake.ImportService;
import org.haven.gui.matching.DuplicateResolution;

/**
 * The import wizard's preview ({@link ImportWizard}): a line per row of the file with its problems
 * (an invalid row marked) and the mapped columns; for a line that is likely a person already in
 * Haven, the user's decision so far and a button to decide. An undecided line is held back.
 */
final class ImportPreviewTable extends TableView<ImportService.RowResult> {
    private final Haven haven;
    private final Runnable onDecided;
    private final Consumer<String> onError;
    /** The user's decision for each line flagged as a likely duplicate (by row number); undecided lines are held back. */
    private final Map<Integer, ImportService.LineDecision> decisions = new HashMap<>();
    private ImportService.Preview shown;

    /** {@code onDecided} runs after each decision on the preview shown; {@code onError} says why the resolver failed. */
    ImportPreviewTable(Haven haven, Runnable onDecided, Consumer<String> onError) {
        this.haven = haven;
        this.onDecided = onDecided;
        this.onError = onError;
        setId("import-preview");
        setPlaceholder(new Label(""));
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ImportService.RowResult item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("import-invalid");
                if (!empty && item != null && !item.valid()) getStyleClass().add("import-invalid");
            }
        });
    }

    /** The decisions so far, by row number. */
    Map<Integer, ImportService.LineDecision> decisions() {
        return Collections.unmodifiableMap(decisions);
    }

    /** No preview any more (the file could not be read): the lines go, a late decision is ignored. */
    void forget() {
        shown = null;
        getItems().clear();
    }

    /** Shows a new preview; the decisions made on an earlier one are forgotten. */
    void show(ImportService.Preview p) {
        shown = p;
        decisions.clear();
        getColumns().clear();
        TableColumn<ImportService.RowResult, String> row = new TableColumn<>(I18n.t("intake.wizard.row"));
        row.setCellValueFactory(cd -> new ReadOnlyStringWrapper(String.valueOf(cd.getValue().rowNumber())));
        row.setPrefWidth(50);
        getColumns().add(row);
        TableColumn<ImportService.RowResult, String> problems = new TableColumn<>(I18n.t("intake.wizard.errors"));
        problems.setCellValueFactory(cd -> new ReadOnlyStringWrapper(String.join("; ",
                cd.getValue().errors().stream().map(ImportPreviewTable::describe).toList())));
        problems.setPrefWidth(360);
        getColumns().add(problems);
        if (!p.flagged().isEmpty()) getColumns().add(duplicateColumn(p));
        Map<Integer, CsvTable.Row> byNumber = new java.util.HashMap<>();
        for (CsvTable.Row r : p.table().rows()) byNumber.put(r.number(), r);
        p.mapping().asMap().forEach((field, column) -> {
            TableColumn<ImportService.RowResult, String> c = new TableColumn<>(ImportWizard.fieldLabel(field));
            c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(byNumber.get(cd.getValue().rowNumber()).values().get(column)));
            getColumns().add(c);
        });
        setItems(FXCollections.observableArrayList(p.rows()));
    }

    /** A column for lines that are likely people already in Haven: the decision so far and a button to decide. */
    private TableColumn<ImportService.RowResult, ImportService.RowResult> duplicateColumn(ImportService.Preview p) {
        TableColumn<ImportService.RowResult, ImportService.RowResult> col = new TableColumn<>(I18n.t("intake.wizard.duplicate"));
        col.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cd.getValue()));
        col.setPrefWidth(260);
        col.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(ImportService.RowResult r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                setGraphic(null);
                if (empty || r == null || !p.flagged().contains(r)) return;
                Button decide = new Button(I18n.t("intake.wizard.decide"));
                decide.setId("import-decide-" + r.rowNumber());
                decide.setOnAction(e -> decide(p, r));
                Label state = new Label(decisionText(decisions.get(r.rowNumber())));
                state.setId("import-decision-" + r.rowNumber());
                HBox box = new HBox(6, decide, state);
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
            }
        });
        return col;
    }

    private static String decisionText(ImportService.LineDecision d) {
        if (d == null) return I18n.t("intake.wizard.decision.none");
        return I18n.t("intake.wizard.decision." + d.kind().name());
    }

    /** Opens the resolver for one line; "decide later" leaves the line undecided (held back). */
    private void decide(ImportService.Preview p, ImportService.RowResult r) {
        Window owner = getScene() == null ? null : getScene().getWindow();
        DuplicateResolution.ask(owner, haven, r.person(), true, () -> {
            // Nothing likely any more (the other record changed): the line goes in as a new person.
            decisions.put(r.rowNumber(), new ImportService.LineDecision(ImportService.LineDecision.Kind.NEW, null));
            afterDecision(p);
        }, (decision, found) -> {
            switch (decision.choice()) {
                case LINK -> decisions.put(r.rowNumber(), new ImportService.LineDecision(ImportService.LineDecision.Kind.LINK, decision.personId()));
                case NEW -> decisions.put(r.rowNumber(), new ImportService.LineDecision(ImportService.LineDecision.Kind.NEW, null));
                case SKIP -> decisions.put(r.rowNumber(), new ImportService.LineDecision(ImportService.LineDecision.Kind.SKIP, null));
                case LATER -> { }
            }
            afterDecision(p);
        }, error -> onError.accept(FxTasks.userMessage(error)));
    }

    private void afterDecision(ImportService.Preview p) {
        if (p != shown) return;
        refresh();
        onDecided.run();
    }

    private static String describe(FieldError e) {
        return ImportWizard.fieldLabel(e.field()) + ": " + IntakeMessages.of(e);
    }
}
