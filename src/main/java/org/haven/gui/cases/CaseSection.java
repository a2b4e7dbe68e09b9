package org.haven.gui.cases;

import javafx.scene.Node;
import org.haven.core.cases.CaseDetails;

/**
 * A tab inside the case view, contributed by another feature (e.g. screening). Register it once with
 * {@link CaseWindow#addCaseSection}. {@link #build} runs on the FX thread each time the case loads;
 * do database work with FxTasks and call {@code reload} after a change that affects the case.
 */
public interface CaseSection {
    /** Resource bundle key of the tab title. */
    String titleKey();

    Node build(CaseWindow window, CaseDetails details, Runnable reload);
}
