package org.haven.gui.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.haven.gui.toolkit.Dialogs;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseDetails;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.Outcome;
import org.haven.core.timeline.CaseEvent;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A case's timeline in the case view ({@link CaseView}): its entries newest first under month (or
 * year) headings, each with its icon, date, note and who recorded it; an entry made by hand can be
 * edited or deleted there (deleting asks first, and Enter does not delete).
 */
final class CaseTimeline {
    private final CaseWindow window;
    private final CaseViewModel model;
    private final Runnable changed;

    /** {@code changed} runs after an entry was edited. */
    CaseTimeline(CaseWindow window, CaseViewModel model, Runnable changed) {
        this.window = window;
        this.model = model;
        this.changed = changed;
    }

    /** The timeline of the case {@code d}, newest first, in a scroll pane. */
    Node view(CaseDetails d) {
        VBox list = new VBox();
        list.setId("timeline");
        list.getStyleClass().add("timeline");
        List<CaseEvent> newestFirst = new ArrayList<>(d.events());
        java.util.Collections.reverse(newestFirst);
        String group = null;
        for (CaseEvent e : newestFirst) {
            String g = groupOf(e);
            if (!g.equals(group)) {
                Label header = new Label(g);
                header.getStyleClass().add("timeline-month");
                list.getChildren().add(header);
                group = g;
            }
            list.getChildren().add(eventRow(e));
        }
        if (newestFirst.isEmpty()) list.getChildren().add(new Label(I18n.t("timeline.empty")));
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /** Month heading; an event known only by its year goes under the year, not under January. */
    private static String groupOf(CaseEvent e) {
        if (e.precision() == DatePrecision.YEAR) return I18n.t("timeline.yearOnly", Integer.toString(e.date().getYear()));
        return org.haven.gui.toolkit.Dates.month(e.date());
    }

    static String eventDate(CaseEvent e) {
        return e.precision().format(e.date(), I18n.locale(), I18n.t("timeline.about"));
    }

    private Node eventRow(CaseEvent e) {
        StackPane dot = new StackPane(EventStyle.icon(e.type()));
        dot.getStyleClass().add("timeline-dot");
        dot.setStyle("-fx-background-color: " + EventStyle.color(e.type()) + ";");
        Label type = new Label(I18n.label(e.type()));
        type.getStyleClass().add("timeline-type");
        Label date = new Label(eventDate(e));
        date.getStyleClass().add("timeline-date");
        if (e.precision() != DatePrecision.DAY) date.getStyleClass().add("timeline-date-vague");
        HBox top = new HBox(10, type, date);
        top.setAlignment(Pos.BASELINE_LEFT);
        VBox body = new VBox(3, top);
        if (e.note() != null) {
            Label note = new org.haven.gui.toolkit.WrappingLabel(e.type() == EventType.STATUS_CHANGE ? statusChangeText(e.note()) : e.note());
            note.setWrapText(true);
            note.getStyleClass().add("timeline-note");
            body.getChildren().add(note);
        }
        Label who = new Label(I18n.t("timeline.recordedBy", e.recordedByName() == null ? "?" : e.recordedByName()));
        who.getStyleClass().add("timeline-who");
        body.getChildren().add(who);
        HBox.setHgrow(body, Priority.ALWAYS);
        HBox row = new HBox(12, dot, body);
        row.getStyleClass().add("timeline-event");
        row.setUserData(e);
        if (e.type().isManual()) {
            Button edit = new Button(null, new FontIcon("mdi2p-pencil-outline"));
            edit.getStyleClass().addAll("flat", "button-icon");
            edit.setTooltip(new Tooltip(I18n.t("timeline.edit")));
            edit.setOnAction(x -> EventDialog.edit(window, e, changed));
            Button delete = new Button(null, new FontIcon("mdi2d-delete-outline"));
            delete.getStyleClass().addAll("flat", "button-icon", "danger");
            delete.setTooltip(new Tooltip(I18n.t("timeline.delete")));
            delete.setOnAction(x -> deleteEvent(e));
            edit.getStyleClass().add("timeline-edit");
            delete.getStyleClass().add("timeline-delete");
            row.getChildren().addAll(edit, delete);
        }
        return row;
    }

    private static final Pattern STATUS_NOTE =
            Pattern.compile("([A-Z_]+) -> ([A-Z_]+)(?: \\(([A-Z_]+)\\))?(?:: (.*))?", Pattern.DOTALL);

    /** The workflow writes "FROM -> TO (OUTCOME): reason"; show it with the labels of the user's language. */
    static String statusChangeText(String note) {
        Matcher m = STATUS_NOTE.matcher(note);
        if (!m.matches()) return note;
        try {
            String text = I18n.label(CaseStatus.valueOf(m.group(1))) + "  \u2192  " + I18n.label(CaseStatus.valueOf(m.group(2)));
            if (m.group(3) != null) text += " (" + I18n.label(Outcome.valueOf(m.group(3))) + ")";
            if (m.group(4) != null) text += ": " + m.group(4);
            return text;
        } catch (IllegalArgumentException unknown) {
            return note;
        }
    }

    private void deleteEvent(CaseEvent e) {
        Alert confirm = Dialogs.alert(window.stage(), Alert.AlertType.CONFIRMATION, I18n.t("timeline.deleteConfirm", I18n.label(e.type()), eventDate(e)),
                ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText(null);
        confirm.setTitle(I18n.t("timeline.delete"));
        // Deleting cannot be undone: Enter must not do it, only a click on the delete button.
        Button deleteButton = (Button) confirm.getDialogPane().lookupButton(ButtonType.OK);
        deleteButton.setText(I18n.t("timeline.deleteButton"));
        deleteButton.setId("eventDeleteConfirm");
        deleteButton.setDefaultButton(false);
        Button cancelButton = (Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancelButton.setText(I18n.t("form.cancel"));
        cancelButton.setId("eventDeleteCancel");
        cancelButton.setDefaultButton(true);
        confirm.setOnShown(x -> cancelButton.requestFocus());
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.deleteEvent(e));
    }
}
