package org.haven.gui.reports;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.Chart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.SaveTarget;
import org.haven.core.exports.AnonymizedExporter;
import org.haven.core.pdf.Letterhead;
import org.haven.core.reports.CountTable;
import org.haven.core.reports.OrganisationSettings;
import org.haven.core.reports.SmallCells;
import org.haven.core.reports.StatisticsCsv;
import org.haven.core.reports.StatisticsLabels;
import org.haven.core.reports.StatisticsPdf;
import org.haven.core.reports.StatisticsService.OperationChoice;
import org.haven.core.reports.StatisticsService;
import org.haven.core.reports.StatsFilter;
import org.haven.core.security.Role;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The statistics page: charts of people by nationality, sex and age band, cases by status, outcomes
 * per month and cases per operation, filtered by period and operation. Every chart applies the
 * small-cell rule ({@link SmallCells}, k = {@link #K}), so a saved image or CSV is safe to share.
 */
public final class StatisticsView extends BorderPane {
    /** The default small-cell threshold; the view offers {@link #K_PUBLIC} for anything published. */
    public static final int K = StatisticsLabels.DEFAULT_K;
    public static final int K_PUBLIC = 11;

    private final Haven haven;
    private final StatisticsService service;
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final ComboBox<OperationChoice> operation = new ComboBox<>();
    /** The small-cell threshold for everything this view shows or saves. */
    private final ComboBox<Integer> kChoice = new ComboBox<>();
    private final FlowPane charts = new FlowPane(12, 12);
    private final Label status = new Label();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final Map<String, Chart> chartsById = new LinkedHashMap<>();
    private List<CountTable> current = List.of();
    /** Counts refreshes, so a slow earlier load never overwrites a newer one. */
    private long generation;

    public StatisticsView(Haven haven) {
        this(haven, haven.statistics());
    }

    public StatisticsView(Haven haven, StatisticsService service) {
        this.haven = haven;
        this.service = service;
        getStyleClass().add("statistics-view");
        setTop(filterBar());
        charts.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        status.setId("stats-status");
        status.setPadding(new Insets(4, 12, 8, 12));
        setBottom(status);
        FxTasks.run(service::operations, ops -> {
            operation.getItems().setAll(new ArrayList<>());
            operation.getItems().add(null);
            operation.getItems().addAll(ops);
            operation.getSelectionModel().selectFirst();
            operation.valueProperty().addListener((o, a, b) -> refresh());
            refresh();
        });
    }

    /** True while data is being loaded (tests and the UI wait on it). */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The chart showing a table, by table id (see StatisticsService's constants). */
    public Chart chart(String tableId) {
        return chartsById.get(tableId);
    }

    private Node filterBar() {
        from.setId("stats-from");
        to.setId("stats-to");
        operation.setId("stats-operation");
        kChoice.setId("stats-k");
        kChoice.getItems().setAll(K, K_PUBLIC);
        kChoice.setValue(K);
        kChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer k) {
                return k == null ? "" : I18n.t(k == K_PUBLIC ? "stats.kPublic" : "stats.kPartner", k);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        kChoice.valueProperty().addListener((o, a, b) -> {
            if (b != null && !current.isEmpty()) {
                show(current);
                status.setText(I18n.t("stats.smallCellNote", b));
            }
        });
        for (TextField f : List.of(from, to)) {
            f.setPromptText(I18n.t("stats.monthPrompt"));
            f.setPrefColumnCount(7);
            f.setOnAction(e -> refresh());
            f.focusedProperty().addListener((o, was, now) -> {
                if (!now) refresh();
            });
        }
        operation.setPrefWidth(260);
        operation.setConverter(new StringConverter<>() {
            @Override
            public String toString(OperationChoice c) {
                return c == null ? I18n.t("stats.allOperations") : c.code() + " " + c.name();
            }

            @Override
            public OperationChoice fromString(String s) {
                return null;
            }
        });
        Button apply = new Button(I18n.t("stats.refresh"), new FontIcon("mdi2r-refresh"));
        apply.setId("stats-refresh");
        apply.setOnAction(e -> refresh());
        Button csv = new Button(I18n.t("stats.exportCsv"), new FontIcon("mdi2f-file-delimited-outline"));
        csv.setId("stats-export-csv");
        csv.setOnAction(e -> exportCsv());
        Button pdf = new Button(I18n.t("stats.exportPdf"), new FontIcon("mdi2f-file-pdf-box"));
        pdf.setId("stats-export-pdf");
        pdf.setOnAction(e -> exportPdf());
        HBox filters = new HBox(8, new Label(I18n.t("stats.from")), from, new Label(I18n.t("stats.to")), to,
                new Label(I18n.t("stats.operation")), operation, new Label(I18n.t("stats.k")), kChoice, apply);
        HBox actions = new HBox(8, csv, pdf);
        if (haven.user().has(Role.COORDINATOR)) {
            Button anonymized = new Button(I18n.t("stats.exportAnonymized"), new FontIcon("mdi2s-shield-lock-outline"));
            anonymized.setId("stats-export-anonymized");
            anonymized.setOnAction(e -> exportAnonymized());
            actions.getChildren().add(anonymized);
        }
        // Labels and buttons keep their full text; the two groups wrap onto two lines when narrow.
        for (HBox box : List.of(filters, actions)) {
            box.setAlignment(Pos.CENTER_LEFT);
            for (Node n : box.getChildren()) {
                if (n instanceof Region r && !(n instanceof TextField) && !(n instanceof ComboBox)) r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        FlowPane bar = new FlowPane(24, 8, filters, actions);
        bar.setPadding(new Insets(12));
        return bar;
    }

    /** The filter as typed, or null (with a message) when a month is not YYYY-MM. */
    private StatsFilter filter() {
        try {
            YearMonth f = month(from);
            YearMonth t = month(to);
            if (f != null && t != null && f.isAfter(t)) {
                status.setText(I18n.t("stats.badPeriod"));
                return null;
            }
            OperationChoice op = operation.getValue();
            return new StatsFilter(f, t, op == null ? null : op.id());
        } catch (DateTimeParseException e) {
            status.setText(I18n.t("stats.badMonth"));
            return null;
        }
    }

    private static YearMonth month(TextField field) {
        String text = field.getText() == null ? "" : field.getText().trim();
        return text.isEmpty() ? null : YearMonth.parse(text);
    }

    /** Reloads every table for the current filter, in the background. */
    public void refresh() {
        StatsFilter f = filter();
        if (f == null) return;
        long mine = ++generation;
        loading.set(true);
        status.setText(I18n.t("stats.loading"));
        FxTasks.run(() -> service.all(f), tables -> {
            if (mine != generation) return;
            current = tables;
            show(tables);
            status.setText(I18n.t("stats.smallCellNote", k()));
            loading.set(false);
        }, error -> {
            if (mine != generation) return;
            loading.set(false);
            status.setText(FxTasks.userMessage(error));
        });
    }

    private void show(List<CountTable> tables) {
        charts.getChildren().clear();
        chartsById.clear();
        for (CountTable t : tables) {
            SmallCells.Protected p = SmallCells.protect(t, k());
            Chart chart = StatisticsCharts.chart(p);
            chart.setId("chart-" + t.id());
            chart.setTitle(I18n.t("stats.chart." + t.id()));
            chart.setAnimated(false);
            boolean wide = t.id().equals(StatisticsService.OUTCOMES_BY_MONTH) || t.id().equals(StatisticsService.IDENTIFICATIONS_BY_MONTH);
            chart.setPrefSize(wide ? 860 : 420, 360);
            chartsById.put(t.id(), chart);
            Button save = new Button(I18n.t("stats.savePng"), new FontIcon("mdi2i-image-outline"));
            save.setId("save-" + t.id());
            save.setOnAction(e -> savePng(chart, t.id()));
            VBox card = new VBox(4, chart, save);
            card.setAlignment(Pos.TOP_RIGHT);
            card.getStyleClass().add("stats-card");
            charts.getChildren().add(card);
        }
    }

    /** The current small-cell threshold. */
    int k() {
        Integer k = kChoice.getValue();
        return k == null ? K : k;
    }

    /** Labels for the PDF: rows as on the charts; the outcome table's columns as outcome labels. */
    public static String pdfLabel(String tableId, String key) {
        return StatisticsLabels.pdf(I18n.messages(), tableId, key);
    }

    static String label(String tableId, String row) {
        return StatisticsLabels.row(I18n.messages(), tableId, row);
    }

    /** The user picks the file; the guard of every save ({@link SaveTarget}) refuses the data folder and asks before replacing. */
    private void saveAs(String initialName, String description, String pattern, java.util.function.Function<Path, List<Path>> companions,
                        java.util.function.Consumer<Path> save) {
        SaveTarget.ask(getScene() == null ? null : getScene().getWindow(), haven.database().home(),
                new SaveTarget.Request(null, initialName, description, pattern), companions, save);
    }

    private void saveAs(String initialName, String description, String pattern, java.util.function.Consumer<Path> save) {
        saveAs(initialName, description, pattern, p -> List.of(), save);
    }

    private void savePng(Chart chart, String tableId) {
        saveAs(tableId + ".png", I18n.t("stats.pngFiles"), "*.png", file -> {
            String caption = pngCaption();
            BufferedImage image = ChartImages.withCaption(ChartImages.snapshot(chart), caption);
            FxTasks.run(() -> {
                ChartImages.writePng(image, caption, file);
                return file;
            }, f -> status.setText(I18n.t("stats.saved", f.getFileName())));
        });
    }

    private void exportCsv() {
        List<CountTable> tables = current;
        int k = k();
        saveAs("statistics.csv", I18n.t("stats.csvFiles"), "*.csv", file -> FxTasks.run(() -> {
            StatisticsCsv.write(tables, k, file);
            return file;
        }, f -> status.setText(I18n.t("stats.saved", f.getFileName()))));
    }

    /** The statistics report as PDF: every chart (drawn as on this page) and its counts under the small-cell rule. */
    private void exportPdf() {
        List<CountTable> tables = current;
        saveAs("statistics.pdf", I18n.t("stats.pdfFiles"), "*.pdf", file -> {
            StatisticsPdf.Texts texts = pdfTexts(tables);
            int k = k();
            FxTasks.run(() -> {
                Letterhead head = letterhead(haven.organisation());
                StatisticsPdf.write(tables, k, texts, StatisticsView::pdfLabel, head, file);
                return file;
            }, f -> status.setText(I18n.t("stats.saved", f.getFileName())));
        });
    }

    /** The PDF's title, period line, note, table titles and date produced, from the bundle. */
    StatisticsPdf.Texts pdfTexts(List<CountTable> tables) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (CountTable t : tables) titles.put(t.id(), I18n.t("stats.chart." + t.id()));
        OperationChoice op = operation.getValue();
        String filterText = StatisticsPdf.periodLine(I18n.messages(), from.getText(), to.getText(), op == null ? I18n.t("stats.allOperations") : op.code());
        return new StatisticsPdf.Texts(I18n.messages(), "", I18n.t("stats.pdfTitle"), filterText, I18n.t("stats.smallCellNote", k()), titles,
                I18n.t("stats.pdfProduced", java.time.LocalDate.now().toString()));
    }

    /** The organisation's name, address and logo for the report's head. */
    public static Letterhead letterhead(OrganisationSettings org) {
        return StatisticsPdf.letterhead(org);
    }

    /** The caption under a saved chart image: the period and the small-cell rule it was drawn under. */
    String pngCaption() {
        String period = I18n.t("stats.pngPeriod", from.getText().isBlank() ? I18n.t("stats.periodStart") : from.getText().trim(),
                to.getText().isBlank() ? I18n.t("stats.periodNow") : to.getText().trim());
        return period + " · " + I18n.t("stats.smallCellRule", k());
    }

    /** The anonymized case-level export for the filter's period and operation. */
    private void exportAnonymized() {
        StatsFilter f = filter();
        if (f == null) return;
        Map<String, AnonymizedExporter.Preset> presets = new LinkedHashMap<>();
        for (AnonymizedExporter.Preset p : AnonymizedExporter.Preset.values()) {
            presets.put(I18n.t("stats.preset." + p.name(), p.k()), p);
        }
        ChoiceDialog<String> presetDialog = new ChoiceDialog<>(presets.keySet().iterator().next(), presets.keySet());
        presetDialog.setTitle(I18n.t("stats.exportAnonymized"));
        presetDialog.setHeaderText(I18n.t("stats.presetQuestion"));
        presetDialog.setContentText(I18n.t("stats.preset"));
        org.haven.gui.toolkit.Dialogs.prepare(presetDialog, this);
        var chosen = presetDialog.showAndWait();
        if (chosen.isEmpty()) return;
        AnonymizedExporter.Preset preset = presets.get(chosen.get());
        OperationChoice op = operation.getValue();
        // The export also writes its report and codebook beside the file: they are checked too.
        saveAs("cases-anonymized.csv", I18n.t("stats.csvFiles"), "*.csv",
                out -> List.of(AnonymizedExporter.reportPathFor(out.toAbsolutePath()), AnonymizedExporter.codebookPathFor(out.toAbsolutePath())),
                out -> FxTasks.run(() -> haven.anonymizedExporter().export(new AnonymizedExporter.Request(
                                preset, null, f.from(), f.to(), op == null ? List.of() : List.of(op.code()), out)),
                        r -> status.setText(I18n.t("stats.anonymizedDone", r.exported(), r.suppressed(), r.kReached(),
                                r.reportFile().getFileName()))));
    }
}
