package org.haven.gui.cases;

import java.util.EnumSet;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseStatus;

/**
 * The case list's status filter: any number of statuses ticked (none ticked: every status). Its
 * button says what is chosen in a few words ("All statuses", one status's name, "3 statuses"), so
 * it stays readable at the width of a small laptop screen.
 */
final class StatusFilterBox extends CheckComboBox<CaseStatus> {
    StatusFilterBox() {
        super(FXCollections.observableArrayList(CaseStatus.values()));
        setId("statusFilter");
        setConverter(new StringConverter<>() {
            @Override
            public String toString(CaseStatus s) {
                return s == null ? "" : I18n.label(s);
            }

            @Override
            public CaseStatus fromString(String text) {
                return null;
            }
        });
        getCheckModel().getCheckedItems().addListener((ListChangeListener<CaseStatus>) c -> showChoice());
        showChoice();
    }

    /** The ticked statuses; empty when none is ticked (every status). */
    Set<CaseStatus> value() {
        Set<CaseStatus> chosen = EnumSet.noneOf(CaseStatus.class);
        chosen.addAll(getCheckModel().getCheckedItems());
        return chosen;
    }

    void onChange(Runnable action) {
        getCheckModel().getCheckedItems().addListener((ListChangeListener<CaseStatus>) c -> action.run());
    }

    private void showChoice() {
        var checked = getCheckModel().getCheckedItems();
        setTitle(checked.isEmpty() ? I18n.t("cases.filter.allStatuses")
                : checked.size() == 1 ? I18n.label(checked.getFirst())
                : I18n.t("cases.filter.someStatuses", checked.size()));
    }
}
