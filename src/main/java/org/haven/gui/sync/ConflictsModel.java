package org.haven.gui.sync;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Worker;
import org.haven.core.sync.Conflicts;

/**
 * The Conflicts page without its controls: the open sync conflicts at the office, a line that says
 * what happened, whether work runs, the last error, and a coordinator's choice of one value. The
 * choice goes through the same {@link Conflicts} service as `haven conflicts resolve`, which checks
 * the role and writes the audit entry. {@link ConflictsPage} lays it out; {@code ConflictsModelTest}
 * drives it on a real PostgreSQL office database.
 */
public final class ConflictsModel {
    private final Conflicts conflicts;
    private final Worker worker;
    private final ObservableList<Conflicts.Open> open = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Throwable> error = new ReadOnlyObjectWrapper<>();

    public ConflictsModel(Conflicts conflicts, Worker worker) {
        this.conflicts = conflicts;
        this.worker = worker;
    }

    /** The open conflicts, oldest first. */
    public ObservableList<Conflicts.Open> open() {
        return open;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void load() {
        load(null);
    }

    private void load(String done) {
        busy.set(true);
        worker.run(conflicts::open, list -> {
            busy.set(false);
            open.setAll(list);
            String count = list.isEmpty() ? I18n.t("conflicts.none") : I18n.t("conflicts.count", list.size());
            message.set(done == null ? count : done + "  " + count);
        }, this::fail);
    }

    /** Keeps one value of an open conflict; every device gets it at its next sync. */
    public void resolve(Conflicts.Open conflict, Conflicts.Keep keep) {
        if (conflict == null || busy.get()) return;
        busy.set(true);
        worker.run(() -> conflicts.resolve(conflict.id(), keep), seq -> load(I18n.t("conflicts.resolved", conflict.caseNumber(),
                fieldLabel(conflict.field()), keep == Conflicts.Keep.LAPTOP ? I18n.t("conflicts.laptop") : I18n.t("conflicts.office"))), e -> {
            fail(e);
            load(); // someone else may have resolved it meanwhile: show what is open now
        });
    }

    /**
     * The label a synced field has in the person form or the case page ("document_number" ->
     * "Document number", "legal_role" -> "Legal role"), or the field's own name.
     */
    public static String fieldLabel(String field) {
        if (field == null) return "";
        // a case's trafficking details carry the labels of their tab
        switch (field) {
            case "country_of_exploitation" -> { return I18n.t("htcds.country"); }
            case "recruiter_relations" -> { return I18n.t("htcds.recruiter"); }
            case "methods_of_control" -> { return I18n.t("htcds.control"); }
            default -> { }
        }
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char ch : field.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        for (String key : new String[] {"person." + camel, "case." + camel}) {
            if (I18n.bundle().containsKey(key)) return I18n.t(key);
        }
        return field;
    }

    /** A value as the page shows it: an empty one says so, so that "kept empty" is a visible choice. */
    public static String valueText(String value) {
        return value == null || value.isEmpty() ? I18n.t("conflicts.empty") : value;
    }

    private void fail(Throwable e) {
        busy.set(false);
        error.set(null); // the same failure twice is reported twice
        error.set(e);
    }
}
