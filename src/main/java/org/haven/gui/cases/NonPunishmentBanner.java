package org.haven.gui.cases;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import org.haven.gui.toolkit.I18n;
import org.haven.core.cases.CaseDetails;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The warning a case view shows when a SUSPECT was screened as a presumed victim (non-punishment
 * principle). Returns null when the case has no such flag, so the caller adds it only when needed.
 */
public final class NonPunishmentBanner {
    private NonPunishmentBanner() {}

    public static Label forCase(CaseDetails details) {
        if (details == null || !details.nonPunishmentFlag()) return null;
        Label banner = new org.haven.gui.toolkit.WrappingLabel(I18n.t("screening.nonPunishment"), new FontIcon("mdi2a-alert"));
        banner.setId("nonPunishmentBanner");
        banner.setWrapText(true);
        banner.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
        return banner;
    }
}
