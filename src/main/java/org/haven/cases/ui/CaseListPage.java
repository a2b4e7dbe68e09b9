package org.haven.cases.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
import javafx.util.StringConverter;
import org.haven.app.FxTasks;
import org.haven.app.I18n;
import org.haven.app.MainWindow;
import org.haven.cases.CaseListItem;
import org.haven.cases.CaseQuery;
import org.haven.cases.CaseStatus;
import org.haven.operations.Operation;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The case list: search as you type, filters, sorting and paging, all answered by the database one
 * page at a time, so it stays quick with 100,000 cases. Typing is debounced and stale answers are
 * dropped (a newer request always wins).
 */
public final class CaseListPage {
    static final int PAGE_SIZE = 100;
    private static final Duration DEBOUNCE = Duration.millis(150);

    private final MainWindow window;
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
    private final TableColumn<CaseListItem, String> numberColumn;
    private int offset;
    /** Where the page shown starts by keyset (after the last row of the page before, or before the first of the one after); null: the top. */
    private CaseQuery.Seek seek;
    private int total;
    private long requestNo;
    private boolean loadedOnce;

    public CaseListPage(MainWindow window) {
        this.window = window;
        search.setId("caseSearch");
        search.setPromptText(I18n.t("cases.search.prompt"));
        search.setPrefColumnCount(28);
        search.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        debounce.setOnFinished(e -> reload(true));

        status.onChange(() -> reload(true));
        nationality.codeProperty().addListener((o, a, b) -> reload(true));

        operation.setId("operationFilter");
        operation.setItems(FXCollections.observableArrayList((Operation) null));
        setLabels(operation, op -> op == null ? I18n.t("cases.filter.allOperations") : op.code() + "  " + op.name());
        operation.valueProperty().addListener((o, a, b) -> reload(true));
        screening.valueProperty().addListener((o, a, b) -> reload(true));
        quick.onChange(() -> reload(true));

        table.setId("caseTable");
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        numberColumn = column("cases.col.number", CaseListItem::caseNumber, CaseQuery.SortColumn.CASE_NUMBER, 190);
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
        // The database sorts; the table only shows which column is sorted.
        table.setSortPolicy(t -> true);
        numberColumn.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(numberColumn);
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<CaseListItem, ?>>) c -> reload(true));
        for (TableColumn<CaseListItem, ?> col : table.getColumns()) {
            col.sortTypeProperty().addListener((o, a, b) -> reload(true));
        }
        table.setPlaceholder(noMatch);
        noMatch.setWrapText(true);
        noMatch.setId("caseListNoMatch");
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
        previous.setOnAction(e -> page(-1));
        next.setGraphic(new FontIcon("mdi2c-chevron-right"));
        next.setId("pageNext");
        next.getStyleClass().add("flat");
        next.setOnAction(e -> page(+1));
        count.setId("caseCount");
        pageLabel.setId("pageLabel");
        busy.setPrefSize(18, 18);
        busy.setVisible(false);

        root.setTop(toolbar());
        root.setCenter(table);
        root.setBottom(footer());
        root.getStyleClass().add("case-list");
        if (!window.haven().user().seesCaseData()) {
            // An administrator-only account sees no case data: say so instead of asking the service and failing.
            root.setTop(null);
            table.setPlaceholder(new Label(I18n.t("cases.noCaseData")));
            loadedOnce = true;
            return;
        }
        reloadOperations();
        reload(true);
    }

    public Node root() {
        return root;
    }

    /** The cases selected in the list (several with Shift or Ctrl), for batch actions such as summaries. */
    public List<java.util.UUID> selectedCaseIds() {
        return table.getSelectionModel().getSelectedItems().stream().map(CaseListItem::caseId).toList();
    }

    /** A short confirmation under the list (e.g. "2 cases assigned to dara"), until the next one. */
    public void say(String text) {
        message.setText(text);
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Reloads the current page (after a change elsewhere), keeping the search and filters. */
    public void refresh() {
        if (!window.haven().user().seesCaseData()) return;
        reloadOperations();
        reload(false);
    }

    /** The query the list shows now: text, filters, sort (one page is added when loading). */
    public CaseQuery currentQuery() {
        CaseQuery.SortColumn sort = CaseQuery.SortColumn.CASE_NUMBER;
        boolean descending = false;
        if (!table.getSortOrder().isEmpty()) {
            TableColumn<CaseListItem, ?> col = table.getSortOrder().get(0);
            if (col.getUserData() instanceof CaseQuery.SortColumn sc) {
                sort = sc;
                descending = col.getSortType() == TableColumn.SortType.DESCENDING;
            }
        }
        String text = search.getText() == null || search.getText().isBlank() ? null : search.getText().strip();
        Operation op = operation.getValue();
        return new CaseQuery(text, null, nationality.codeProperty().get(), op == null ? null : op.id(),
                sort, descending, offset, PAGE_SIZE).withScreening(screening.getValue()).withQuick(quick.value())
                .withStatuses(status.value()).withSeek(seek != null && seek.position().sort() == sort ? seek : null);
    }

    private void openSelected() {
        CaseListItem item = table.getSelectionModel().getSelectedItem();
        if (item != null) window.openCase(item.caseId());
    }

    private void page(int direction) {
        int newOffset = offset + direction * PAGE_SIZE;
        if (newOffset < 0 || newOffset >= total) return;
        // Keyset paging: the next page seeks past the last row shown, the previous one reads back from
        // the first (the database walks its index from there instead of skipping newOffset rows, and a
        // case added or deleted meanwhile neither repeats nor skips a row). The top is read as the top.
        List<CaseListItem> shown = table.getItems();
        if (newOffset == 0 || shown.isEmpty() || shown.getFirst().position() == null) seek = null;
        else if (direction > 0) seek = CaseQuery.Seek.after(shown.getLast().position());
        else seek = CaseQuery.Seek.before(shown.getFirst().position());
        offset = newOffset;
        reload(false);
    }

    private boolean totalIsLowerBound;

    private void reload(boolean firstPage) {
        debounce.stop();
        if (firstPage) {
            offset = 0;
            seek = null;
        }
        CaseQuery query = currentQuery();
        long mine = ++requestNo;
        busy.setVisible(true);
        if (!loadedOnce) sayWhyTheFirstLoadWaits(mine);
        UUID selected = table.getSelectionModel().getSelectedItem() == null ? null
                : table.getSelectionModel().getSelectedItem().caseId();
        FxTasks.run(() -> window.haven().cases().page(query, CaseQuery.COUNT_AHEAD), page -> {
            if (mine != requestNo) return; // a newer request is on its way: drop this answer
            busy.setVisible(false);
            total = page.total();
            totalIsLowerBound = page.more();
            if (query.seek() != null && query.seek().before() && page.items().size() < PAGE_SIZE) {
                // fewer rows before this one than the label said (cases deleted meanwhile): show the top
                offset = 0;
                seek = null;
                reload(false);
                return;
            }
            if (total > 0 && (offset >= total || (query.seek() != null && page.items().isEmpty()))) {
                // the page we were on is gone (fewer results now): the last page, by its offset
                offset = ((total - 1) / PAGE_SIZE) * PAGE_SIZE;
                seek = null;
                reload(false);
                return;
            }
            table.getItems().setAll(page.items());
            Node placeholder = total == 0 && unfiltered(query) ? noCasesYet() : noMatch;
            if (table.getPlaceholder() != placeholder) table.setPlaceholder(placeholder); // a new one rebuilds the table's rows
            if (selected != null) {
                page.items().stream().filter(i -> i.caseId().equals(selected)).findFirst()
                        .ifPresent(i -> table.getSelectionModel().select(i));
            }
            loadedOnce = true;
            updateFooter();
            if (totalIsLowerBound) countAll(query, mine);
        }, error -> {
            if (mine != requestNo) return;
            busy.setVisible(false);
            org.haven.app.ErrorDialog.show(error);
        });
    }

    /**
     * "More than 1,000" is only what the list says while it counts: the whole count follows (it
     * reads every match, so it is not run before the page shows).
     */
    private void countAll(CaseQuery query, long request) {
        busy.setVisible(true);
        FxTasks.run(() -> window.haven().cases().count(query), n -> {
            if (request != requestNo) return; // the search changed meanwhile
            busy.setVisible(false);
            total = n;
            totalIsLowerBound = false;
            updateFooter();
        }, error -> {
            if (request == requestNo) busy.setVisible(false);
        });
    }

    private static boolean unfiltered(CaseQuery q) {
        return q.text() == null && q.status() == null && q.statuses().isEmpty() && q.nationality() == null
                && q.operationId() == null && q.screening() == null && q.quick().equals(CaseQuery.Quick.NONE);
    }

    /** A new database's list: "No cases yet" and its two next steps, registering a person or importing a list. */
    private Node noCasesYet() {
        if (noCasesYet != null) return noCasesYet;
        Label title = new Label(I18n.t("cases.none.title"));
        title.setId("noCasesYet");
        title.getStyleClass().add("title-3");
        Label text = new org.haven.app.WrappingLabel(I18n.t("cases.none.text"));
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

    /** After an update from a version without the search index, the first load writes it first. */
    private void sayWhyTheFirstLoadWaits(long request) {
        FxTasks.run(() -> window.haven().cases().searchIndexPending(), pending -> {
            if (pending && !loadedOnce && request == requestNo && busy.isVisible()) count.setText(I18n.t("cases.preparingSearch"));
        }, error -> { });
    }

    /** True once the first page has arrived (tests wait for it). */
    public boolean isLoaded() {
        return loadedOnce && !busy.isVisible();
    }

    private void updateFooter() {
        NumberFormat nf = NumberFormat.getIntegerInstance(I18n.locale());
        count.setText(totalIsLowerBound ? I18n.t("cases.count.more", nf.format(total))
                : I18n.t("cases.count", total, nf.format(total)));
        if (total == 0) {
            pageLabel.setText("");
        } else {
            int last = Math.min(total, offset + PAGE_SIZE);
            pageLabel.setText(totalIsLowerBound
                    ? I18n.t("cases.page.more", nf.format(offset + 1), nf.format(last), nf.format(total))
                    : I18n.t("cases.page", nf.format(offset + 1), nf.format(last), nf.format(total)));
        }
        previous.setDisable(offset == 0);
        next.setDisable(!totalIsLowerBound && offset + PAGE_SIZE >= total);
    }

    private void reloadOperations() {
        FxTasks.run(() -> window.haven().operations().list(), ops -> {
            Operation chosen = operation.getValue();
            List<Operation> items = new ArrayList<>();
            items.add(null);
            items.addAll(ops.stream().sorted(Comparator.comparing(Operation::date).reversed()).toList());
            if (items.equals(operation.getItems())) return;
            operation.getItems().setAll(items);
            if (chosen != null) {
                ops.stream().filter(o -> o.id().equals(chosen.id())).findFirst().ifPresent(operation::setValue);
            }
        });
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

    /** A form label that never shrinks into "...". */
    static Label formLabel(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("form-label");
        return l;
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
