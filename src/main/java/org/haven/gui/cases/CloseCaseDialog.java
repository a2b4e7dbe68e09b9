package org.haven.gui.cases;

import java.time.LocalDate;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.CaseWorkflow;
import org.haven.core.cases.Outcome;

/** Closing a case: an outcome (only those the workflow allows from the current status), a reason and a date. */
final class CloseCaseDialog {
    record Answer(Outcome outcome, String reason, LocalDate date) {}

    private CloseCaseDialog() {}

    static Optional<Answer> ask(Window owner, CaseStatus from) {
        Dialog<Answer> dialog = new Dialog<>();
        org.haven.gui.toolkit.Dialogs.prepare(dialog, owner);
        dialog.setTitle(I18n.t("close.title"));
        dialog.setHeaderText(I18n.t("close.header"));
        ButtonType closeType = new ButtonType(I18n.t("close.button"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(closeType, new ButtonType(I18n.t("form.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        ComboBox<Outcome> outcome = new ComboBox<>();
        outcome.setId("closeOutcome");
        outcome.getItems().setAll(CaseWorkflow.allowedOutcomes(from));
        FormParts.setLabels(outcome, o -> o == null ? "" : I18n.label(o));
        outcome.setMaxWidth(Double.MAX_VALUE);
        TextArea reason = new TextArea();
        reason.setId("closeReason");
        reason.setPrefRowCount(3);
        org.haven.gui.toolkit.ComplexScriptText.guard(reason);
        DatePicker date = org.haven.gui.toolkit.Dates.picker(LocalDate.now());
        date.setId("closeDate");
        date.setMaxWidth(Double.MAX_VALUE);
        GridPane grid = FormParts.dialogGrid();
        grid.addRow(0, FormParts.formLabel(I18n.t("close.outcome")), outcome);
        grid.addRow(1, FormParts.formLabel(I18n.t("close.reason")), reason);
        grid.addRow(2, FormParts.formLabel(I18n.t("close.date")), date);
        FormParts.setDialogForm(dialog, grid);
        Button ok = (Button) dialog.getDialogPane().lookupButton(closeType);
        ok.setId("closeConfirm");
        ok.getStyleClass().add("danger");
        ok.disableProperty().bind(outcome.valueProperty().isNull().or(reason.textProperty().isEmpty())
                .or(date.valueProperty().isNull()));
        dialog.getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.S,
                    javafx.scene.input.KeyCombination.SHORTCUT_DOWN).match(e)) {
                e.consume();
                if (!ok.isDisabled()) ok.fire();
            }
        });
        dialog.setResultConverter(b -> b == closeType ? new Answer(outcome.getValue(), reason.getText().strip(), date.getValue()) : null);
        return dialog.showAndWait();
    }
}
