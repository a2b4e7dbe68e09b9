package org.haven.gui.screening;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.haven.core.Haven;
import org.haven.gui.toolkit.DiscardGuard;
import org.haven.gui.toolkit.ErrorDialog;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.common.ValidationErrors;
import org.haven.core.screening.Answer;
import org.haven.core.screening.ConsentGiver;
import org.haven.core.screening.ConsentPurpose;
import org.haven.core.screening.Determination;
import org.haven.core.screening.DeterminationRule;
import org.haven.core.screening.Indicator;
import org.haven.core.screening.LabourExploitation;
import org.haven.core.screening.RecruitmentApp;
import org.haven.core.screening.RecruitmentMethod;
import org.haven.core.screening.Screening;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The screening interview of one case: the eleven ILO indicators (yes / no / unknown with a note),
 * interpreter and language, consent, recruitment and exploitation, and the determination. The
 * suggestion (from {@link DeterminationRule}) updates as answers change; the caseworker confirms it
 * or picks another determination with a reason. Saving records a new interview on the case. The
 * state and rules are {@link ScreeningFormModel}'s; this class lays the form out and binds to it.
 * Longer than 400 lines: layout only, eleven indicators and five sections of controls.
 */
public final class ScreeningForm extends BorderPane {
    private final Haven haven;
    private final UUID caseId;
    private final ScreeningFormModel model;

    private final DatePicker interviewDate = org.haven.gui.toolkit.Dates.picker(LocalDate.now());
    private final CheckBox interpreterUsed = new CheckBox(I18n.t("screening.interpreterUsed"));
    private final TextField language = new TextField();
    private final ComboBox<ConsentGiver> consentGivenBy = new ComboBox<>(FXCollections.observableArrayList(ConsentGiver.values()));
    private final DatePicker consentGivenOn = org.haven.gui.toolkit.Dates.picker(LocalDate.now());
    private final Map<ConsentPurpose, CheckBox> consents = new EnumMap<>(ConsentPurpose.class);
    private final Map<Indicator, ToggleGroup> answers = new EnumMap<>(Indicator.class);
    private final Map<Indicator, TextField> notes = new EnumMap<>(Indicator.class);
    private final CheckComboBox<RecruitmentMethod> methods = checks(RecruitmentMethod.values());
    private final CheckComboBox<RecruitmentApp> apps = checks(RecruitmentApp.values());
    private final CheckComboBox<LabourExploitation> exploitation = checks(LabourExploitation.values());
    private final Label suggestedLabel = new Label();
    private final ComboBox<Determination> determination = new ComboBox<>(FXCollections.observableArrayList(Determination.values()));
    private final TextArea overrideReason = new TextArea();
    private final VBox overrideBox = new VBox(4);
    private final Label previous = new Label(I18n.t("screening.loading"));
    private final Label status = new Label();
    private final Button save = new Button(I18n.t("screening.save"), new FontIcon("mdi2c-content-save"));
    private final GridPane indicatorGrid = new GridPane();
    private final Label noInterviewHint = new Label(I18n.t("screening.consent.noInterview"));
    private final Map<String, Label> errors = new java.util.HashMap<>();

    private VBox content;
    private final ScrollPane scroll;
    private Consumer<Screening> onSaved = s -> { };

    public ScreeningForm(Haven haven, UUID caseId) {
        this.haven = haven;
        this.caseId = caseId;
        this.model = new ScreeningFormModel(caseId, LocalDate::now);
        getStyleClass().add("screening-form");
        VBox content = new VBox(16,
                previous,
                section("screening.section.interview", interviewSection()),
                section("screening.section.consent", consentSection()),
                section("screening.section.indicators", indicatorSection()),
                section("screening.section.recruitment", recruitmentSection()),
                section("screening.section.determination", determinationSection()));
        content.setPadding(new Insets(16));
        this.content = content;
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        save.setId("save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> save());
        status.setId("status");
        HBox bar = new HBox(12, save, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        setBottom(bar);
        model.suggested().addListener((o, was, is) -> showSuggestion());
        showSuggestion();
        load();
        DiscardGuard.markUnsaved(this, this::hasUnsavedInput);
    }

    /** Called on the FX thread after a successful save (e.g. to refresh the case view). */
    public void setOnSaved(Consumer<Screening> onSaved) {
        this.onSaved = onSaved == null ? s -> { } : onSaved;
    }

    // --- layout

    private Node interviewSection() {
        interviewDate.setId("interviewDate");
        language.setId("language");
        language.setPromptText(I18n.t("screening.language.prompt"));
        interpreterUsed.setId("interpreterUsed");
        GridPane g = form();
        row(g, 0, "screening.interviewDate", interviewDate, "interviewDate");
        row(g, 1, "screening.language", language, "interviewLanguage");
        g.add(interpreterUsed, 1, 2);
        interviewDate.valueProperty().bindBidirectional(model.interviewDate);
        interpreterUsed.selectedProperty().bindBidirectional(model.interpreterUsed);
        language.textProperty().bindBidirectional(model.language);
        return g;
    }

    private Node consentSection() {
        consentGivenBy.setId("consentGivenBy");
        consentGivenBy.valueProperty().bindBidirectional(model.consentGivenBy);
        labelled(consentGivenBy);
        consentGivenOn.setId("consentGivenOn");
        consentGivenOn.valueProperty().bindBidirectional(model.consentGivenOn);
        GridPane g = form();
        row(g, 0, "screening.consent.givenBy", consentGivenBy, "consentGivenBy");
        row(g, 1, "screening.consent.givenOn", consentGivenOn, "consentGivenOn");
        VBox purposes = new VBox(6);
        for (ConsentPurpose p : ConsentPurpose.values()) {
            CheckBox box = new CheckBox(I18n.label(p));
            box.setId("consent-" + p.name());
            box.selectedProperty().bindBidirectional(model.consents.get(p));
            consents.put(p, box);
            purposes.getChildren().add(box);
        }
        g.add(purposes, 1, 2);
        return g;
    }

    private Node indicatorSection() {
        indicatorGrid.setHgap(12);
        indicatorGrid.setVgap(8);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(220);
        ColumnConstraints buttons = new ColumnConstraints();
        ColumnConstraints noteColumn = new ColumnConstraints();
        noteColumn.setHgrow(Priority.ALWAYS);
        indicatorGrid.getColumnConstraints().addAll(name, buttons, noteColumn);
        int r = 0;
        for (Indicator indicator : Indicator.values()) {
            Label label = new org.haven.gui.toolkit.WrappingLabel(I18n.label(indicator));
            label.setWrapText(true);
            Label strength = new Label(I18n.t(indicator.strength() == Indicator.Strength.STRONG
                    ? "screening.indicator.strong" : "screening.indicator.medium"));
            strength.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            ToggleGroup group = new ToggleGroup();
            HBox toggles = new HBox();
            Answer[] values = Answer.values();
            for (int i = 0; i < values.length; i++) {
                ToggleButton b = new ToggleButton(I18n.label(values[i]));
                b.setId("answer-" + indicator.name() + "-" + values[i].name());
                b.setUserData(values[i]);
                b.setToggleGroup(group);
                b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == values.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
                toggles.getChildren().add(b);
            }
            select(group, model.answers.get(indicator).get());
            // A pill group always has one answer: clicking the selected one again keeps it.
            group.selectedToggleProperty().addListener((o, was, is) -> {
                if (is == null && was != null) was.setSelected(true);
                else if (is != null) model.answers.get(indicator).set((Answer) is.getUserData());
            });
            model.answers.get(indicator).addListener((o, was, is) -> select(group, is));
            TextField note = new TextField();
            note.setId("note-" + indicator.name());
            note.setPromptText(I18n.t("screening.note.prompt"));
            note.textProperty().bindBidirectional(model.notes.get(indicator));
            answers.put(indicator, group);
            notes.put(indicator, note);
            indicatorGrid.add(new VBox(2, label, strength), 0, r);
            indicatorGrid.add(toggles, 1, r);
            indicatorGrid.add(note, 2, r);
            r++;
        }
        noInterviewHint.getStyleClass().add(Styles.WARNING);
        noInterviewHint.setId("noInterviewHint");
        indicatorGrid.disableProperty().bind(model.indicatorsOpen().not());
        noInterviewHint.visibleProperty().bind(model.indicatorsOpen().not());
        noInterviewHint.managedProperty().bind(model.indicatorsOpen().not());
        return new VBox(8, noInterviewHint, indicatorGrid);
    }

    private Node recruitmentSection() {
        methods.setId("recruitmentMethods");
        apps.setId("recruitmentApps");
        exploitation.setId("labourExploitation");
        bindChecks(methods, model.recruitmentMethods);
        bindChecks(apps, model.recruitmentApps);
        bindChecks(exploitation, model.labourExploitation);
        GridPane g = form();
        row(g, 0, "screening.recruitmentMethods", methods, null);
        row(g, 1, "screening.recruitmentApps", apps, null);
        row(g, 2, "screening.labourExploitation", exploitation, null);
        return g;
    }

    private Node determinationSection() {
        suggestedLabel.setId("suggested");
        suggestedLabel.getStyleClass().add(Styles.TITLE_4);
        Label help = new org.haven.gui.toolkit.WrappingLabel(I18n.t("screening.suggested.help"));
        help.setWrapText(true);
        help.getStyleClass().add(Styles.TEXT_MUTED);
        determination.setId("determination");
        labelled(determination);
        determination.valueProperty().bindBidirectional(model.determination);
        overrideBox.visibleProperty().bind(model.overridden());
        overrideBox.managedProperty().bind(model.overridden());
        overrideReason.setId("overrideReason");
        overrideReason.setPromptText(I18n.t("screening.overrideReason.prompt"));
        overrideReason.setPrefRowCount(3);
        overrideReason.textProperty().bindBidirectional(model.overrideReason);
        org.haven.gui.toolkit.ComplexScriptText.guard(overrideReason);
        overrideBox.getChildren().addAll(new Label(I18n.t("screening.overrideReason")), overrideReason, error("overrideReason"));
        GridPane g = form();
        row(g, 0, "screening.determination", determination, "determination");
        return new VBox(8, suggestedLabel, help, g, overrideBox);
    }

    private static VBox section(String titleKey, Node body) {
        Label title = new Label(I18n.t(titleKey));
        title.getStyleClass().add(Styles.TITLE_3);
        return new VBox(8, title, body);
    }

    private static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(220);
        g.getColumnConstraints().add(labels);
        return g;
    }

    private void row(GridPane g, int r, String labelKey, Node field, String errorField) {
        Label label = new Label(I18n.t(labelKey));
        label.setLabelFor(field);
        g.add(label, 0, r);
        g.add(errorField == null ? field : new VBox(2, field, error(errorField)), 1, r);
    }

    private Label error(String field) {
        Label l = errors.computeIfAbsent(field, f -> {
            Label e = new Label();
            e.setId("error-" + f);
            e.getStyleClass().add(Styles.DANGER);
            e.setManaged(false);
            e.setVisible(false);
            return e;
        });
        return l;
    }

    private static <E extends Enum<E>> CheckComboBox<E> checks(E[] values) {
        CheckComboBox<E> box = new CheckComboBox<>(FXCollections.observableArrayList(values));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return I18n.label(e);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        box.setMaxWidth(420);
        return box;
    }

    private static <E extends Enum<E>> void labelled(ComboBox<E> box) {
        box.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(E item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : I18n.label(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
    }

    // --- behaviour

    private void showSuggestion() {
        Determination suggested = model.suggested().get();
        suggestedLabel.setText(I18n.t("screening.suggested", I18n.label(suggested)));
        suggestedLabel.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
        suggestedLabel.getStyleClass().add(suggested == Determination.PRESUMED_VICTIM ? Styles.DANGER
                : suggested == Determination.NOT_A_VICTIM ? Styles.SUCCESS : Styles.WARNING);
    }

    /** The ticks of a check list and the model's set of choices follow each other. */
    private static <E extends Enum<E>> void bindChecks(CheckComboBox<E> box, ObservableSet<E> chosen) {
        chosen.forEach(e -> box.getCheckModel().check(e));
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<E>) c -> {
            Set<E> now = Set.copyOf(box.getCheckModel().getCheckedItems());
            chosen.retainAll(now);
            chosen.addAll(now);
        });
        chosen.addListener((SetChangeListener<E>) c -> {
            if (c.wasAdded() && !box.getCheckModel().isChecked(c.getElementAdded())) box.getCheckModel().check(c.getElementAdded());
            if (c.wasRemoved() && box.getCheckModel().isChecked(c.getElementRemoved())) box.getCheckModel().clearCheck(c.getElementRemoved());
        });
    }

    private void save() {
        status.setText("");
        Screening draft = model.draft();
        ValidationErrors found = model.errors();
        showErrors(found);
        if (!found.isEmpty()) return;
        save.setDisable(true);
        FxTasks.run(() -> haven.screening().save(draft), saved -> {
            save.setDisable(false);
            status.setText(I18n.t("screening.saved", I18n.label(saved.determination())));
            model.saved();
            showPrevious(Optional.of(saved));
            onSaved.accept(saved);
        }, error -> {
            save.setDisable(false);
            if (error instanceof ValidationErrors.InvalidInputException invalid) showErrors(invalid.errors());
            else ErrorDialog.show(error);
        });
    }

    private void showErrors(ValidationErrors found) {
        errors.forEach((field, label) -> {
            String message = found.get(field);
            label.setText(message == null ? "" : I18n.t(found.key(field) != null ? found.key(field) : errorKey(field, message)));
            label.setVisible(message != null);
            label.setManaged(message != null);
        });
        if (!found.isEmpty()) showFirstError();
    }

    /**
     * The form is longer than the window and Save is at its foot: bring the first error into view
     * and put the cursor in its field, so the user sees what is missing where they are looking.
     */
    private void showFirstError() {
        content.applyCss();
        content.layout();
        Label first = errors.values().stream().filter(Label::isVisible)
                .min(java.util.Comparator.comparingDouble(l -> yInContent(l))).orElse(null);
        if (first == null) return;
        Node field = first.getParent() == null ? null : first.getParent().getChildrenUnmodifiable().stream()
                .filter(n -> n != first && n.isFocusTraversable()).findFirst().orElse(null);
        if (first == errors.get("overrideReason")) field = overrideReason;
        if (field != null) field.requestFocus();
        scrollIntoViewAfterLayout(first, 5);
    }

    /**
     * Scrolls after the next layout pass, when the error's own height is known, and checks again after
     * the pass the scroll causes: a wrapped error or the focused field can change the heights once more
     * (seen in a full test run: the form scrolled to its foot with the error above the view).
     */
    private void scrollIntoViewAfterLayout(Node error, int passesLeft) {
        javafx.scene.Scene scene = getScene();
        if (scene == null || passesLeft == 0) return;
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            if (!inView(error)) {
                scrollIntoView(error);
                scrollIntoViewAfterLayout(error, passesLeft - 1);
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        javafx.application.Platform.requestNextPulse();
    }

    private boolean inView(Node node) {
        javafx.geometry.Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
        javafx.geometry.Bounds shown = node.localToScene(node.getLayoutBounds());
        return shown.getMinY() >= viewport.getMinY() && shown.getMaxY() <= viewport.getMaxY();
    }

    /** Scrolls so that the error and the field above it are in view. */
    private void scrollIntoView(Node error) {
        double view = scroll.getViewportBounds().getHeight();
        double hidden = content.getLayoutBounds().getHeight() - view;
        if (hidden <= 0) return;
        Node box = error.getParent() == null ? error : error.getParent();
        double top = yInContent(box) - 24;
        double bottom = yInContent(error) + error.getLayoutBounds().getHeight() + 16;
        double offset = bottom - top <= view ? top : bottom - view;
        scroll.setVvalue(Math.max(0, Math.min(1, offset / hidden)));
    }

    private double yInContent(Node node) {
        return content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
    }

    /** A closed case's screening can be read, not changed (the service refuses it too). */
    public void setReadOnly(boolean readOnly) {
        for (Node section : content.getChildren()) {
            if (section != previous) section.setDisable(readOnly);
        }
        save.setVisible(!readOnly);
        save.setManaged(!readOnly);
        status.setText(readOnly ? I18n.t("screening.closedReadOnly") : "");
    }

    private static String errorKey(String field, String message) {
        if (field.equals("overrideReason") && message.startsWith("required")) return "screening.error.reason";
        if (message.startsWith("required")) return "screening.error.required";
        if (message.startsWith("cannot be in the future")) return "screening.error.future";
        return "screening.error.tooLong";
    }

    private void load() {
        FxTasks.run(() -> haven.screening().latest(caseId), latest -> {
            showPrevious(latest);
            latest.ifPresent(model::prefill);
            loaded = true;
        });
    }

    private boolean loaded;

    /** Input that closing the page would lose: anything since the form was loaded or last saved. */
    private boolean hasUnsavedInput() {
        return loaded && save.isVisible() && model.hasChanges();
    }

    private void showPrevious(Optional<Screening> latest) {
        previous.setText(latest.map(s -> I18n.t("screening.previous", s.interviewDate(),
                s.interviewerName() == null ? "" : s.interviewerName(), I18n.label(s.determination())))
                .orElse(I18n.t("screening.none")));
    }

    private static void select(ToggleGroup group, Answer answer) {
        group.getToggles().stream().filter(t -> t.getUserData() == answer).findFirst().ifPresent(t -> t.setSelected(true));
    }
}
