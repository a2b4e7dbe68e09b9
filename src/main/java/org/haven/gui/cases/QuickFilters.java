package org.haven.gui.cases;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseQuery;

/**
 * The case list's quick filters, one click each: "My cases" or "Unassigned" (one or the other, or
 * neither) and "Open". They narrow whatever the search box and the other filters show.
 */
final class QuickFilters {
    private final ToggleButton mine = button("quickMine", "cases.quick.mine", Styles.LEFT_PILL);
    private final ToggleButton unassigned = button("quickUnassigned", "cases.quick.unassigned", Styles.RIGHT_PILL);
    private final ToggleButton open = button("quickOpen", "cases.quick.open", null);
    private final HBox node;

    QuickFilters() {
        ToggleGroup whose = new ToggleGroup(); // mine and unassigned exclude each other; clicking again clears
        mine.setToggleGroup(whose);
        unassigned.setToggleGroup(whose);
        Label label = new Label(I18n.t("cases.quick.label"));
        label.getStyleClass().add("text-muted");
        HBox whoseBox = new HBox(0, mine, unassigned);
        node = new HBox(8, label, whoseBox, open);
        node.setAlignment(Pos.CENTER_LEFT);
        node.getStyleClass().add("quick-filters");
        node.setStyle("-fx-padding: 0 12 8 12;");
    }

    Node node() {
        return node;
    }

    CaseQuery.Quick value() {
        return new CaseQuery.Quick(mine.isSelected(), unassigned.isSelected(), open.isSelected());
    }

    void onChange(Runnable action) {
        for (ToggleButton b : new ToggleButton[] {mine, unassigned, open}) {
            b.selectedProperty().addListener((o, was, is) -> action.run());
        }
    }

    private static ToggleButton button(String id, String key, String pill) {
        ToggleButton b = new ToggleButton(I18n.t(key));
        b.setId(id);
        if (pill != null) b.getStyleClass().add(pill);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }
}
