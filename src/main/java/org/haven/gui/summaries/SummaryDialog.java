package org.haven.gui.summaries;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PrinterJob;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.haven.gui.toolkit.ErrorDialog;
import org.haven.gui.toolkit.FxTasks;
import org.haven.gui.toolkit.I18n;
import org.haven.core.summaries.Audience;
import org.haven.core.summaries.Section;
import org.haven.core.summaries.SummaryOptions;
import org.haven.core.summaries.SummaryService;

/**
 * The summary dialog: choose the audience and the sections, look at a preview of the first case's
 * first pages, then save one PDF (a batch gets a table of contents) or print it. Long work runs in
 * a {@link Task} with a progress bar and a cancel button; the window stays responsive.
 *
 * <p>Open it with {@link #show(Window, SummaryService, List)} for one case or a selection, or
 * {@link #showForOperation(Window, SummaryService, UUID)} for every visible case of an operation.
 */
public final class SummaryDialog {
    static final int PREVIEW_PAGES = 2;
    static final float PREVIEW_DPI = 75f;
    static final float PRINT_DPI = 150f;

    private final SummaryService service;
    private final List<UUID> caseIds;
    private final Stage stage = new Stage();
    private final ToggleGroup audienceGroup = new ToggleGroup();
    private final Map<Section, CheckBox> sectionBoxes = new EnumMap<>(Section.class);
    /** The summary's language: by default the window's; a Cambodian court gets Khmer whatever the staff read. */
    private final javafx.scene.control.ComboBox<java.util.Locale> language = new javafx.scene.control.ComboBox<>();
    private final VBox pages = new VBox(12);
    private final ProgressIndicator previewBusy = new ProgressIndicator();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Button save = new Button(I18n.t("summary.ui.save"));
    private final Button print = new Button(I18n.t("summary.ui.print"));
    private final Button cancel = new Button(I18n.t("summary.ui.cancel"));
    private final Button close = new Button(I18n.t("summary.ui.close"));
    private final AtomicLong previewGeneration = new AtomicLong();
    /** Shown when the chosen audience's copy would leave without recorded consent: the reason to share anyway. */
    private final Label consentWarning = new Label();
    private final javafx.scene.control.TextField consentReason = new javafx.scene.control.TextField();
    private final VBox consentBox = new VBox(6);
    private boolean consentMissing;
    private final AtomicLong consentGeneration = new AtomicLong();
    private Task<?> running;

    private SummaryDialog(Window owner, SummaryService service, List<UUID> caseIds) {
        this.service = service;
        this.caseIds = List.copyOf(caseIds);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(I18n.t("summary.ui.title"));
        stage.setScene(new Scene(layout(), 980, 720));
        stage.setOnCloseRequest(e -> cancelRunning());
    }

    /** For one case (the case view) or a selection (the case list). */
    public static SummaryDialog show(Window owner, SummaryService service, List<UUID> caseIds) {
        if (caseIds.isEmpty()) throw new IllegalArgumentException("no case");
        SummaryDialog d = new SummaryDialog(owner, service, caseIds);
        d.stage.show();
        d.refreshPreview();
        d.checkConsent();
        return d;
    }

    /** For every case of an operation the user can see (the operation page). */
    public static void showForOperation(Window owner, SummaryService service, UUID operationId) {
        FxTasks.run(() -> service.casesOfOperation(operationId), ids -> show(owner, service, ids));
    }

    Stage stage() {
        return stage;
    }

    // ---- layout

    private BorderPane layout() {
        VBox options = new VBox(8);
        options.setPadding(new Insets(16));
        options.setPrefWidth(300);
        Label count = new Label(I18n.t("summary.ui.count", caseIds.size()));
        count.setStyle("-fx-font-weight: bold;");
        options.getChildren().addAll(count, heading("summary.ui.audience"));
        for (Audience a : Audience.values()) {
            RadioButton rb = new RadioButton(I18n.label(a));
            rb.setUserData(a);
            rb.setToggleGroup(audienceGroup);
            rb.setId("audience-" + a.name().toLowerCase());
            Label help = new org.haven.gui.toolkit.WrappingLabel(I18n.t("summary.ui.audience." + a.name()));
            help.setWrapText(true);
            help.setStyle("-fx-text-fill: -color-fg-muted; -fx-font-size: 0.9em;");
            help.setPadding(new Insets(0, 0, 4, 24));
            options.getChildren().addAll(rb, help);
        }
        audienceGroup.selectToggle(audienceGroup.getToggles().get(Audience.EXTERNAL.ordinal()));
        audienceGroup.selectedToggleProperty().addListener((o, a, b) -> {
            refreshPreview();
            checkConsent();
        });
        consentWarning.setId("summary-consent-warning");
        consentWarning.setWrapText(true);
        consentWarning.setStyle("-fx-text-fill: -color-danger-fg;");
        consentReason.setId("summary-consent-reason");
        consentReason.setPromptText(I18n.t("summary.ui.consent.reason"));
        consentReason.textProperty().addListener((o, a, b) -> updateButtons());
        consentBox.getChildren().addAll(consentWarning, new Label(I18n.t("summary.ui.consent.reason")), consentReason);
        consentBox.setVisible(false);
        consentBox.setManaged(false);
        options.getChildren().add(consentBox);
        language.getItems().setAll(org.haven.core.common.Messages.SUPPORTED);
        language.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(java.util.Locale l) {
                return l == null ? "" : org.haven.core.common.Languages.nativeName(l);
            }

            @Override
            public java.util.Locale fromString(String s) {
                return null;
            }
        });
        language.setValue(org.haven.core.common.Messages.SUPPORTED.contains(I18n.locale()) ? I18n.locale() : java.util.Locale.ENGLISH);
        language.setId("summary-language");
        language.valueProperty().addListener((o, a, b) -> refreshPreview());
        options.getChildren().addAll(heading("summary.ui.language"), language);
        options.getChildren().add(heading("summary.ui.sections"));
        for (Section s : Section.values()) {
            CheckBox box = new CheckBox(I18n.t("summary.section." + s.name()));
            box.setSelected(true);
            box.setId("section-" + s.name().toLowerCase());
            box.selectedProperty().addListener((o, a, b) -> refreshPreview());
            sectionBoxes.put(s, box);
            options.getChildren().add(box);
        }

        pages.setAlignment(Pos.TOP_CENTER);
        pages.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(pages);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background: #e9ecef;");
        previewBusy.setMaxSize(48, 48);
        previewBusy.setVisible(false);
        StackPane preview = new StackPane(scroll, previewBusy);
        VBox previewBox = new VBox(4, heading("summary.ui.preview"), preview);
        previewBox.setPadding(new Insets(16, 16, 0, 0));
        VBox.setVgrow(preview, Priority.ALWAYS);

        progress.setPrefWidth(220);
        progress.setVisible(false);
        cancel.setVisible(false);
        cancel.setOnAction(e -> cancelRunning());
        save.setId("summary-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> chooseFileAndSave());
        print.setId("summary-print");
        print.setOnAction(e -> print());
        close.setCancelButton(true);
        close.setOnAction(e -> {
            cancelRunning();
            stage.close();
        });
        ButtonBar.setButtonData(save, ButtonBar.ButtonData.OK_DONE);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().addAll(save, print, close);
        HBox bottom = new HBox(10, progress, cancel, status, buttons);
        HBox.setHgrow(buttons, Priority.ALWAYS);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(10, 16, 12, 16));
        status.setId("summary-status");

        BorderPane root = new BorderPane();
        root.setLeft(options);
        root.setCenter(previewBox);
        root.setBottom(bottom);
        return root;
    }

    private static Label heading(String key) {
        Label l = new Label(I18n.t(key));
        l.setStyle("-fx-font-weight: bold; -fx-padding: 8 0 2 0;");
        return l;
    }

    SummaryOptions options() {
        Audience audience = (Audience) audienceGroup.getSelectedToggle().getUserData();
        EnumSet<Section> sections = EnumSet.noneOf(Section.class);
        sectionBoxes.forEach((s, box) -> {
            if (box.isSelected()) sections.add(s);
        });
        return new SummaryOptions(audience, sections, language.getValue());
    }

    // ---- consent: an external or court copy of a case without consent to data sharing needs a reason

    private void checkConsent() {
        long generation = consentGeneration.incrementAndGet();
        Audience audience = options().audience();
        consentMissing = audience != Audience.INTERNAL; // until the answer comes, nothing leaves without it
        updateButtons();
        FxTasks.run(() -> service.casesWithoutSharingConsent(caseIds, audience), lacking -> {
            if (generation != consentGeneration.get()) return;
            consentMissing = !lacking.isEmpty();
            String shown = String.join(", ", lacking.subList(0, Math.min(3, lacking.size()))) + (lacking.size() > 3 ? ", ..." : "");
            consentWarning.setText(consentMissing ? I18n.t("summary.ui.consent.missing", lacking.size(), shown) : "");
            consentBox.setVisible(consentMissing);
            consentBox.setManaged(consentMissing);
            updateButtons();
        });
    }

    /** The reason typed, or null when none is needed. */
    private String consentOverride() {
        return consentMissing && !consentReason.getText().isBlank() ? consentReason.getText() : null;
    }

    /** True while saving or printing needs a consent reason that is not typed yet. */
    boolean blockedByConsent() {
        return consentMissing && consentReason.getText().isBlank();
    }

    private void updateButtons() {
        if (running != null) return;
        save.setDisable(blockedByConsent());
        print.setDisable(blockedByConsent());
    }

    // ---- preview: the first case only, its first pages, rendered off the FX thread

    private void refreshPreview() {
        long generation = previewGeneration.incrementAndGet();
        SummaryOptions options = options();
        previewBusy.setVisible(true);
        FxTasks.run(() -> SummaryPages.images(service.render(List.of(caseIds.get(0)), options, null, null), PREVIEW_DPI, PREVIEW_PAGES),
                images -> {
                    if (generation != previewGeneration.get()) return; // a newer choice is on its way
                    previewBusy.setVisible(false);
                    pages.getChildren().clear();
                    for (BufferedImage img : images) {
                        ImageView view = new ImageView(SwingFXUtils.toFXImage(img, null));
                        view.setPreserveRatio(true);
                        view.setEffect(new DropShadow(8, javafx.scene.paint.Color.gray(0, 0.3)));
                        pages.getChildren().add(view);
                    }
                },
                error -> {
                    previewBusy.setVisible(false);
                    ErrorDialog.show(error);
                });
    }

    // ---- save

    private void chooseFileAndSave() {
        // The guard of every save: never into the data folder, never over a file without asking.
        org.haven.gui.toolkit.SaveTarget.ask(stage, service.dataFolder(), new org.haven.gui.toolkit.SaveTarget.Request(I18n.t("summary.ui.saveTitle"),
                caseIds.size() == 1 ? "case-summary.pdf" : "case-summaries.pdf", I18n.t("summary.ui.pdfFiles"), "*.pdf"), this::saveTo);
    }

    /** Writes the PDF in the background with progress; the caller chose the file. */
    Task<SummaryService.Result> saveTo(Path file) {
        SummaryOptions options = options();
        String reason = consentOverride();
        Task<SummaryService.Result> task = new Task<>() {
            @Override
            protected SummaryService.Result call() {
                return service.writePdf(caseIds, options, file, (done, total) -> updateProgress(done, total), this::isCancelled, reason);
            }
        };
        run(task, result -> status.setText(I18n.t("summary.ui.saved", result.cases(), result.pages())));
        return task;
    }

    // ---- print: the system dialog, then the rendered pages as images

    private void print() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            status.setText(I18n.t("summary.ui.noPrinter"));
            return;
        }
        if (!job.showPrintDialog(stage)) {
            job.cancelJob();
            return;
        }
        SummaryOptions options = options();
        String reason = consentOverride();
        Task<Integer> task = SummaryPages.printTask(job, service, caseIds, options, reason);
        run(task, pagesPrinted -> status.setText(I18n.t("summary.ui.printed", pagesPrinted)));
    }

    // ---- running long work

    private <T> void run(Task<T> task, java.util.function.Consumer<T> onSuccess) {
        running = task;
        progress.progressProperty().bind(task.progressProperty());
        progress.setVisible(true);
        cancel.setVisible(true);
        save.setDisable(true);
        print.setDisable(true);
        status.setText(I18n.t("summary.ui.working"));
        task.setOnSucceeded(e -> {
            done();
            onSuccess.accept(task.getValue());
        });
        task.setOnCancelled(e -> {
            done();
            status.setText(I18n.t("summary.ui.cancelled"));
        });
        task.setOnFailed(e -> {
            done();
            if (task.getException() instanceof CancellationException) {
                status.setText(I18n.t("summary.ui.cancelled"));
            } else {
                status.setText("");
                ErrorDialog.show(task.getException());
            }
        });
        FxTasks.start(task);
    }

    private void done() {
        running = null;
        progress.progressProperty().unbind();
        progress.setVisible(false);
        cancel.setVisible(false);
        updateButtons();
    }

    private void cancelRunning() {
        if (running != null) running.cancel();
    }
}
