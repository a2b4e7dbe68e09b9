package org.haven.gui.cases;

import java.util.List;
import java.util.UUID;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseDetails;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.PersonHistory;
import org.haven.core.cases.CaseWorkflow;
import org.haven.core.cases.LegalRole;
import org.haven.core.people.Person;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One case: who the person is, where the case stands, what may happen next (only the moves the
 * workflow allows), and the timeline. Other features add tabs with {@link CaseWindow#addCaseSection}.
 */
public final class CaseView {
    private final CaseWindow window;
    private final UUID caseId;
    private final CaseViewModel model;
    private final BorderPane root = new BorderPane();
    private final TabPane sections = new TabPane();

    /** The person's other cases (see {@link #showHistory}). */
    private final VBox historyBox = new VBox(4);
    private final Label historyBanner = new Label();

    public CaseView(CaseWindow window, UUID caseId) {
        historyBox.setId("caseHistory");
        historyBanner.setId("retraffickingBanner");
        historyBanner.setWrapText(true);
        historyBanner.getStyleClass().add("non-punishment-banner");
        historyBanner.setVisible(false);
        historyBanner.setManaged(false);
        this.window = window;
        this.caseId = caseId;
        this.model = new CaseViewModel(window.haven().cases(), window.haven().timeline(), caseId, org.haven.gui.toolkit.Worker.FX_TASKS,
                () -> window.caseList().refresh()); // other open cases are left alone: each load is audited
        model.detailsProperty().addListener((obs, old, d) -> render(d));
        model.historyProperty().addListener((obs, old, h) -> showHistory(h));
        model.errorProperty().addListener((obs, old, e) -> {
            if (e != null) org.haven.gui.toolkit.ErrorDialog.show(e);
        });
        root.getStyleClass().add("case-view");
        root.setId("caseView");
        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sections.setId("caseSections");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(40, 40);
        root.setCenter(busy);
        reload();
    }

    public Node root() {
        return root;
    }

    public ReadOnlyStringProperty titleProperty() {
        return model.titleProperty();
    }

    /** The case as last loaded (null until the first load finished). */
    public CaseDetails details() {
        return model.detailsProperty().get();
    }

    public boolean isLoading() {
        return model.loadingProperty().get();
    }

    public void reload() {
        model.reload();
    }

    /** This case changed: reload it and the list. */
    private void changed() {
        model.changed();
    }

    private void render(CaseDetails d) {
        root.setTop(header(d));
        root.setLeft(facts(d));
        String selected = sections.getSelectionModel().getSelectedItem() == null ? null
                : sections.getSelectionModel().getSelectedItem().getId();
        sections.getTabs().clear();
        Tab timeline = new Tab(I18n.t("timeline.title"), new CaseTimeline(window, model, this::changed).view(d));
        timeline.setId("section-timeline");
        timeline.setGraphic(new FontIcon("mdi2t-timeline-text-outline"));
        sections.getTabs().add(timeline);
        for (CaseSection section : window.caseSections()) {
            Tab tab = new Tab(I18n.t(section.titleKey()), section.build(window, d, this::changed));
            tab.setId("section-" + section.titleKey());
            sections.getTabs().add(tab);
        }
        sections.getTabs().stream().filter(t -> t.getId().equals(selected)).findFirst()
                .ifPresent(t -> sections.getSelectionModel().select(t));
        root.setCenter(sections);
        showHistory(model.historyProperty().get());
    }

    /**
     * The person's other cases, loaded after the case: in the facts panel (number, dates, status or
     * outcome), and a banner above when an earlier case ended in a return home (a person found
     * again after deportation or repatriation may have been re-trafficked).
     */
    private void showHistory(PersonHistory h) {
        historyBox.getChildren().clear();
        historyBanner.setVisible(false);
        historyBanner.setManaged(false);
        if (h.isEmpty()) return;
        Label title = new Label(I18n.t("case.history.title"));
        title.getStyleClass().add("form-section");
        historyBox.getChildren().add(title);
        for (PersonHistory.OtherCase other : h.visible()) {
            String when = CaseListPage.formatDate(other.openedOn())
                    + (other.closedOn() == null ? "" : " – " + CaseListPage.formatDate(other.closedOn()));
            String state = other.outcome() != null ? I18n.label(other.outcome()) : I18n.label(other.status());
            Label line = new Label(I18n.t("case.history.line", other.caseNumber(), when, state));
            line.setId("history-" + other.caseNumber());
            line.setWrapText(true);
            if (other.outcome() != null && other.outcome().isReturn()) line.getStyleClass().add("history-return");
            historyBox.getChildren().add(line);
        }
        if (h.hidden() > 0) {
            Label hidden = new Label(I18n.t("case.history.hidden", h.hidden()));
            hidden.setId("historyHidden");
            hidden.setWrapText(true);
            historyBox.getChildren().add(hidden);
        }
        h.returnBefore().ifPresent(earlier -> {
            historyBanner.setText(I18n.t("case.history.retrafficking", I18n.label(earlier.outcome()),
                    CaseListPage.formatDate(earlier.closedOn()), earlier.caseNumber()));
            historyBanner.setVisible(true);
            historyBanner.setManaged(true);
        });
    }

    private Node header(CaseDetails d) {
        CaseFile c = d.caseFile();
        Person p = d.person();
        FontIcon avatar = new FontIcon("mdi2a-account-circle-outline");
        avatar.getStyleClass().add("case-avatar");
        Label latin = new Label(p.nameLatin());
        latin.setId("caseNameLatin");
        latin.getStyleClass().add("case-name");
        Label nativeName = new Label(p.nameNative() == null ? "" : p.nameNative());
        nativeName.setId("caseNameNative");
        nativeName.getStyleClass().add("case-name-native");
        Label number = new Label(c.caseNumber());
        number.setId("caseNumber");
        number.getStyleClass().add("case-number");
        Label status = statusBadge(c.status());
        status.setId("caseStatus");
        HBox line = new HBox(10, number, status);
        line.setAlignment(Pos.CENTER_LEFT);
        if (p.isMinorOn(c.openedOn())) {
            // A child at identification: other rules apply (guardianship, child protection referral).
            Label minor = new Label(I18n.t("case.minor"), new FontIcon("mdi2h-human-child"));
            minor.setId("caseMinor");
            minor.getStyleClass().add("minor-badge");
            line.getChildren().add(minor);
        }
        HBox latinLine = new HBox(8, latin);
        latinLine.setAlignment(Pos.BASELINE_LEFT);
        if (p.latinDerived()) {
            // Haven spelled it from the native name: say so, it is not what the list or the person gave.
            Label derived = new Label(I18n.t("person.nameLatin.derived"));
            derived.setId("caseNameLatinDerived");
            derived.getStyleClass().add("derived-tag");
            latinLine.getChildren().add(derived);
        }
        VBox names = new VBox(2, latinLine, nativeName, line);

        Button edit = new Button(I18n.t("case.editPerson"), new FontIcon("mdi2a-account-edit-outline"));
        edit.setId("editPerson");
        edit.setOnAction(e -> PersonFormDialog.edit(window, caseId, p, c.openedOn(), this::changed));
        MenuButton move = new MenuButton(I18n.t("case.moveTo"), new FontIcon("mdi2a-arrow-right-bold-outline"));
        move.setId("moveMenu");
        for (CaseStatus to : CaseWorkflow.allowedMoves(c.status())) {
            MenuItem item = new MenuItem(I18n.label(to));
            item.setId("move-" + to.name());
            item.setOnAction(e -> move(to));
            move.getItems().add(item);
        }
        Button addEvent = new Button(I18n.t("timeline.add"), new FontIcon("mdi2c-calendar-plus"));
        addEvent.setId("addEvent");
        addEvent.getStyleClass().add("accent");
        addEvent.setOnAction(e -> EventDialog.add(window, caseId, this::changed));
        // The actions wrap onto a second row rather than cut the names, the case number or their own words
        // (long labels in Khmer at 1024 wide).
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 8, edit, move, addEvent);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(0);
        HBox.setHgrow(actions, Priority.ALWAYS);
        names.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(14, avatar, names, actions);
        if (AssignDialog.mayAssign(window.haven().user())) {
            Button assign = new Button(I18n.t("cases.assign.button"), new FontIcon("mdi2a-account-arrow-right-outline"));
            assign.setId("assignCase");
            assign.setOnAction(e -> AssignDialog.show(window, List.of(caseId)));
            actions.getChildren().add(0, assign);
        }
        for (javafx.scene.Node n : actions.getChildren()) ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("case-header");
        Label warning = NonPunishmentBanner.forCase(d);
        VBox top = new VBox(header);
        if (warning != null) {
            warning.getStyleClass().add("non-punishment-banner");
            top.getChildren().add(warning);
        }
        top.getChildren().add(historyBanner);
        return top;
    }

    static Label statusBadge(CaseStatus status) {
        Label l = new Label(I18n.label(status));
        l.getStyleClass().addAll("status-badge", "status-" + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return l;
    }

    private void move(CaseStatus to) {
        if (to == CaseStatus.CLOSED) {
            CloseCaseDialog.ask(window.stage(), details().caseFile().status())
                    .ifPresent(a -> model.move(to, a.outcome(), a.reason(), a.date()));
        } else {
            model.move(to, null, null, null);
        }
    }

    private Node facts(CaseDetails d) {
        CaseFile c = d.caseFile();
        Person p = d.person();
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.getStyleClass().add("case-facts");
        int row = 0;
        row = heading(grid, row, "case.section.case");
        row = fact(grid, row, "case.status", I18n.label(c.status()), "factStatus");
        if (c.outcome() != null) row = fact(grid, row, "case.outcome", I18n.label(c.outcome()), "factOutcome");
        if (c.closingReason() != null) row = fact(grid, row, "case.closingReason", c.closingReason(), null);
        row = fact(grid, row, "case.assignedTo", d.assignedToName() == null ? I18n.t("case.unassigned") : d.assignedToName(), "factAssigned");
        row = fact(grid, row, "case.operation", d.operation() == null ? I18n.t("case.noOperation")
                : d.operation().code() + " · " + d.operation().name(), "factOperation");
        grid.add(factLabel("case.legalRole"), 0, row);
        grid.add(legalRole(c), 1, row++);
        row = fact(grid, row, "case.openedOn", CaseListPage.formatDate(c.openedOn()), null);
        if (c.closedOn() != null) row = fact(grid, row, "case.closedOn", CaseListPage.formatDate(c.closedOn()), null);

        row = heading(grid, row, "case.section.person");
        row = fact(grid, row, "person.sex", I18n.label(p.sex()), null);
        row = fact(grid, row, p.birthDate() != null ? "person.birthDate" : "person.estimatedAge", birthOrAge(p), null);
        row = fact(grid, row, "person.nationality", p.nationality() == null ? "" : I18n.country(p.nationality()), null);
        row = fact(grid, row, "person.languages", (p.languages() == null ? "" : org.haven.core.common.LanguageNames.of(p.languages(), I18n.locale()))
                + (p.interpreterNeeded() ? "  (" + I18n.t("person.interpreterNeeded") + ")" : ""), null);
        row = fact(grid, row, "person.documentStatus", I18n.label(p.documentStatus())
                + (p.documentNumber() == null ? "" : " · " + p.documentNumber()), null);
        if (p.aliases() != null) row = fact(grid, row, "person.aliases", p.aliases(), null);
        if (p.familyContact() != null) row = fact(grid, row, "person.familyContact", p.familyContact(), null);
        if (p.notes() != null) fact(grid, row, "person.notes", p.notes(), null);
        historyBox.getStyleClass().add("case-history");
        ScrollPane scroll = new ScrollPane(new VBox(12, grid, historyBox));
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(380);
        scroll.getStyleClass().addAll("edge-to-edge", "case-facts-scroll");
        return scroll;
    }

    private Node legalRole(CaseFile c) {
        ComboBox<LegalRole> box = new ComboBox<>();
        box.setId("legalRole");
        box.getItems().setAll(LegalRole.values());
        FormParts.setLabels(box, r -> r == null ? "" : I18n.label(r));
        box.setValue(c.legalRole());
        box.valueProperty().addListener((o, was, now) -> model.setLegalRole(now));
        if (c.legalRole() == LegalRole.SUSPECT) {
            FontIcon warn = new FontIcon("mdi2a-alert-outline");
            warn.getStyleClass().add("warning-icon");
            Label hint = new Label(null, warn);
            hint.setTooltip(new Tooltip(I18n.t("case.nonPunishment")));
            return new HBox(6, box, hint);
        }
        return box;
    }

    private static String birthOrAge(Person p) {
        if (p.birthDate() != null) return CaseListPage.formatDate(p.birthDate());
        return p.estimatedAge() == null ? I18n.t("person.ageUnknown") : I18n.t("person.ageEstimated", p.estimatedAge());
    }

    private static int heading(GridPane grid, int row, String key) {
        Label l = new Label(I18n.t(key));
        l.getStyleClass().add("form-section");
        grid.add(l, 0, row, 2, 1);
        return row + 1;
    }

    private static Label factLabel(String key) {
        Label l = new Label(I18n.t(key));
        l.getStyleClass().add("fact-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static int fact(GridPane grid, int row, String key, String value, String id) {
        grid.add(factLabel(key), 0, row);
        Label v = new org.haven.gui.toolkit.WrappingLabel(value);
        v.setWrapText(true);
        if (id != null) v.setId(id);
        grid.add(v, 1, row);
        return row + 1;
    }
}
