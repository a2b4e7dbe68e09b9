package org.haven.gui.operations;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.haven.core.Haven;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;
import org.haven.core.cases.OperationSummary;
import org.haven.core.operations.Operation;
import org.haven.core.screening.ScreeningCounts;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One operation: its details, counts of its cases (status, nationality, sex, screening result) and
 * the list of its people and cases, a page at a time. Opening a case is the caller's job
 * ({@code openCase} receives the case id), so the main window decides where the case shows.
 */
public final class OperationPage extends BorderPane {
    static final int PAGE = 100;
    /** The header and about eight rows (a Khmer row is taller than a Latin one). */
    static final double TABLE_MIN_HEIGHT = 380;

    private final Haven haven;
    private final UUID operationId;
    private final Consumer<UUID> openCase;
    private final Label title = new Label();
    private final Label subtitle = new org.haven.gui.toolkit.WrappingLabel();
    private final FlowPane counts = new FlowPane(16, 16);
    /** One line under the title: who works on this operation (a card would push the people table off a laptop screen). */
    private final HBox membersLine = new HBox();
    private final TableView<CaseListItem> table = new TableView<>();
    private final Label pageLabel = new Label();
    private final Button previous = new Button(I18n.t("operation.cases.previous"));
    private final Button next = new Button(I18n.t("operation.cases.next"));
    private final Button edit = new Button(I18n.t("operations.edit"), new FontIcon("mdi2p-pencil"));
    private final HBox header;
    private Operation operation;
    private int offset;
    private int total;

    private record Loaded(Operation operation, OperationSummary summary, ScreeningCounts screening,
                          List<CaseListItem> page, int total, List<String> members) {}

    public OperationPage(Haven haven, UUID operationId, Consumer<UUID> openCase) {
        this.haven = haven;
        this.operationId = operationId;
        this.openCase = openCase == null ? id -> { } : openCase;
        title.setId("operationTitle");
        title.getStyleClass().add(Styles.TITLE_2);
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        edit.setId("operationEdit");
        edit.setDisable(true);
        edit.setOnAction(e -> editOperation());
        Button refresh = new Button(I18n.t("operations.refresh"), new FontIcon("mdi2r-refresh"));
        refresh.setOnAction(e -> reload());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The title wraps on a narrow screen; the buttons keep their words.
        title.setWrapText(true);
        edit.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        VBox titles = new VBox(4, title, subtitle);
        HBox.setHgrow(titles, Priority.ALWAYS);
        header = new HBox(12, titles, spacer, edit, refresh);
        header.setAlignment(Pos.TOP_LEFT);
        counts.setId("operationCounts");
        counts.setRowValignment(javafx.geometry.VPos.TOP);
        Label casesTitle = new Label(I18n.t("operation.cases"));
        casesTitle.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label(I18n.t("operation.cases.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        buildTable();
        previous.setId("casesPrevious");
        next.setId("casesNext");
        previous.setOnAction(e -> loadPage(Math.max(0, offset - PAGE)));
        next.setOnAction(e -> loadPage(offset + PAGE));
        HBox paging = new HBox(8, previous, next, pageLabel);
        paging.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        // The people table keeps room for several rows; when the counts above it need the space (a
        // small laptop screen, many statuses), the page scrolls instead of squeezing the table away.
        table.setMinHeight(TABLE_MIN_HEIGHT);
        counts.setMinHeight(Region.USE_PREF_SIZE);
        VBox body = new VBox(12, header, membersLine, counts, casesTitle, hint, table, paging);
        body.setPadding(new Insets(16));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(body);
        scroll.setId("operationScroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true); // the table grows into a tall window; below the body's minimum, the page scrolls
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        reload();
    }

    /** Adds a node (e.g. a "back" button) before the title. */
    public void addToHeader(Node node) {
        if (node instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        header.getChildren().addFirst(node);
    }

    public void reload() {
        int from = offset;
        FxTasks.run(() -> {
            Operation op = haven.operations().get(operationId);
            CaseQuery q = query().page(from, PAGE);
            return new Loaded(op, haven.cases().operationSummary(operationId), haven.screening().counts(operationId),
                    haven.cases().search(q), haven.cases().count(q), haven.operations().members(operationId));
        }, this::show);
    }

    private CaseQuery query() {
        return new CaseQuery(null, null, null, operationId, CaseQuery.SortColumn.CASE_NUMBER, false, 0, PAGE);
    }

    private void loadPage(int from) {
        FxTasks.run(() -> haven.cases().search(query().page(from, PAGE)), items -> {
            offset = from;
            table.getItems().setAll(items);
            showPaging();
        });
    }

    private void show(Loaded l) {
        operation = l.operation();
        edit.setDisable(false);
        title.setText(l.operation().code() + " · " + l.operation().name());
        StringBuilder sub = new StringBuilder(l.operation().date().toString());
        for (String part : new String[] {l.operation().province(), l.operation().place(), l.operation().agencies()}) {
            if (part != null && !part.isBlank()) sub.append(" · ").append(part);
        }
        if (l.operation().peopleFound() != null) {
            sub.append(" · ").append(I18n.t("operation.summary.peopleFound", l.operation().peopleFound()));
        }
        subtitle.setText(sub.toString());
        counts.getChildren().setAll(
                card("operation.summary.byStatus", labelled(l.summary().byStatus())),
                card("operation.summary.byNationality", nationalities(l.summary().byNationality())),
                card("operation.summary.bySex", labelled(l.summary().bySex())),
                card("operation.summary.byScreening", screening(l.screening())));
        membersLine.getChildren().setAll(members(l.members()));
        Label totalLabel = new Label(I18n.t("operation.summary.cases", l.summary().cases()));
        totalLabel.setId("operationTotal");
        totalLabel.getStyleClass().add(Styles.TITLE_4);
        counts.getChildren().addFirst(totalLabel);
        total = l.total();
        table.getItems().setAll(l.page());
        showPaging();
    }

    /** Who a coordinator put on this operation (they see all its cases); coordinators add and remove them here. */
    private Node members(List<String> names) {
        Label t = new Label(I18n.t("operation.members")); // the colon is the language's own (Khmer ៖, Chinese ：)
        t.setId("operationMembersLabel");
        t.getStyleClass().add(Styles.TEXT_BOLD);
        Label list = new org.haven.gui.toolkit.WrappingLabel(names.isEmpty() ? I18n.t("operation.members.none") : String.join(", ", names));
        list.setId("operationMembers");
        list.setWrapText(true);
        javafx.scene.control.Tooltip hint = new javafx.scene.control.Tooltip(I18n.t("operation.members.hint"));
        t.setTooltip(hint);
        list.setTooltip(hint);
        HBox line = new HBox(8, t, list);
        line.setAlignment(Pos.CENTER_LEFT);
        if (haven.user().has(org.haven.core.security.Role.COORDINATOR)) {
            Button add = new Button(I18n.t("operation.members.add"), new FontIcon("mdi2a-account-plus"));
            add.setId("operationMemberAdd");
            add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            add.setOnAction(e -> askName(I18n.t("operation.members.add"), List.of()).ifPresent(name ->
                    FxTasks.run(() -> haven.operations().addMember(operationId, name), done -> reload())));
            Button remove = new Button(I18n.t("operation.members.remove"), new FontIcon("mdi2a-account-minus"));
            remove.setId("operationMemberRemove");
            remove.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            remove.setDisable(names.isEmpty());
            remove.setOnAction(e -> askName(I18n.t("operation.members.remove"), names).ifPresent(name ->
                    FxTasks.run(() -> haven.operations().removeMember(operationId, name), done -> reload())));
            line.getChildren().addAll(add, remove);
        }
        return line;
    }

    /** A user name typed (add) or chosen among the members (remove). */
    private java.util.Optional<String> askName(String title, List<String> choices) {
        javafx.scene.control.Dialog<String> dialog = choices.isEmpty()
                ? new javafx.scene.control.TextInputDialog()
                : new javafx.scene.control.ChoiceDialog<>(choices.getFirst(), choices);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(I18n.t("operation.members.addPrompt"));
        if (getScene() != null) org.haven.gui.toolkit.Dialogs.prepare(dialog, getScene().getWindow());
        return dialog.showAndWait().map(String::strip).filter(n -> !n.isEmpty());
    }

    private void showPaging() {
        int shownTo = Math.min(total, offset + table.getItems().size());
        pageLabel.setText(I18n.t("operation.cases.page", total == 0 ? 0 : offset + 1, shownTo, total));
        previous.setDisable(offset == 0);
        next.setDisable(offset + PAGE >= total);
    }

    private static <E extends Enum<E>> Map<String, Long> labelled(Map<E, Long> counts) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(I18n.label(k), v));
        return out;
    }

    private static Map<String, Long> nationalities(Map<String, Long> counts) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        counts.forEach((code, v) -> out.merge(code.isEmpty() ? I18n.t("operation.summary.unknownNationality") : I18n.country(code), v, Long::sum));
        return out;
    }

    private static Map<String, Long> screening(ScreeningCounts s) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        out.put(I18n.label(CaseQuery.ScreeningFilter.NOT_SCREENED), s.notScreened());
        s.byDetermination().forEach((d, v) -> out.put(I18n.label(d), v));
        return out;
    }

    private static Node card(String titleKey, Map<String, Long> rows) {
        Label t = new Label(I18n.t(titleKey));
        t.getStyleClass().add(Styles.TEXT_BOLD);
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(2);
        int r = 0;
        for (Map.Entry<String, Long> e : rows.entrySet()) {
            Label value = new Label(String.valueOf(e.getValue()));
            value.setMinWidth(Region.USE_PREF_SIZE);
            g.add(new Label(e.getKey()), 0, r);
            g.add(value, 1, r++);
        }
        VBox box = new VBox(6, t, g);
        box.setPadding(new Insets(10));
        box.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 6; -fx-background-radius: 6;");
        box.setMinWidth(200);
        return box;
    }

    private void buildTable() {
        table.setId("operationCases");
        table.setPlaceholder(new Label(I18n.t("table.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("operation.col.caseNumber", CaseListItem::caseNumber));
        table.getColumns().add(column("operation.col.nameLatin", CaseListItem::nameLatin));
        table.getColumns().add(column("operation.col.nameNative", CaseListItem::nameNative));
        table.getColumns().add(column("operation.col.nationality", i -> i.nationality() == null ? "" : I18n.country(i.nationality())));
        table.getColumns().add(column("operation.col.status", i -> I18n.label(i.status())));
        TableColumn<CaseListItem, Boolean> flag = new TableColumn<>(I18n.t("operation.col.flag"));
        flag.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().nonPunishmentFlag()));
        flag.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                boolean on = !empty && Boolean.TRUE.equals(item);
                setText(on ? I18n.t("operation.flag") : null);
                setGraphic(on ? new FontIcon("mdi2a-alert") : null);
                getStyleClass().remove(Styles.DANGER);
                if (on) getStyleClass().add(Styles.DANGER);
            }
        });
        table.getColumns().add(flag);
        table.setRowFactory(t -> {
            TableRow<CaseListItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) openCase.accept(row.getItem().caseId());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            CaseListItem selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) openCase.accept(selected.caseId());
        });
    }

    private static TableColumn<CaseListItem, String> column(String key, java.util.function.Function<CaseListItem, String> value) {
        TableColumn<CaseListItem, String> c = new TableColumn<>(I18n.t(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private void editOperation() {
        if (operation == null) return;
        new OperationFormDialog(haven, operation).showAndWait().ifPresent(saved -> reload());
    }
}
