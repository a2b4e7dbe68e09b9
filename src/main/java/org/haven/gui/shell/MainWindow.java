package org.haven.gui.shell;

import org.haven.gui.toolkit.Dialogs;
import org.haven.gui.toolkit.DiscardGuard;
import org.haven.gui.toolkit.HavenMenuBar;
import org.haven.gui.toolkit.I18n;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.haven.core.Haven;
import org.haven.gui.cases.CaseListPage;
import org.haven.gui.cases.CaseSection;
import org.haven.gui.cases.CaseView;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: the menu bar and pages in tabs. The case list is the first tab and never closes.
 *
 * <p>Extension API for features:
 * <ul>
 *   <li>{@link #menus()}: add menu items (wire them in {@link Features#install}).</li>
 *   <li>{@link #showPage(String, Node)}: show any page in its own closable tab (Esc closes it).</li>
 *   <li>{@link #openCase(UUID)}: open a case's view (reuses an open tab).</li>
 *   <li>{@link #addCaseSection(CaseSection)}: a tab inside every case view (e.g. screening).</li>
 *   <li>{@link #casesChanged()}: call after writing cases so the list and open views reload.</li>
 *   <li>{@link #haven()}: the services; run their calls with {@link FxTasks}.</li>
 * </ul>
 */
public final class MainWindow implements org.haven.gui.cases.CaseWindow {
    private final Haven haven;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final javafx.scene.layout.VBox top = new javafx.scene.layout.VBox();
    private final TabPane tabs = new TabPane();
    private final HavenMenuBar menus = new HavenMenuBar();
    private final CaseListPage caseList;
    private final List<CaseSection> caseSections = new ArrayList<>();
    private Runnable quit = () -> {};
    private Runnable logout = () -> {};
    private final List<Runnable> sessionEndActions = new ArrayList<>();
    private org.haven.gui.cases.NewCaseGate newCaseGate = org.haven.gui.cases.NewCaseGate.REGISTER;
    private boolean closed;

    public MainWindow(Haven haven, Stage stage) {
        this.haven = haven;
        this.stage = stage;
        tabs.setId("pages");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        caseList = new CaseListPage(this);
        Tab casesTab = new Tab(I18n.t("cases.list.title"), caseList.root());
        casesTab.setId("tab-cases");
        casesTab.setClosable(false);
        casesTab.setGraphic(new FontIcon("mdi2f-folder-account-outline"));
        tabs.getTabs().add(casesTab);
        top.getChildren().add(menus.node());
        root.setTop(top);
        root.setCenter(tabs);
        root.setBottom(statusBar());
        root.getStyleClass().add("main-window");
        Features.install(this);
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene == null) return;
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), this::closeCurrentPage);
        });
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public Haven haven() {
        return haven;
    }

    @Override
    public Stage stage() {
        return stage;
    }

    @Override
    public HavenMenuBar menus() {
        return menus;
    }

    @Override
    public CaseListPage caseList() {
        return caseList;
    }

    /** Shows a page in its own closable tab and selects it. Showing the same node again just selects its tab. */
    @Override
    public Tab showPage(String title, Node page) {
        for (Tab t : tabs.getTabs()) {
            if (t.getContent() == page) {
                tabs.getSelectionModel().select(t);
                return t;
            }
        }
        Tab tab = new Tab(title, page);
        tab.setOnCloseRequest(e -> {
            if (DiscardGuard.hasUnsaved(tab.getContent()) && !DiscardGuard.confirmDiscard(stage)) e.consume();
        });
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        return tab;
    }

    /** Closes the tab that shows this page, if any. */
    @Override
    public void closePage(Node page) {
        tabs.getTabs().removeIf(t -> t.getContent() == page && t.isClosable());
    }

    /** Opens the case's view in a tab (or selects it when it is already open). */
    @Override
    public void openCase(UUID caseId) {
        for (Tab t : tabs.getTabs()) {
            if (caseId.equals(t.getUserData())) {
                tabs.getSelectionModel().select(t);
                ((CaseView) t.getProperties().get(CaseView.class)).reload();
                return;
            }
        }
        CaseView view = new CaseView(this, caseId);
        Tab tab = showPage(I18n.t("case.loading"), view.root());
        tab.setUserData(caseId);
        tab.getProperties().put(CaseView.class, view);
        tab.setGraphic(new FontIcon("mdi2a-account-details-outline"));
        tab.textProperty().bind(view.titleProperty());
    }

    private Runnable importList;

    /** How to import a list of people (the intake feature offers it; empty for a user who may not). */
    @Override
    public java.util.Optional<Runnable> importList() {
        return java.util.Optional.ofNullable(importList);
    }

    @Override
    public void setImportList(Runnable action) {
        importList = action;
    }

    /** What saving a new case does (duplicate detection plugs in here). */
    @Override
    public org.haven.gui.cases.NewCaseGate newCaseGate() {
        return newCaseGate;
    }

    @Override
    public void setNewCaseGate(org.haven.gui.cases.NewCaseGate gate) {
        this.newCaseGate = gate;
    }

    /** Adds a banner under the menu bar (e.g. the backup reminder). */
    @Override
    public void addBanner(Node banner) {
        top.getChildren().add(banner);
    }

    /**
     * The cases an action applies to: the case of the selected case tab, or else the rows selected
     * in the case list.
     */
    @Override
    public List<UUID> selectedCaseIds() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected != null && selected.getUserData() instanceof UUID caseId) return List.of(caseId);
        return caseList.selectedCaseIds();
    }

    /** Adds a tab to every case view opened from now on (e.g. screening). */
    @Override
    public void addCaseSection(CaseSection section) {
        caseSections.add(section);
    }

    @Override
    public List<CaseSection> caseSections() {
        return List.copyOf(caseSections);
    }

    /** Something changed cases: reload the list and the open case views. */
    @Override
    public void casesChanged() {
        caseList.refresh();
        for (Tab t : tabs.getTabs()) {
            Object view = t.getProperties().get(CaseView.class);
            if (view instanceof CaseView cv) cv.reload();
        }
    }

    /** Selects the case list and puts the cursor into its search field (Ctrl+F). */
    @Override
    public void focusSearch() {
        tabs.getSelectionModel().select(0);
        caseList.focusSearch();
    }

    /** Quit (Ctrl+Q): after the same confirmation as log out when pages are open. */
    @Override
    public void quit() {
        if (mayEndSession("quit.menu", "quit.confirm")) quit.run();
    }

    void onQuit(Runnable action) {
        this.quit = action;
    }

    /**
     * Log out (Cases menu): after a confirmation when pages other than the case list are open
     * (their unsaved input would be lost), hands over to the application, which closes the
     * database and shows the login screen.
     */
    @Override
    public void logout() {
        if (mayEndSession("logout.menu", "logout.confirm")) logout.run();
    }

    /**
     * True when nothing is open but the case list, or the user confirms closing the open pages (a
     * form's unsaved input would be lost). Log out, Quit and closing the window all ask this.
     */
    boolean mayEndSession(String titleKey, String messageKey) {
        int openPages = tabs.getTabs().size() - 1;
        if (openPages == 0) return true;
        javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                I18n.t(messageKey, openPages), javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        confirm.setTitle(I18n.t(titleKey));
        confirm.setHeaderText(null);
        Dialogs.prepare(confirm, stage);
        return confirm.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL) == javafx.scene.control.ButtonType.OK;
    }

    void onLogout(Runnable action) {
        this.logout = action;
    }

    /** Work to stop when this user's session ends (quit or log out), e.g. the auto-lock timer. */
    @Override
    public void onSessionEnd(Runnable action) {
        if (closed) {
            action.run(); // installed late, after a quick log out
            return;
        }
        sessionEndActions.add(action);
    }

    /**
     * Ends the session in this window, once: runs the session-end actions, closes the other windows
     * (dialogs, summaries) and disables the window's content. The database is left to the caller.
     */
    void endSession() {
        if (closed) return;
        closed = true;
        for (Runnable action : sessionEndActions) action.run();
        for (javafx.stage.Window w : new ArrayList<>(javafx.stage.Window.getWindows())) {
            if (w != stage && w instanceof Stage other) other.close();
        }
        root.setDisable(true);
    }

    /** Ends the session and closes the database. The window's close request and Ctrl+Q both end here. */
    @Override
    public void close() {
        endSession();
        haven.close();
    }

    private void closeCurrentPage() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null && tab.isClosable()) {
            // A page with typed input not saved yet (a screening) is closed only when the user says so.
            if (DiscardGuard.hasUnsaved(tab.getContent()) && !DiscardGuard.confirmDiscard(stage)) return;
            tabs.getTabs().remove(tab);
        }
    }

    private HBox statusBar;

    private Node statusBar() {
        Label user = new Label(I18n.t("status.user", haven.user().username()), new FontIcon("mdi2a-account-circle-outline"));
        Label home = new Label(I18n.t("status.home", haven.database().isOffice()
                ? haven.database().office().display() : haven.database().home().toString()));
        home.getStyleClass().add("text-muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(12, user, grow, home);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        statusBar = bar;
        return bar;
    }

    /** Adds {@code node} to the status bar, after the user's name (a feature's state line: sync on a laptop). */
    @Override
    public void addStatus(Node node) {
        statusBar.getChildren().add(1, node);
    }
}
