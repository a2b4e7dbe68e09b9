package org.haven.gui.toolkit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.haven.core.Haven;

/**
 * The main window as a feature's screens see it: where they add pages, menus, banners and status,
 * and what they ask of it. The shell's MainWindow is the one implementation; features depend on
 * this interface, not on the shell, so the shell (which installs them) and they form no circle.
 */
public interface AppWindow {
    Parent root();

    Haven haven();

    Stage stage();

    HavenMenuBar menus();

    /** Shows a page in its own closable tab and selects it. Showing the same node again just selects its tab. */
    Tab showPage(String title, Node page);

    /** Closes the tab that shows this page, if any. */
    void closePage(Node page);

    /** Opens the case's view in a tab (or selects it when it is already open). */
    void openCase(UUID caseId);

    /** How to import a list of people (the intake feature offers it; empty for a user who may not). */
    Optional<Runnable> importList();

    void setImportList(Runnable action);

    /** Adds a banner under the menu bar (e.g. the backup reminder). */
    void addBanner(Node banner);

    /** The cases selected in the case list, or the open case when its tab is in front. */
    List<UUID> selectedCaseIds();

    /** Something changed cases: reload the list and the open case views. */
    void casesChanged();

    /** Selects the case list and puts the cursor into its search field (Ctrl+F). */
    void focusSearch();

    /** Quit (Ctrl+Q): after the same confirmation as log out when pages are open. */
    void quit();

    void logout();

    /** Work to stop when this user's session ends (quit or log out), e.g. the auto-lock timer. */
    void onSessionEnd(Runnable action);

    /** Ends the session and closes the database. */
    void close();

    /** Adds {@code node} to the status bar, after the user's name (a feature's state line: sync on a laptop). */
    void addStatus(Node node);
}
