package org.haven.gui.cases;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseFile;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Case HVN-... created - Open": shown under the menu bar after the form saved a new case, so the
 * user sees that it was saved and reaches it in one click, also when the list's filter hides it.
 * One at a time: a newer case replaces the banner's case.
 */
final class CaseCreatedBanner extends HBox {
    static final String ID = "caseCreatedBanner";
    private final Label text = new Label();
    private final Button open = new Button(I18n.t("case.created.open"), new FontIcon("mdi2o-open-in-new"));
    private CaseFile shown;

    private CaseCreatedBanner(CaseWindow window) {
        super(10);
        setId(ID);
        text.setId("caseCreatedText");
        text.setWrapText(true);
        open.setId("caseCreatedOpen");
        open.getStyleClass().add("accent");
        Button dismiss = new Button(null, new FontIcon("mdi2c-close"));
        dismiss.setId("caseCreatedDismiss");
        dismiss.getStyleClass().add("flat");
        dismiss.setAccessibleText(I18n.t("case.created.dismiss"));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(new FontIcon("mdi2c-check-circle-outline"), text, grow, open, dismiss);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 6, 12));
        setStyle("-fx-background-color: -color-success-subtle; -fx-border-color: -color-success-muted; -fx-border-width: 0 0 1 0;");
        open.setOnAction(e -> {
            window.openCase(shown.id());
            remove();
        });
        dismiss.setOnAction(e -> remove());
    }

    static void show(CaseWindow window, CaseFile saved) {
        Node existing = window.root().lookup("#" + ID);
        CaseCreatedBanner banner = existing instanceof CaseCreatedBanner b ? b : new CaseCreatedBanner(window);
        banner.shown = saved;
        banner.text.setText(I18n.t("case.created.text", saved.caseNumber()));
        if (existing == null) window.addBanner(banner);
        banner.open.requestFocus();
    }

    private void remove() {
        if (getParent() instanceof Pane parent) parent.getChildren().remove(this);
    }
}
