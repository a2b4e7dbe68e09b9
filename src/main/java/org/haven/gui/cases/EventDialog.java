package org.haven.gui.cases;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import org.haven.gui.toolkit.DiscardGuard;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.ValidationText;
import org.haven.core.common.ValidationErrors;
import org.haven.core.timeline.CaseEvent;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;
import org.haven.core.timeline.EventValidator;

/** Add or edit a timeline event: type, date, how exactly the date is known, note. */
final class EventDialog {
    private final CaseWindow window;
    private final UUID caseId;
    private final CaseEvent original;
    private final Runnable onSaved;
    private final Dialog<Boolean> dialog = new Dialog<>();
    private final ComboBox<EventType> type = new ComboBox<>();
    private final DatePicker date = org.haven.gui.toolkit.Dates.picker(LocalDate.now());
    private final ComboBox<DatePrecision> precision = new ComboBox<>();
    private final TextArea note = new TextArea();
    private final Label error = new org.haven.gui.toolkit.WrappingLabel();
    private final Button save;

    static void add(CaseWindow window, UUID caseId, Runnable onSaved) {
        new EventDialog(window, caseId, null, onSaved).dialog.show();
    }

    static void edit(CaseWindow window, CaseEvent event, Runnable onSaved) {
        new EventDialog(window, event.caseId(), event, onSaved).dialog.show();
    }

    private EventDialog(CaseWindow window, UUID caseId, CaseEvent original, Runnable onSaved) {
        this.window = window;
        this.caseId = caseId;
        this.original = original;
        this.onSaved = onSaved;
        org.haven.gui.toolkit.Dialogs.prepare(dialog, window.stage());
        dialog.setTitle(I18n.t(original == null ? "event.addTitle" : "event.editTitle"));
        dialog.setHeaderText(null);
        ButtonType saveType = new ButtonType(I18n.t("form.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(I18n.t("form.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(saveType, cancelType);
        save = (Button) dialog.getDialogPane().lookupButton(saveType);
        save.setId("eventSave");
        save.getStyleClass().add("accent");
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            submit();
        });
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                e.consume();
                if (!save.isDisabled()) submit();
            }
        });
        dialog.setResultConverter(b -> Boolean.FALSE);

        type.setId("eventType");
        date.setId("eventDate");
        precision.setId("eventPrecision");
        note.setId("eventNote");
        error.setId("eventError");
        type.getItems().setAll(Arrays.stream(EventType.values()).filter(EventType::isManual).toList());
        FormParts.setLabels(type, t -> t == null ? "" : I18n.label(t));
        precision.getItems().setAll(DatePrecision.values());
        FormParts.setLabels(precision, p -> p == null ? "" : I18n.label(p));
        precision.setValue(DatePrecision.DAY);
        note.setPrefRowCount(4);
        org.haven.gui.toolkit.ComplexScriptText.guard(note);
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        type.setMaxWidth(Double.MAX_VALUE);
        precision.setMaxWidth(Double.MAX_VALUE);
        date.setMaxWidth(Double.MAX_VALUE);
        if (original != null) {
            type.setValue(original.type());
            date.setValue(original.date());
            precision.setValue(original.precision());
            note.setText(original.note());
        }
        GridPane grid = FormParts.dialogGrid();
        grid.addRow(0, FormParts.formLabel(I18n.t("event.type")), type);
        grid.addRow(1, FormParts.formLabel(I18n.t("event.date")), date);
        grid.addRow(2, FormParts.formLabel(I18n.t("event.precision")), precision);
        grid.addRow(3, FormParts.formLabel(I18n.t("event.note")), note);
        grid.add(error, 1, 4);
        FormParts.setDialogForm(dialog, grid);
        type.valueProperty().addListener(o -> validateNow());
        date.valueProperty().addListener(o -> validateNow());
        date.getEditor().textProperty().addListener(o -> validateNow());
        precision.valueProperty().addListener(o -> validateNow());
        note.textProperty().addListener(o -> validateNow());
        validateNow();
        // Taken once shown: the date picker writes its text only when its skin exists.
        dialog.addEventHandler(javafx.scene.control.DialogEvent.DIALOG_SHOWN, e -> asOpened = snapshot());
        DiscardGuard.install(dialog, () -> asOpened != null && !snapshot().equals(asOpened), Boolean.TRUE::equals);
    }

    private List<Object> asOpened;

    /** What the user can change, to tell whether closing would lose input. */
    private List<Object> snapshot() {
        return java.util.Arrays.asList(type.getValue(), date.getEditor().getText(), precision.getValue(), note.getText());
    }

    private LocalDate dateValue() {
        try {
            String text = date.getEditor().getText();
            return text == null || text.isBlank() ? null : date.getConverter().fromString(text.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private ValidationErrors validateNow() {
        ValidationErrors errors = EventValidator.validate(type.getValue(), dateValue(), precision.getValue(), note.getText(), LocalDate.now());
        // "required" on an untouched empty type is shown by the disabled Save only.
        String first = errors.asMap().entrySet().stream()
                .filter(e -> !(e.getKey().equals("type") && type.getValue() == null))
                .map(e -> I18n.t("event." + e.getKey()) + ": " + ValidationText.of(errors, e.getKey()))
                .findFirst().orElse("");
        error.setText(first);
        save.setDisable(!errors.isEmpty());
        return errors;
    }

    private void submit() {
        if (!validateNow().isEmpty()) return;
        EventType t = type.getValue();
        LocalDate d = dateValue();
        DatePrecision p = precision.getValue();
        String n = note.getText();
        save.setDisable(true);
        FxTasks.run(() -> original == null
                ? window.haven().timeline().add(caseId, t, d, p, n)
                : window.haven().timeline().update(new CaseEvent(original.id(), caseId, t, d, p, n,
                        original.recordedBy(), original.recordedByName(), original.version())), saved -> {
            dialog.setResult(Boolean.TRUE);
            dialog.close();
            onSaved.run();
        }, err -> {
            save.setDisable(false);
            error.setText(FxTasks.userMessage(err));
        });
    }
}
