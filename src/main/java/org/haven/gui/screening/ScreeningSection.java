package org.haven.gui.screening;

import org.haven.gui.cases.CaseWindow;

import javafx.scene.Node;
import org.haven.core.cases.CaseDetails;
import org.haven.gui.cases.CaseSection;

/** The Screening tab of the case view. */
public final class ScreeningSection implements CaseSection {
    @Override
    public String titleKey() {
        return "screening.tab";
    }

    @Override
    public Node build(CaseWindow window, CaseDetails details, Runnable reload) {
        ScreeningForm form = new ScreeningForm(window.haven(), details.caseFile().id());
        form.setOnSaved(saved -> reload.run());
        form.setReadOnly(details.caseFile().status() == org.haven.core.cases.CaseStatus.CLOSED);
        return form;
    }

    public static void install(CaseWindow window) {
        window.addCaseSection(new ScreeningSection());
    }
}
