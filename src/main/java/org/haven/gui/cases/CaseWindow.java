package org.haven.gui.cases;

import java.util.List;
import org.haven.gui.toolkit.AppWindow;

/**
 * The main window as the case screens and the features that extend them see it: the case list, the
 * sections every case view shows (screening, trafficking details), and what saving a new case does.
 */
public interface CaseWindow extends AppWindow {
    CaseListPage caseList();

    /** What saving a new case does (duplicate detection plugs in here). */
    NewCaseGate newCaseGate();

    void setNewCaseGate(NewCaseGate gate);

    /** Adds a tab to every case view opened from now on (e.g. screening). */
    void addCaseSection(CaseSection section);

    List<CaseSection> caseSections();
}
