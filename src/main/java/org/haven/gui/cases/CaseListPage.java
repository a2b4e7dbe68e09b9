package org.haven.gui.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Worker;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;
import org.haven.core.cases.CaseStatus;
import org.haven.core.operations.Operation;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The case list's layout: search as you type, filters, sorting and paging. What it shows and does
 * lives in {@link CaseListModel} (the rows, the count, the page, stale answers dropped); this class
 * builds the controls, binds them to the model, debounces typing and shows failures.
 */
public final class CaseListPage {
    static final int PAGE_SIZE = CaseListModel.PAGE_SIZE;
    private static final Duration DEBOUNCE = Duration.millis(150);

    private final CaseWindow window;
    private final CaseListModel model;
    private final BorderPane root = new BorderPane();
    private final TextField search = new TextField();
    private final StatusFilterBox status = new StatusFilterBox();
    private final NationalityFilterField nationality = new NationalityFilterField();
    private final ComboBox<Operation> operation = new ComboBox<>();
    private final TableView<CaseListItem> table = new TableView<>();
    private final ScreeningFilterBox screening = new ScreeningFilterBox();
    private final Label count = new Label();
    private final Label pageLabel = new Label();
    private final Button previous = new Button();
    private final Button next = new Button();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final QuickFilters quick = new QuickFilters();
    private final Label message = new Label();
    /** What an empty list says when the search or the filters leave nothing. */
    private final Label noMatch = new Label(I18n.t("cases.empty"));
    /** What an empty list says when there is no case at all yet: the two ways to start. */
    private Node noCasesYet;
    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);
    private final boolean seesCaseData;

    public CaseListPage(CaseWindow window) {
        this.window = window;
        this.model = new CaseListModel(window.haven().cases(), window.haven().operations(), Worker.FX_TASKS);
        this.seesCaseData = window.haven().user().seesCaseData();
        search.setId("caseSearch");
        search.setPromptText(I18n.t("cases.search.prompt"));
        search.textProperty().bindBidirectional(model.searchTextProperty());
        search.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        debounce.setOnFinished(e -> model.search());
        model.busyProperty().addListener((o, a, b) -> {
            if (b) debounce.stop(); // a filter's search already reads the text typed so far
        });

        status.onChange(() -> model.statusesProperty().set(status.value()));
        nationality.codeProperty().addListener((o, a, b) -> model.nationalityProperty().set(b));
        operation.setId("operationFilter");
        operation.setItems(model.operations());
        FormParts.setLabels(operation, op -> op == null ? I18n.t("cases.filter.allOperations") : op.code() + "  " + op.name());
        operation.valueProperty().bindBidirectional(model.operationProperty());
        screening.valueProperty().bindBidirectional(model.screeningProperty());
        quick.onChange(() -> model.quickProperty().set(quick.value()));

        table.setId("caseTable");
        table.setItems(model.rows());
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        Bindings.bindContent(model.selection(), table.getSelectionModel().getSelectedItems());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedProperty().set(b));
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) table.getSelectionModel().select(b);
        });
        columns();
        table.setPlaceholder(noMatch);
        noMatch.setWrapText(true);
        noMatch.setId("caseListNoMatch");
        model.noCasesYetProperty().addListener((o, a, b) -> table.setPlaceholder(b ? noCasesYet() : noMatch)); // a new one rebuilds the table's rows
        model.errorProperty().addListener((o, a, b) -> {
            if (b != null) org.haven.gui.toolkit.ErrorDialog.show(b);
        });
        if (AssignDialog.mayAssign(window.haven().user())) {
            javafx.scene.control.MenuItem assign = new javafx.scene.control.MenuItem(I18n.t("cases.assign.button"), new FontIcon("mdi2a-account-arrow-right-outline"));
            assign.setId("ctx-assign");
            assign.setOnAction(e -> AssignDialog.show(window, selectedCaseIds()));
            table.setContextMenu(new javafx.scene.control.ContextMenu(assign));
        }
        table.setRowFactory(tv -> {
            TableRow<CaseListItem> row = new TableRow<>() {
                @Override
                protected void updateItem(CaseListItem item, boolean empty) {
                    super.updateItem(item, empty);
                    // Non-punishment principle: a presumed victim who is a suspect stands out.
                    getStyleClass().remove("non-punishment");
                    if (!empty && item != null && item.nonPunishmentFlag()) getStyleClass().add("non-punishment");
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    window.openCase(row.getItem().caseId());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && table.getItems().size() >= 1) {
                table.getSelectionModel().selectFirst();
                table.requestFocus();
                e.consume();
            }
        });

        previous.setGraphic(new FontIcon("mdi2c-chevron-left"));
        previous.setId("pagePrevious");
        previous.getStyleClass().add("flat");
        previous.setOnAction(e -> model.previousPage());
        previous.disableProperty().bind(model.canGoBackProperty().not());
        next.setGraphic(new FontIcon("mdi2c-chevron-right"));
        next.setId("pageNext");
        next.getStyleClass().add("flat");
        next.setOnAction(e -> model.nextPage());
        next.disableProperty().bind(model.canGoForwardProperty().not());
        count.setId("caseCount");
        count.textProperty().bind(model.countTextProperty());
        pageLabel.setId("pageLabel");
        pageLabel.textProperty().bind(model.pageTextProperty());
        message.textProperty().bind(model.messageProperty());
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());

        root.setTop(toolbar());
        root.setCenter(table);
        root.setBottom(footer());
        root.getStyleClass().add("case-list");
        if (!seesCaseData) {
            // An administrator-only account sees no case data: say so instead of asking the service and failing.
            root.setTop(null);
            table.setPlaceholder(new Label(I18n.t("cases.noCaseData")));
            return;
        }
        model.start();
    }

    /** The table's columns; the database sorts, the table only shows which column is sorted. */
    private void columns() {
        TableColumn<CaseListItem, String> numberColumn = column("cases.col.number", CaseListItem::caseNumber, CaseQuery.SortColumn.CASE_NUMBER, 190);
        table.getColumns().add(numberColumn);
        table.getColumns().add(column("cases.col.nameLatin", CaseListItem::nameLatin, CaseQuery.SortColumn.NAME, 220));
        table.getColumns().add(column("cases.col.nameNative", CaseListItem::nameNative, null, 200));
        table.getColumns().add(column("cases.col.nationality", i -> I18n.country(i.nationality()), CaseQuery.SortColumn.NATIONALITY, 150));
        TableColumn<CaseListItem, String> statusColumn = column("cases.col.status", i -> I18n.label(i.status()), CaseQuery.SortColumn.STATUS, 130);
        statusColumn.setMinWidth(widest(java.util.Arrays.stream(CaseStatus.values()).map(I18n::label).toList())); // never "Return pendi..."
        table.getColumns().add(statusColumn);
        table.getColumns().add(column("cases.col.operation", CaseListItem::operationCode, null, 120));
        table.getColumns().add(column("cases.col.opened", i -> formatDate(i.openedOn()), CaseQuery.SortColumn.OPENED_ON, 120));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setSortPolicy(t -> true);
        numberColumn.setSortType(TableColumn.SortType.DESCENDING); // the model starts with the newest case first
        table.getSortOrder().add(numberColumn);
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<CaseListItem, ?>>) c -> sortChanged());
        for (TableColumn<CaseListItem, ?> col : table.getColumns()) {
            col.sortTypeProperty().addListener((o, a, b) -> sortChanged());
        }
    }

    private void sortChanged() {
        if (!table.getSortOrder().isEmpty() && table.getSortOrder().get(0).getUserData() instanceof CaseQuery.SortColumn sc) {
            model.sortBy(sc, table.getSortOrder().get(0).getSortType() == TableColumn.SortType.DESCENDING);
        } else {
            model.sortBy(null, false);
        }
    }

    public Node root() {
        return root;
    }

    /** The view model behind the list. */
    public CaseListModel model() {
        return model;
    }

    /** The cases selected in the list (several with Shift or Ctrl), for batch actions such as summaries. */
    public List<java.util.UUID> selectedCaseIds() {
        return model.selectedCaseIds();
    }

    /** A short confirmation under the list (e.g. "2 cases assigned to dara"), until the next one. */
    public void say(String text) {
        model.say(text);
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Reloads the current page (after a change elsewhere), keeping the search and filters. */
    public void refresh() {
        if (seesCaseData) model.refresh();
    }

    /** True once the first page has arrived and nothing is being read (tests wait for it). */
    public boolean isLoaded() {
        return !seesCaseData || (model.loadedProperty().get() && !model.busyProperty().get());
    }

    private void openSelected() {
        CaseListItem item = table.getSelectionModel().getSelectedItem();
        if (item != null) window.openCase(item.caseId());
    }

    /** A new database's list: "No cases yet" and its two next steps, registering a person or importing a list. */
    private Node noCasesYet() {
        if (noCasesYet != null) return noCasesYet;
        Label title = new Label(I18n.t("cases.none.title"));
        title.setId("noCasesYet");
        title.getStyleClass().add("title-3");
        Label text = new org.haven.gui.toolkit.WrappingLabel(I18n.t("cases.none.text"));
        text.getStyleClass().add("text-muted");
        text.setMaxWidth(520);
        Button register = new Button(I18n.t("cases.none.register"), new FontIcon("mdi2a-account-plus-outline"));
        register.setId("noCasesRegister");
        register.getStyleClass().add("accent");
        register.setOnAction(e -> PersonFormDialog.newCase(window));
        HBox steps = new HBox(12, register);
        window.importList().ifPresent(importList -> {
            Button importButton = new Button(I18n.t("cases.none.import"), new FontIcon("mdi2f-file-import-outline"));
            importButton.setId("noCasesImport");
            importButton.setOnAction(e -> importList.run());
            steps.getChildren().add(importButton);
        });
        steps.setAlignment(Pos.CENTER);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(12, title, text, steps);
        box.setAlignment(Pos.CENTER);
        box.setFillWidth(false);
        noCasesYet = box;
        return box;
    }

    /**
     * The search box with the page's actions on one line, the labelled filters under it. The filters
     * wrap onto another line rather than shrink, so each stays readable down to 1024 pixels wide
     * (the smallest laptop screens in the field), in every language.
     */
    private Node toolbar() {
        FontIcon lens = new FontIcon("mdi2m-magnify");
        HBox searchBox = new HBox(6, lens, search);
        searchBox.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox.setHgrow(searchBox, Priority.ALWAYS);
        search.setPrefColumnCount(20);
        Button add = new Button(I18n.t("cases.new"), new FontIcon("mdi2a-account-plus-outline"));
        add.setId("newCaseButton");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> PersonFormDialog.newCase(window));
        add.setMinWidth(Region.USE_PREF_SIZE); // the main action never shrinks to "Ne..."
        HBox bar = new HBox(10, searchBox, add);
        if (AssignDialog.mayAssign(window.haven().user())) {
            Button assign = new Button(I18n.t("cases.assign.button"), new FontIcon("mdi2a-account-arrow-right-outline"));
            assign.setId("assignButton");
            assign.setMinWidth(Region.USE_PREF_SIZE);
            assign.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
            assign.setOnAction(e -> AssignDialog.show(window, selectedCaseIds()));
            bar.getChildren().add(bar.getChildren().indexOf(add), assign);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("page-toolbar");
        return new javafx.scene.layout.VBox(bar, filters());
    }

    private Node filters() {
        status.setPrefWidth(180);
        nationality.setPrefColumnCount(12);
        operation.setPrefWidth(200);
        screening.setPrefWidth(190);
        javafx.scene.layout.FlowPane pane = new javafx.scene.layout.FlowPane(16, 8,
                labelled("cases.filter.status", status), labelled("cases.filter.nationality", nationality),
                labelled("cases.filter.operation", operation), labelled("cases.filter.screening", screening), quick.node());
        quick.node().setStyle("-fx-padding: 0;");
        pane.setId("caseFilters");
        pane.setAlignment(Pos.BOTTOM_LEFT);
        pane.setStyle("-fx-padding: 0 12 8 12;");
        return pane;
    }

    /** A filter with its name above it; neither shrinks below what its text needs. */
    private static Node labelled(String key, javafx.scene.control.Control control) {
        Label label = new Label(I18n.t(key));
        label.getStyleClass().addAll("text-muted", "text-small");
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setLabelFor(control);
        control.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(2, label, control);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private Node footer() {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        message.setId("caseListMessage");
        message.getStyleClass().add("text-muted");
        HBox bar = new HBox(8, count, busy, message, grow, pageLabel, previous, next);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("page-footer");
        return bar;
    }

    /** The width a cell needs to show the longest of these words whole, in the table's font and padding. */
    private static double widest(java.util.List<String> words) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), 15));
        double widest = 0;
        for (String w : words) {
            probe.setText(w);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest) + 28;
    }

    private TableColumn<CaseListItem, String> column(String key, Function<CaseListItem, String> value,
                                                     CaseQuery.SortColumn sort, double width) {
        TableColumn<CaseListItem, String> col = new TableColumn<>(I18n.t(key));
        col.setId("col-" + key.substring(key.lastIndexOf('.') + 1));
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setPrefWidth(width);
        col.setUserData(sort);
        col.setSortable(sort != null);
        col.setReorderable(false);
        return col;
    }

    static String formatDate(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(I18n.locale()));
    }
}
