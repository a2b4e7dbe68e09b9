package org.haven.gui.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.haven.gui.toolkit.DiscardGuard;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.gui.toolkit.Theme;
import org.haven.gui.toolkit.ValidationText;
import org.haven.core.cases.CaseFile;
import org.haven.core.common.HavenException;
import org.haven.core.operations.Operation;
import org.haven.core.people.Countries;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.PersonValidator;
import org.haven.core.people.Sex;

/**
 * The person form: a new case (Ctrl+N) or editing the person of a case. Its state, rules and
 * errors are {@link PersonFormModel}'s; this class lays the fields out, binds them to the model and
 * shows its errors inline (ControlsFX decoration and a line under the field). Save stays disabled
 * while any remain. A failed save keeps the input.
 */
public final class PersonFormDialog {
    private final CaseWindow window;
    private final Person original; // null for a new case
    private final UUID caseId;      // null for a new case
    private final LocalDate openedOn;
    private final Dialog<Boolean> dialog = new Dialog<>();
    private final ValidationSupport support = new ValidationSupport();
    private final Map<String, Label> errorLabels = new HashMap<>();
    private final Map<String, Control> controls = new HashMap<>();
    private final PersonFormModel model;

    final TextField nameNative = new TextField();
    final TextField nameLatin = new TextField();
    final TextField aliases = new TextField();
    final ComboBox<Sex> sex = new ComboBox<>();
    final DatePicker birthDate = org.haven.gui.toolkit.Dates.picker();
    final TextField estimatedAge = new TextField();
    final TextField nationality = new TextField();
    final TextField languages = new TextField();
    final CheckBox interpreter = new CheckBox(I18n.t("person.interpreterNeeded"));
    final ComboBox<DocumentStatus> documentStatus = new ComboBox<>();
    final TextField documentNumber = new TextField();
    final TextField familyContact = new TextField();
    final TextArea notes = new TextArea();
    final DatePicker identifiedOn = org.haven.gui.toolkit.Dates.picker(LocalDate.now());
    final ComboBox<Operation> operation = new ComboBox<>();
    private final Label formError = new org.haven.gui.toolkit.WrappingLabel();
    private final Button save;

    /** Opens the form for a new person and case. */
    public static void newCase(CaseWindow window) {
        new PersonFormDialog(window, null, null, null).show();
    }

    /** Opens the form on the person of a case; {@code onSaved} runs after a successful save. */
    public static void edit(CaseWindow window, UUID caseId, Person person, LocalDate openedOn, Runnable onSaved) {
        PersonFormDialog form = new PersonFormDialog(window, caseId, person, openedOn);
        form.dialog.setOnHidden(e -> {
            if (Boolean.TRUE.equals(form.dialog.getResult())) onSaved.run();
        });
        form.show();
    }

    private PersonFormDialog(CaseWindow window, UUID caseId, Person original, LocalDate openedOn) {
        this.window = window;
        this.caseId = caseId;
        this.original = original;
        this.openedOn = openedOn;
        this.model = new PersonFormModel(original, openedOn, LocalDate::now);
        org.haven.gui.toolkit.Dialogs.prepare(dialog, window.stage());
        dialog.setTitle(I18n.t(original == null ? "person.form.newTitle" : "person.form.editTitle"));
        dialog.setHeaderText(null);
        dialog.setResizable(true);
        ButtonType saveType = new ButtonType(I18n.t("form.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(I18n.t("form.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(saveType, cancelType);
        save = (Button) dialog.getDialogPane().lookupButton(saveType);
        save.setId("personSave");
        save.getStyleClass().add("accent");
        ((Button) dialog.getDialogPane().lookupButton(cancelType)).setId("personCancel");
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only when the save succeeded
            submit();
        });
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                e.consume();
                submit();
            }
        });
        dialog.setResultConverter(b -> Boolean.FALSE);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefSize(900, 700);
        dialog.getDialogPane().setMinSize(880, 560);
        dialog.getDialogPane().getStyleClass().add("person-form");
        Theme.style(dialog.getDialogPane().getScene());
        bind();
        loadOperations();
        wireValidation();
        DiscardGuard.install(dialog, model::hasChanges, Boolean.TRUE::equals);
    }

    private void show() {
        dialog.show();
        nameLatin.requestFocus();
    }

    private Node content() {
        setIds();
        sex.getItems().setAll(Sex.values());
        FormParts.setLabels(sex, s -> s == null ? "" : I18n.label(s));
        documentStatus.getItems().setAll(DocumentStatus.values());
        FormParts.setLabels(documentStatus, s -> s == null ? "" : I18n.label(s));
        FormParts.setLabels(operation, op -> op == null ? I18n.t("person.noOperation") : op.code() + "  " + op.name());
        operation.getItems().setAll((Operation) null);
        Set<String> countryWords = new LinkedHashSet<>(Countries.all().values());
        TextFields.bindAutoCompletion(nationality, countryWords);
        nationality.setPromptText(I18n.t("person.nationality.prompt"));
        estimatedAge.setPromptText(I18n.t("person.estimatedAge.prompt"));
        birthDate.setPromptText(org.haven.gui.toolkit.Dates.promptText() + " (" + I18n.t("person.birthDate.prompt") + ")");
        documentNumber.setPromptText(I18n.t("person.documentNumber.prompt"));
        notes.setPrefRowCount(3);
        org.haven.gui.toolkit.ComplexScriptText.guard(notes);
        for (Control c : List.of(sex, birthDate, documentStatus, identifiedOn, operation)) c.setMaxWidth(Double.MAX_VALUE);

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(4);
        grid.getColumnConstraints().addAll(labelColumn(), fieldColumn(), labelColumn(), fieldColumn());
        int row = 0;
        row = section(grid, row, "person.section.identity");
        row = pair(grid, row, "nameLatin", "person.nameLatin", true, nameLatin, "nameNative", "person.nameNative", false, nameNative);
        row = pair(grid, row, "aliases", "person.aliases", false, aliases, "sex", "person.sex", true, sex);
        row = pair(grid, row, "birthDate", "person.birthDate", false, birthDate, "estimatedAge", "person.estimatedAge", false, estimatedAge);
        row = pair(grid, row, "nationality", "person.nationality", false, nationality, "languages", "person.languages", false, languages);
        grid.add(interpreter, 1, row++);
        row = section(grid, row, "person.section.document");
        row = pair(grid, row, "documentStatus", "person.documentStatus", true, documentStatus, "documentNumber", "person.documentNumber", false, documentNumber);
        row = section(grid, row, "person.section.contact");
        row = pair(grid, row, "familyContact", "person.familyContact", false, familyContact, null, null, false, null);
        grid.add(fieldLabel("person.notes", false), 0, row);
        grid.add(fieldBox("notes", notes), 1, row++, 3, 1);
        row = section(grid, row, "person.section.case");
        pair(grid, row, "identifiedOn", "person.identifiedOn", true, identifiedOn, "operation", "person.operation", false, operation);
        if (original != null) {
            identifiedOn.setValue(openedOn);
            identifiedOn.setDisable(true);
            operation.setDisable(true);
        }

        formError.setId("formError");
        formError.getStyleClass().add("form-banner");
        formError.setWrapText(true);
        formError.setVisible(false);
        formError.managedProperty().bind(formError.visibleProperty());
        VBox box = new VBox(10, formError, grid);
        box.setPadding(new Insets(8, 18, 8, 14));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private void setIds() {
        nameNative.setId("personNameNative");
        nameLatin.setId("personNameLatin");
        aliases.setId("personAliases");
        sex.setId("personSex");
        birthDate.setId("personBirthDate");
        estimatedAge.setId("personEstimatedAge");
        nationality.setId("personNationality");
        languages.setId("personLanguages");
        interpreter.setId("personInterpreter");
        documentStatus.setId("personDocumentStatus");
        documentNumber.setId("personDocumentNumber");
        familyContact.setId("personFamilyContact");
        notes.setId("personNotes");
        identifiedOn.setId("personIdentifiedOn");
        operation.setId("personOperation");
    }

    /** Each field shows and edits its property of the model. */
    private void bind() {
        // The pickers first get the model's dates as values, so that their own formatting writes the same text.
        birthDate.setValue(org.haven.gui.toolkit.Dates.parse(model.birthDate.get()));
        if (original == null) identifiedOn.setValue(org.haven.gui.toolkit.Dates.parse(model.identifiedOn.get()));
        nameNative.textProperty().bindBidirectional(model.nameNative);
        nameLatin.textProperty().bindBidirectional(model.nameLatin);
        aliases.textProperty().bindBidirectional(model.aliases);
        sex.valueProperty().bindBidirectional(model.sex);
        birthDate.getEditor().textProperty().bindBidirectional(model.birthDate);
        estimatedAge.textProperty().bindBidirectional(model.estimatedAge);
        nationality.textProperty().bindBidirectional(model.nationality);
        languages.textProperty().bindBidirectional(model.languages);
        interpreter.selectedProperty().bindBidirectional(model.interpreterNeeded);
        documentStatus.valueProperty().bindBidirectional(model.documentStatus);
        documentNumber.textProperty().bindBidirectional(model.documentNumber);
        familyContact.textProperty().bindBidirectional(model.familyContact);
        notes.textProperty().bindBidirectional(model.notes);
        identifiedOn.getEditor().textProperty().bindBidirectional(model.identifiedOn);
        operation.valueProperty().bindBidirectional(model.operation);
    }

    private void loadOperations() {
        if (original != null) return;
        FxTasks.run(() -> window.haven().operations().listForRegistration(), ops -> {
            List<Operation> items = new ArrayList<>();
            items.add(null);
            items.addAll(ops.stream().sorted((a, b) -> b.date().compareTo(a.date())).toList());
            operation.getItems().setAll(items);
        });
    }

    /** The model asks PersonValidator on every change; ValidationSupport and the lines under the fields only show its answer. */
    private void wireValidation() {
        support.setErrorDecorationEnabled(true);
        for (Map.Entry<String, Control> e : controls.entrySet()) {
            String field = e.getKey();
            Control control = e.getValue();
            support.registerValidator(control, false, (Control c, Object value) -> {
                String message = model.errors().get().get(field);
                return ValidationResult.fromErrorIf(c, message == null ? "" : ValidationText.of(model.errors().get(), field), message != null);
            });
        }
        // No Latin name typed: the prompt shows the spelling Haven will derive from the native name.
        nameLatin.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String derived = model.derivedLatin();
            return derived.isEmpty() ? "" : I18n.t("person.nameLatin.derivedPrompt", derived);
        }, model.nameNative));
        model.errors().addListener((o, was, now) -> showErrors());
        save.disableProperty().bind(model.canSave().not());
        showErrors();
    }

    private void showErrors() {
        errorLabels.forEach((field, label) -> {
            String message = model.visibleError(field);
            label.setText(message == null ? "" : ValidationText.of(model.errors().get(), field));
        });
        support.revalidate();
    }

    private void submit() {
        boolean go = model.beginSave();
        showErrors();
        if (!go) return;
        formError.setVisible(false);
        if (original == null) {
            window.newCaseGate().submit(dialog.getDialogPane().getScene().getWindow(), window.haven(), model.newCaseRequest(),
                    this::done, this::failed, model::saveCalledOff);
        } else {
            Person person = model.person();
            FxTasks.run(() -> window.haven().cases().updatePerson(caseId, person), saved -> done(null), this::failed);
        }
    }

    private void done(CaseFile saved) {
        model.saved();
        dialog.setResult(Boolean.TRUE);
        dialog.close();
        if (original == null) {
            window.caseList().refresh(); // an edit reloads through onSaved
            // Say it was saved, with a way to it, even when the list's filter hides the new case.
            if (saved != null) CaseCreatedBanner.show(window, saved);
        }
    }

    /** The save was refused: say why, keep every typed value, let the user try again. */
    private void failed(Throwable error) {
        model.refused(error);
        showErrors();
        formError.setText(error instanceof HavenException ? FxTasks.userMessage(error)
                : I18n.t("person.form.saveFailed", FxTasks.userMessage(error)));
        formError.setVisible(true);
    }

    private int section(GridPane grid, int row, String key) {
        Label title = new Label(I18n.t(key));
        title.getStyleClass().add("form-section");
        grid.add(title, 0, row, 4, 1);
        return row + 1;
    }

    private int pair(GridPane grid, int row, String f1, String k1, boolean req1, Control c1,
                     String f2, String k2, boolean req2, Control c2) {
        grid.add(fieldLabel(k1, req1), 0, row);
        grid.add(fieldBox(f1, c1), 1, row);
        if (c2 != null) {
            grid.add(fieldLabel(k2, req2), 2, row);
            grid.add(fieldBox(f2, c2), 3, row);
        }
        return row + 1;
    }

    private Node fieldLabel(String key, boolean required) {
        Label l = new Label(I18n.t(key) + (required ? " *" : ""));
        l.getStyleClass().add("form-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }

    private Node fieldBox(String field, Control control) {
        Label error = new org.haven.gui.toolkit.WrappingLabel();
        error.setId("error-" + field);
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        errorLabels.put(field, error);
        controls.put(field, control);
        control.focusedProperty().addListener((o, was, now) -> {
            if (was && !now) {
                model.touch(field);
                showErrors();
            }
        });
        VBox box = new VBox(2, control, error);
        box.setFillWidth(true);
        GridPane.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static ColumnConstraints labelColumn() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.NEVER);
        return c;
    }

    private static ColumnConstraints fieldColumn() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setMinWidth(180);
        return c;
    }
}
