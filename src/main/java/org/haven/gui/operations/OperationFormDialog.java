package org.haven.gui.operations;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.haven.core.Haven;
import org.haven.gui.toolkit.DiscardGuard;
import org.haven.gui.toolkit.ErrorDialog;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.common.ValidationErrors;
import org.haven.core.operations.Operation;
import org.haven.core.operations.OperationService;

/**
 * Creates or edits an operation. Fields are checked as the user types (same rules as the
 * service); Save stays disabled until the form is valid and the dialog closes only once the
 * operation is saved (in the background), returning it.
 */
public final class OperationFormDialog extends Dialog<Operation> {
    private final Haven haven;
    private final Operation existing;
    private final TextField code = new TextField();
    private final TextField name = new TextField();
    private final DatePicker date = org.haven.gui.toolkit.Dates.picker();
    private final TextField province = new TextField();
    private final TextField place = new TextField();
    private final TextField agencies = new TextField();
    private final TextField peopleFound = new TextField();
    private final TextArea notes = new TextArea();
    private final Map<String, Label> errors = new HashMap<>();
    private final ButtonType saveType = new ButtonType(I18n.t("operation.save"), ButtonBar.ButtonData.OK_DONE);
    private boolean numberInvalid;

    /** {@code existing} null: a new operation (with a suggested code). */
    public OperationFormDialog(Haven haven, Operation existing) {
        this.haven = haven;
        this.existing = existing;
        setTitle(existing == null ? I18n.t("operation.dialog.new") : I18n.t("operation.dialog.edit", existing.code()));
        org.haven.gui.toolkit.Dialogs.prepare(this, (javafx.stage.Window) null); // owned by the window that opened it, centred on it
        getDialogPane().getButtonTypes().addAll(saveType, new ButtonType(I18n.t("operation.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().setContent(form());
        getDialogPane().setPrefWidth(560);
        Button save = (Button) getDialogPane().lookupButton(saveType);
        save.setId("operationSave");
        save.getStyleClass().add(Styles.ACCENT);
        // Saving runs in the background: keep the dialog open until it succeeds.
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            save(save);
        });
        setResultConverter(b -> null);
        if (existing == null) {
            date.setValue(LocalDate.now());
            FxTasks.run(() -> haven.operations().nextCode(LocalDate.now()), c -> {
                if (code.getText().isBlank()) code.setText(c);
            });
        } else {
            code.setText(existing.code());
            name.setText(existing.name());
            date.setValue(existing.date());
            province.setText(nz(existing.province()));
            place.setText(nz(existing.place()));
            agencies.setText(nz(existing.agencies()));
            peopleFound.setText(existing.peopleFound() == null ? "" : existing.peopleFound().toString());
            notes.setText(nz(existing.notes()));
        }
        for (TextInputControl f : new TextInputControl[] {code, name, province, place, agencies, peopleFound, notes}) {
            f.textProperty().addListener((o, a, b) -> validate());
        }
        date.valueProperty().addListener((o, a, b) -> validate());
        validate();
        // Ctrl+S saves, as in every other form.
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                e.consume();
                if (!save.isDisabled()) save(save);
            }
        });
        if (existing != null && existing.peopleFound() == null) {
            // Not recorded yet: show how many people are registered under it, as a suggestion.
            FxTasks.run(() -> haven.cases().operationSummary(existing.id()).cases(), n -> {
                peopleFound.setPromptText(I18n.t("operation.peopleFound.registered", n));
            });
        }
        List<Object> asOpened = snapshot();
        DiscardGuard.install(this, () -> !snapshot().equals(asOpened), java.util.Objects::nonNull);
    }

    /** What the user can change, to tell whether closing would lose input (the suggested code is not input). */
    private List<Object> snapshot() {
        return java.util.Arrays.asList(name.getText(), date.getValue(), province.getText(), place.getText(),
                agencies.getText(), peopleFound.getText(), notes.getText());
    }

    private Node form() {
        code.setId("operationCode");
        name.setId("operationName");
        date.setId("operationDate");
        province.setId("operationProvince");
        place.setId("operationPlace");
        agencies.setId("operationAgencies");
        peopleFound.setId("operationPeopleFound");
        notes.setId("operationNotes");
        notes.setPrefRowCount(3);
        org.haven.gui.toolkit.ComplexScriptText.guard(notes);
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(140);
        g.getColumnConstraints().add(labels);
        int r = 0;
        row(g, r++, "operation.field.code", code, "code");
        row(g, r++, "operation.field.name", name, "name");
        row(g, r++, "operation.field.date", date, "date");
        row(g, r++, "operation.field.province", province, null);
        row(g, r++, "operation.field.place", place, null);
        row(g, r++, "operation.field.agencies", agencies, null);
        row(g, r++, "operation.field.peopleFound", peopleFound, "peopleFound");
        row(g, r, "operation.field.notes", notes, null);
        return g;
    }

    private void row(GridPane g, int r, String key, Node field, String errorField) {
        Label label = new Label(I18n.t(key));
        label.setLabelFor(field);
        g.add(label, 0, r);
        if (errorField == null) {
            g.add(field, 1, r);
            return;
        }
        Label error = new Label();
        error.setId("error-" + errorField);
        error.getStyleClass().add(Styles.DANGER);
        errors.put(errorField, error);
        g.add(new VBox(2, field, error), 1, r);
    }

    private Operation draft() {
        Integer found = null;
        numberInvalid = false;
        String n = peopleFound.getText().strip();
        if (!n.isEmpty()) {
            try {
                found = Integer.valueOf(n);
            } catch (NumberFormatException e) {
                numberInvalid = true;
            }
        }
        return new Operation(existing == null ? null : existing.id(), code.getText(), name.getText(), date.getValue(),
                blankToNull(province.getText()), blankToNull(place.getText()), blankToNull(agencies.getText()), found,
                blankToNull(notes.getText()), existing == null ? 0 : existing.version());
    }

    /** Shows each field's problem under it; returns whether the form can be saved. */
    private boolean validate() {
        Operation d = draft();
        ValidationErrors found = OperationService.check(d);
        errors.forEach((field, label) -> {
            String message = found.get(field);
            String text = "";
            if (field.equals("peopleFound") && numberInvalid) text = I18n.t("operation.error.number");
            else if (message != null) text = I18n.t(errorKey(field, message));
            label.setText(text);
            label.setVisible(!text.isEmpty());
            label.setManaged(!text.isEmpty());
        });
        boolean ok = found.isEmpty() && !numberInvalid;
        Node save = getDialogPane().lookupButton(saveType);
        if (save != null) save.setDisable(!ok);
        return ok;
    }

    private static String errorKey(String field, String message) {
        if (message.equals(org.haven.core.common.PlainText.CONTROL_CHARACTERS)) return "validation.contains_control_or_hidden_formatting_characters";
        if (message.equals(org.haven.core.common.PlainText.ONLY_INVISIBLE)) return "validation.contains_only_invisible_characters";
        if (message.startsWith("required")) return "operation.error.required";
        if (message.startsWith("at most")) return "operation.error.tooLong";
        if (message.startsWith("cannot be in the future")) return "operation.error.future";
        return "operation.error.number";
    }

    private void save(Button button) {
        if (!validate()) return;
        Operation d = draft();
        button.setDisable(true);
        FxTasks.run(() -> existing == null ? haven.operations().create(d) : haven.operations().update(d), saved -> {
            setResult(saved);
            close();
        }, error -> {
            button.setDisable(false);
            ErrorDialog.show(error);
        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
