package org.haven.gui.intake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.intake.ColumnMapping;
import org.haven.core.intake.CsvFiles;
import org.haven.core.intake.CsvTable;
import org.haven.core.intake.ImportService;
import org.haven.core.intake.IntakeField;
import org.haven.core.operations.Operation;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Importing a list of people from a CSV file, in one window: choose the file and the operation,
 * check the column mapping (prefilled with Haven's guess from the header names), see every row
 * with its problems marked, then import all valid rows in one transaction, or cancel. File and
 * database work runs in background tasks; the import shows its progress.
 */
public final class ImportWizard extends BorderPane {
    private final ImportService service;
    private final Runnable onClose;
    private final TextField filePath = new TextField();
    private final RadioButton useExisting = new RadioButton(I18n.t("intake.wizard.existingOperation"));
    private final RadioButton useNew = new RadioButton(I18n.t("intake.wizard.newOperation"));
    private final ComboBox<Operation> operations = new ComboBox<>();
    private final TextField newOperationName = new TextField();
    private final GridPane mappingPane = new GridPane();
    private final Map<IntakeField, ComboBox<String>> mappingBoxes = new EnumMap<>(IntakeField.class);
    private final ImportPreviewTable preview;
    private final Label summary = new org.haven.gui.toolkit.WrappingLabel();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button importButton = new Button();
    private final Button cancel = new Button(I18n.t("intake.wizard.cancel"));

    private final Haven haven;
    private CsvTable table;
    private ImportService.Preview current;
    private boolean filling;

    public ImportWizard(Haven haven, Runnable onClose) {
        this.haven = haven;
        this.service = haven.importer();
        this.onClose = onClose;
        this.preview = new ImportPreviewTable(haven, () -> updateSummary(current), message -> summary.setText(message));
        getStyleClass().add("import-wizard");
        getStylesheets().add(ImportWizard.class.getResource("intake.css").toExternalForm());
        setPadding(new Insets(12));

        setTop(buildSource());
        setCenter(buildMappingAndPreview());
        setBottom(buildActions());

        FxTasks.run(() -> haven.operations().listForRegistration(), list -> {
            operations.setItems(FXCollections.observableArrayList(list));
            if (!list.isEmpty()) operations.getSelectionModel().selectFirst();
            else useNew.setSelected(true);
        });
    }

    /** Opens the wizard in its own modal window (the menu's "Import list…"). */
    public static Stage open(Window owner, Haven haven) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(I18n.t("intake.wizard.title"));
        stage.setScene(new Scene(new ImportWizard(haven, stage::close), 1100, 700));
        stage.show();
        return stage;
    }

    private VBox buildSource() {
        filePath.setId("import-file");
        HBox.setHgrow(filePath, Priority.ALWAYS);
        Button choose = new Button(I18n.t("intake.wizard.choose"), new FontIcon("mdi2f-folder-open"));
        choose.setId("import-choose");
        choose.setOnAction(e -> chooseFile());
        Button read = new Button(I18n.t("intake.wizard.load"));
        read.setId("import-read");
        read.setDefaultButton(true);
        read.setOnAction(e -> readFile());
        filePath.setOnAction(e -> readFile());

        ToggleGroup where = new ToggleGroup();
        useExisting.setToggleGroup(where);
        useNew.setToggleGroup(where);
        useExisting.setSelected(true);
        useNew.setId("import-use-new");
        operations.setId("import-operation");
        operations.setCellFactory(l -> new OperationCell());
        operations.setButtonCell(new OperationCell());
        operations.disableProperty().bind(useNew.selectedProperty());
        newOperationName.setId("import-new-operation");
        newOperationName.disableProperty().bind(useExisting.selectedProperty());
        where.selectedToggleProperty().addListener((o, a, b) -> refreshPreview());
        operations.valueProperty().addListener((o, a, b) -> refreshPreview());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(I18n.t("intake.wizard.file")), new HBox(8, filePath, choose, read));
        HBox target = new HBox(8, useExisting, operations, useNew, newOperationName);
        target.setAlignment(Pos.CENTER_LEFT);
        form.addRow(1, new Label(I18n.t("intake.wizard.operation")), target);
        GridPane.setHgrow(form.getChildren().get(1), Priority.ALWAYS);
        VBox box = new VBox(8, new Label(I18n.t("intake.wizard.title")), form);
        box.getChildren().getFirst().getStyleClass().add("title-3");
        box.setPadding(new Insets(0, 0, 12, 0));
        return box;
    }

    private SplitPane buildMappingAndPreview() {
        mappingPane.setHgap(8);
        mappingPane.setVgap(4);
        mappingPane.setPadding(new Insets(4));
        int r = 0;
        for (IntakeField field : IntakeField.values()) {
            ComboBox<String> box = new ComboBox<>();
            box.setId("import-map-" + field.header());
            box.setMaxWidth(Double.MAX_VALUE);
            box.setPrefWidth(200);
            box.valueProperty().addListener((o, a, b) -> {
                if (!filling) refreshPreview();
            });
            mappingBoxes.put(field, box);
            Label name = new Label(fieldLabel(field));
            name.setTooltip(new Tooltip(field.header()));
            mappingPane.addRow(r++, name, box);
        }
        Label mappingTitle = new Label(I18n.t("intake.wizard.mapping"));
        mappingTitle.getStyleClass().add("section-title");
        ScrollPane scroll = new ScrollPane(mappingPane);
        scroll.setFitToWidth(true);
        VBox left = new VBox(6, mappingTitle, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label previewTitle = new Label(I18n.t("intake.wizard.preview"));
        previewTitle.getStyleClass().add("section-title");
        VBox right = new VBox(6, previewTitle, preview);
        VBox.setVgrow(preview, Priority.ALWAYS);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.3);
        return split;
    }

    private HBox buildActions() {
        summary.setId("import-summary");
        summary.setWrapText(true);
        progress.setVisible(false);
        importButton.setId("import-run");
        importButton.setDisable(true);
        importButton.setOnAction(e -> runImport());
        cancel.setId("import-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onClose.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(8, summary, spacer, progress, importButton, cancel);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("intake.wizard.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("intake.wizard.csvFiles"), "*.csv", "*.txt", "*.tsv"));
        java.io.File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            filePath.setText(file.getAbsolutePath());
            readFile();
        }
    }

    private void readFile() {
        String text = filePath.getText() == null ? "" : filePath.getText().strip();
        if (text.isEmpty()) {
            summary.setText(I18n.t("intake.wizard.noFile"));
            return;
        }
        Path file = Path.of(text);
        summary.setText(I18n.t("intake.wizard.reading"));
        importButton.setDisable(true);
        FxTasks.run(() -> CsvFiles.read(file), this::showFile, error -> {
            table = null;
            current = null;
            preview.forget();
            summary.setText(FxTasks.userMessage(error));
        });
    }

    /** A new file: the guessed mapping goes into the boxes, then the preview follows. */
    private void showFile(CsvTable read) {
        table = read;
        ColumnMapping guess = ColumnMapping.guess(read.headers());
        List<String> choices = new ArrayList<>();
        choices.add(I18n.t("intake.wizard.notImported"));
        choices.addAll(read.headers());
        filling = true;
        for (IntakeField field : IntakeField.values()) {
            ComboBox<String> box = mappingBoxes.get(field);
            box.setItems(FXCollections.observableArrayList(choices));
            box.getSelectionModel().select(guess.column(field).map(i -> i + 1).orElse(0));
        }
        filling = false;
        refreshPreview();
    }

    private ColumnMapping mappingFromBoxes() {
        Map<IntakeField, Integer> columns = new EnumMap<>(IntakeField.class);
        mappingBoxes.forEach((field, box) -> {
            int index = box.getSelectionModel().getSelectedIndex();
            if (index > 0) columns.put(field, index - 1);
        });
        return new ColumnMapping(columns);
    }

    private Operation selectedOperation() {
        return useExisting.isSelected() ? operations.getValue() : null;
    }

    private void refreshPreview() {
        if (table == null) return;
        CsvTable read = table;
        ColumnMapping mapping = mappingFromBoxes();
        Operation op = selectedOperation();
        importButton.setDisable(true);
        FxTasks.run(() -> service.preview(read, mapping, ImportService.identifiedOn(op), null), result -> {
            if (read != table) return; // another file was chosen meanwhile
            current = result;
            preview.show(result);
            updateSummary(result);
        });
    }

    /**
     * The counts, what is missing, and the lines waiting for a duplicate decision: like the CLI,
     * nothing is imported while a line that is likely a person already in Haven has no decision.
     */
    private void updateSummary(ImportService.Preview p) {
        long skipped = preview.decisions().values().stream().filter(d -> d.kind() == ImportService.LineDecision.Kind.SKIP).count();
        int valid = p.valid().size() - (int) skipped;
        String text = I18n.t("intake.wizard.summary", p.rows().size(), p.valid().size(), p.invalid().size());
        List<IntakeField> missing = p.missingRequired();
        if (!missing.isEmpty()) {
            text += " " + I18n.t("intake.wizard.missing", String.join(", ", missing.stream().map(ImportWizard::fieldLabel).toList()));
        }
        long undecided = p.flagged().stream().filter(r -> !preview.decisions().containsKey(r.rowNumber())).count();
        if (undecided > 0) text += " " + I18n.t("intake.wizard.undecided", undecided);
        summary.setText(text);
        importButton.setText(I18n.t("intake.wizard.import", valid));
        importButton.setDisable(valid <= 0 || !missing.isEmpty() || undecided > 0);
    }

    static String fieldLabel(IntakeField field) {
        return I18n.t("intake.field." + field.header());
    }

    private void runImport() {
        ImportService.Preview p = current;
        if (p == null) return;
        ImportService.Target target;
        if (useNew.isSelected()) {
            String name = newOperationName.getText() == null ? "" : newOperationName.getText().strip();
            if (name.isEmpty()) {
                summary.setText(I18n.t("intake.wizard.noOperation"));
                return;
            }
            target = ImportService.Target.create(name);
        } else {
            if (operations.getValue() == null) {
                summary.setText(I18n.t("intake.wizard.noOperation"));
                return;
            }
            target = ImportService.Target.existing(operations.getValue().code());
        }
        int total = p.valid().size();
        Map<Integer, ImportService.LineDecision> chosen = Map.copyOf(preview.decisions());
        Task<ImportService.Report> task = new Task<>() {
            @Override
            protected ImportService.Report call() {
                return service.commit(p, target, true, false, n -> updateProgress(n, total), chosen);
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        progress.setVisible(true);
        importButton.setDisable(true);
        cancel.setDisable(true);
        summary.setText(I18n.t("intake.wizard.importing"));
        task.setOnSucceeded(e -> {
            ImportService.Report report = task.getValue();
            progress.progressProperty().unbind();
            progress.setProgress(1);
            cancel.setDisable(false);
            cancel.setText(I18n.t("intake.wizard.close"));
            table = null;
            current = null;
            summary.setText(report.linked() == 0 ? I18n.t("intake.wizard.done", report.imported(), report.operationCode())
                    : I18n.t("intake.wizard.doneLinked", report.imported(), report.operationCode(), report.linked()));
        });
        task.setOnFailed(e -> {
            progress.progressProperty().unbind();
            progress.setVisible(false);
            cancel.setDisable(false);
            importButton.setDisable(false);
            summary.setText(FxTasks.userMessage(task.getException()));
        });
        FxTasks.start(task);
    }

    private static final class OperationCell extends ListCell<Operation> {
        @Override
        protected void updateItem(Operation item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.code() + " – " + item.name());
            setTooltip(empty || item == null ? null : new Tooltip(item.date().toString()));
        }
    }
}
