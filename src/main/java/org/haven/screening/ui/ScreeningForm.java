package org.haven.screening.ui;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.haven.Haven;
import org.haven.app.DiscardGuard;
import org.haven.app.ErrorDialog;
import org.haven.app.FxTasks;
import org.haven.app.I18n;
import org.haven.common.ValidationErrors;
import org.haven.screening.Answer;
import org.haven.screening.Consent;
import org.haven.screening.ConsentGiver;
import org.haven.screening.ConsentPurpose;
import org.haven.screening.Determination;
import org.haven.screening.DeterminationRule;
import org.haven.screening.Indicator;
import org.haven.screening.IndicatorAnswer;
import org.haven.screening.LabourExploitation;
import org.haven.screening.RecruitmentApp;
import org.haven.screening.RecruitmentMethod;
import org.haven.screening.Screening;
import org.haven.screening.ScreeningValidator;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The screening interview of one case: the eleven ILO indicators (yes / no / unknown with a note),
 * interpreter and language, consent, recruitment and exploitation, and the determination. The
 * suggestion (from {@link DeterminationRule}) updates as answers change; the caseworker confirms it
 * or picks another determination with a reason. Saving records a new interview on the case.
 */
public final class ScreeningForm extends BorderPane {
    private final Haven haven;
    private final UUID caseId;

    private final DatePicker interviewDate = org.haven.app.Dates.picker(LocalDate.now());
    private final CheckBox interpreterUsed = new CheckBox(I18n.t("screening.interpreterUsed"));
    private final TextField language = new TextField();
    private final ComboBox<ConsentGiver> consentGivenBy = new ComboBox<>(FXCollections.observableArrayList(ConsentGiver.values()));
    private final DatePicker consentGivenOn = org.haven.app.Dates.picker(LocalDate.now());
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
    private Determination suggested = Determination.UNDETERMINED;
    /** The determination follows the suggestion until the caseworker picks another one. */
    private boolean followSuggestion = true;
    private boolean updating;
    private Consumer<Screening> onSaved = s -> { };

    public ScreeningForm(Haven haven, UUID caseId) {
        this.haven = haven;
        this.caseId = caseId;
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
        recompute();
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
        return g;
    }

    private Node consentSection() {
        consentGivenBy.setId("consentGivenBy");
        consentGivenBy.setValue(ConsentGiver.PERSON);
        labelled(consentGivenBy);
        consentGivenOn.setId("consentGivenOn");
        GridPane g = form();
        row(g, 0, "screening.consent.givenBy", consentGivenBy, "consentGivenBy");
        row(g, 1, "screening.consent.givenOn", consentGivenOn, "consentGivenOn");
        VBox purposes = new VBox(6);
        for (ConsentPurpose p : ConsentPurpose.values()) {
            CheckBox box = new CheckBox(I18n.label(p));
            box.setId("consent-" + p.name());
            consents.put(p, box);
            purposes.getChildren().add(box);
        }
        CheckBox interview = consents.get(ConsentPurpose.INTERVIEW);
        interview.setSelected(false); // consent is asked and ticked, never assumed
        interview.selectedProperty().addListener((o, was, is) -> recompute());
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
            Label label = new org.haven.app.WrappingLabel(I18n.label(indicator));
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
            select(group, Answer.UNKNOWN);
            // A pill group always has one answer: clicking the selected one again keeps it.
            group.selectedToggleProperty().addListener((o, was, is) -> {
                if (is == null && was != null) was.setSelected(true);
                else recompute();
            });
            TextField note = new TextField();
            note.setId("note-" + indicator.name());
            note.setPromptText(I18n.t("screening.note.prompt"));
            answers.put(indicator, group);
            notes.put(indicator, note);
            indicatorGrid.add(new VBox(2, label, strength), 0, r);
            indicatorGrid.add(toggles, 1, r);
            indicatorGrid.add(note, 2, r);
            r++;
        }
        noInterviewHint.getStyleClass().add(Styles.WARNING);
        noInterviewHint.setId("noInterviewHint");
        return new VBox(8, noInterviewHint, indicatorGrid);
    }

    private Node recruitmentSection() {
        methods.setId("recruitmentMethods");
        apps.setId("recruitmentApps");
        exploitation.setId("labourExploitation");
        GridPane g = form();
        row(g, 0, "screening.recruitmentMethods", methods, null);
        row(g, 1, "screening.recruitmentApps", apps, null);
        row(g, 2, "screening.labourExploitation", exploitation, null);
        return g;
    }

    private Node determinationSection() {
        suggestedLabel.setId("suggested");
        suggestedLabel.getStyleClass().add(Styles.TITLE_4);
        Label help = new org.haven.app.WrappingLabel(I18n.t("screening.suggested.help"));
        help.setWrapText(true);
        help.getStyleClass().add(Styles.TEXT_MUTED);
        determination.setId("determination");
        labelled(determination);
        determination.valueProperty().addListener((o, was, is) -> {
            if (!updating) followSuggestion = is == suggested;
            showOverride();
        });
        overrideReason.setId("overrideReason");
        overrideReason.setPromptText(I18n.t("screening.overrideReason.prompt"));
        overrideReason.setPrefRowCount(3);
        org.haven.app.ComplexScriptText.guard(overrideReason);
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

    private boolean interviewConsented() {
        return consents.get(ConsentPurpose.INTERVIEW).isSelected();
    }

    private Map<Indicator, Answer> answerValues() {
        Map<Indicator, Answer> m = new EnumMap<>(Indicator.class);
        boolean consented = interviewConsented();
        answers.forEach((i, g) -> m.put(i, consented && g.getSelectedToggle() != null
                ? (Answer) g.getSelectedToggle().getUserData() : Answer.UNKNOWN));
        return m;
    }

    /** Recomputes the suggestion from the answers; the determination follows it unless overridden. */
    private void recompute() {
        boolean consented = interviewConsented();
        indicatorGrid.setDisable(!consented);
        noInterviewHint.setVisible(!consented);
        noInterviewHint.setManaged(!consented);
        suggested = DeterminationRule.suggest(answerValues());
        suggestedLabel.setText(I18n.t("screening.suggested", I18n.label(suggested)));
        suggestedLabel.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
        suggestedLabel.getStyleClass().add(suggested == Determination.PRESUMED_VICTIM ? Styles.DANGER
                : suggested == Determination.NOT_A_VICTIM ? Styles.SUCCESS : Styles.WARNING);
        if (followSuggestion || determination.getValue() == null) {
            updating = true;
            determination.setValue(suggested);
            updating = false;
            followSuggestion = true;
        }
        showOverride();
    }

    private void showOverride() {
        boolean differs = determination.getValue() != null && determination.getValue() != suggested;
        overrideBox.setVisible(differs);
        overrideBox.setManaged(differs);
    }

    private Screening draft() {
        Map<Indicator, IndicatorAnswer> a = new EnumMap<>(Indicator.class);
        Map<Indicator, Answer> values = answerValues();
        boolean consented = interviewConsented();
        for (Indicator i : Indicator.values()) {
            a.put(i, new IndicatorAnswer(i, values.get(i), consented ? notes.get(i).getText() : null));
        }
        Set<ConsentPurpose> granted = EnumSet.noneOf(ConsentPurpose.class);
        consents.forEach((p, box) -> {
            if (box.isSelected()) granted.add(p);
        });
        Determination d = determination.getValue();
        return Screening.draft(caseId, interviewDate.getValue(), interpreterUsed.isSelected(), language.getText(), a,
                new Consent(consentGivenBy.getValue(), consentGivenOn.getValue(), granted),
                setOf(methods, RecruitmentMethod.class), setOf(apps, RecruitmentApp.class),
                setOf(exploitation, LabourExploitation.class), d, d == suggested ? null : overrideReason.getText());
    }

    private static <E extends Enum<E>> Set<E> setOf(CheckComboBox<E> box, Class<E> type) {
        Set<E> s = EnumSet.noneOf(type);
        s.addAll(box.getCheckModel().getCheckedItems());
        return s;
    }

    private void save() {
        status.setText("");
        Screening draft = draft();
        ValidationErrors found = ScreeningValidator.validate(draft, suggested, LocalDate.now());
        showErrors(found);
        if (!found.isEmpty()) return;
        save.setDisable(true);
        FxTasks.run(() -> haven.screening().save(draft), saved -> {
            save.setDisable(false);
            status.setText(I18n.t("screening.saved", I18n.label(saved.determination())));
            baseline = draft();
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
            label.setText(message == null ? "" : I18n.t(errorKey(field, message)));
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
        // After the next layout pass, when the error's own height is known.
        javafx.application.Platform.runLater(() -> scrollIntoView(first));
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
            latest.ifPresent(this::prefill);
            baseline = draft();
        });
    }

    /** The form as loaded or last saved: anything else is input that closing the page would lose. */
    private Screening baseline;

    private boolean hasUnsavedInput() {
        return baseline != null && save.isVisible() && !draft().equals(baseline);
    }

    private void showPrevious(Optional<Screening> latest) {
        previous.setText(latest.map(s -> I18n.t("screening.previous", s.interviewDate(),
                s.interviewerName() == null ? "" : s.interviewerName(), I18n.label(s.determination())))
                .orElse(I18n.t("screening.none")));
    }

    /** Starts a re-screening from the latest interview's answers (the date stays today). */
    private void prefill(Screening s) {
        interpreterUsed.setSelected(s.interpreterUsed());
        language.setText(s.interviewLanguage() == null ? "" : s.interviewLanguage());
        consentGivenBy.setValue(s.consent().givenBy());
        consents.forEach((p, box) -> box.setSelected(s.consent().grants(p)));
        s.answers().forEach((i, a) -> {
            select(answers.get(i), a.answer());
            notes.get(i).setText(a.note() == null ? "" : a.note());
        });
        s.recruitmentMethods().forEach(m -> methods.getCheckModel().check(m));
        s.recruitmentApps().forEach(m -> apps.getCheckModel().check(m));
        s.labourExploitation().forEach(m -> exploitation.getCheckModel().check(m));
        recompute();
        if (s.overridden()) {
            determination.setValue(s.determination());
            overrideReason.setText(s.overrideReason() == null ? "" : s.overrideReason());
        }
    }

    private static void select(ToggleGroup group, Answer answer) {
        group.getToggles().stream().filter(t -> t.getUserData() == answer).findFirst().ifPresent(t -> t.setSelected(true));
    }
}
