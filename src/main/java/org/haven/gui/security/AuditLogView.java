package org.haven.gui.security;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.security.AuditService;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The audit log for coordinators and administrators: a table of entries (newest first) with
 * filters by user, action and date range, and a button that checks the hash chain.
 */
public final class AuditLogView extends BorderPane {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM);
    private final AuditService audit;
    private final ComboBox<String> user = new ComboBox<>();
    private final ComboBox<String> action = new ComboBox<>();
    private final DatePicker from = org.haven.gui.toolkit.Dates.picker();
    private final DatePicker to = org.haven.gui.toolkit.Dates.picker();
    private final TableView<AuditService.Entry> table = new TableView<>();
    private final Label status = new Label();
    /** Case numbers, operation codes and user names of the shown entries' records. */
    private java.util.Map<java.util.UUID, String> recordNames = java.util.Map.of();

    public AuditLogView(AuditService audit) {
        this.audit = audit;
        user.setId("audit-user");
        action.setId("audit-action");
        from.setId("audit-from");
        to.setId("audit-to");
        user.setPromptText(I18n.t("audit.filter.any"));
        action.setPromptText(I18n.t("audit.filter.any"));
        action.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? I18n.t("audit.filter.any") : actionWords(code);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        Button apply = new Button(I18n.t("audit.filter.apply"), new FontIcon("mdi2f-filter-outline"));
        apply.setId("audit-apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> reload());
        Button clear = new Button(I18n.t("audit.filter.clear"));
        clear.setOnAction(e -> {
            user.setValue(null);
            action.setValue(null);
            from.setValue(null);
            to.setValue(null);
            reload();
        });
        Button verify = new Button(I18n.t("audit.verify"), new FontIcon("mdi2s-shield-check-outline"));
        verify.setId("audit-verify");
        verify.setOnAction(e -> FxTasks.run(audit::verify, v -> status.setText(v.intact()
                ? I18n.t("audit.verify.ok", v.entries()) : I18n.t("audit.verify.broken", v.firstBrokenSeq()))));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox filters = new HBox(8,
                labelled("audit.filter.user", user), labelled("audit.filter.action", action),
                labelled("audit.filter.from", from), labelled("audit.filter.to", to), apply, clear, spacer, verify);
        filters.setAlignment(Pos.BOTTOM_LEFT);
        filters.setPadding(new Insets(0, 0, 8, 0));

        table.setId("audit-table");
        table.setPlaceholder(new Label(I18n.t("table.empty")));
        table.getColumns().setAll(List.of(
                column("audit.col.seq", e -> e.seq(), 60),
                column("audit.col.at", e -> e.at().atZoneSameInstant(java.time.ZoneId.systemDefault()).format(AT), 170),
                column("audit.col.user", AuditService.Entry::username, 110),
                column("audit.col.action", e -> actionWords(e.action()), 200),
                column("audit.col.entity", e -> words("audit.entity.", e.entity()), 100),
                column("audit.col.record", this::recordName, 160),
                column("audit.col.detail", AuditService.Entry::detail, 220)));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);

        Label title = new Label(I18n.t("audit.title"));
        title.getStyleClass().add("title-3");
        setTop(new VBox(8, title, filters));
        setCenter(table);
        setBottom(status);
        BorderPane.setMargin(status, new Insets(6, 0, 0, 0));
        setPadding(new Insets(12));
        loadChoices();
        reload();
    }

    /** Loads the entries matching the filters (off the FX thread). */
    public void reload() {
        AuditService.Query q = new AuditService.Query(user.getValue(), action.getValue(), from.getValue(), to.getValue(), AuditService.MAX_ROWS);
        FxTasks.run(() -> {
            List<AuditService.Entry> entries = audit.find(q);
            return java.util.Map.entry(entries, audit.recordNames(entries));
        }, found -> {
            List<AuditService.Entry> entries = found.getKey();
            recordNames = found.getValue();
            table.getItems().setAll(entries);
            status.setText(I18n.t("audit.count", entries.size()));
        });
    }

    private void loadChoices() {
        FxTasks.run(() -> List.of(audit.usernames(), audit.actions()), lists -> {
            user.getItems().setAll(withAny(lists.get(0)));
            action.getItems().setAll(withAny(lists.get(1)));
        });
    }

    /** An action in words ("Case opened"); an action this version has no words for shows as recorded. */
    static String actionWords(String code) {
        return words("audit.action.", code);
    }

    private static String words(String prefix, String code) {
        if (code == null) return "";
        return I18n.bundle().containsKey(prefix + code) ? I18n.t(prefix + code) : code;
    }

    /** The record as people know it: its case number or code, never its internal id. */
    private String recordName(AuditService.Entry e) {
        if (e.entityId() == null) return "";
        String name = recordNames.get(e.entityId());
        return name != null ? name : I18n.t("audit.record.gone");
    }

    /** A null first item lets the user go back to "any". */
    private static List<String> withAny(List<String> values) {
        List<String> out = new ArrayList<>();
        out.add(null);
        out.addAll(values);
        return out;
    }

    private static VBox labelled(String key, javafx.scene.Node field) {
        Label l = new Label(I18n.t(key));
        l.setLabelFor(field);
        return new VBox(2, l, field);
    }

    private static TableColumn<AuditService.Entry, String> column(String key,
            java.util.function.Function<AuditService.Entry, Object> value, double width) {
        TableColumn<AuditService.Entry, String> c = new TableColumn<>(I18n.t(key));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(Objects.toString(value.apply(cd.getValue()), "")));
        c.setPrefWidth(width);
        return c;
    }
}
