package org.haven.gui.cases;

import java.util.EnumMap;
import java.util.Map;
import org.haven.core.timeline.EventType;
import org.kordamp.ikonli.javafx.FontIcon;

/** Each timeline event type's icon and colour (one place, so the timeline and other views agree). */
public final class EventStyle {
    private record Style(String icon, String color) {}

    private static final Map<EventType, Style> STYLES = new EnumMap<>(EventType.class);

    static {
        STYLES.put(EventType.IDENTIFICATION, new Style("mdi2a-account-search", "#0969da"));
        STYLES.put(EventType.SCREENING, new Style("mdi2c-clipboard-check-outline", "#8250df"));
        STYLES.put(EventType.SHELTER_ADMISSION, new Style("mdi2h-home-import-outline", "#1a7f37"));
        STYLES.put(EventType.SHELTER_EXIT, new Style("mdi2h-home-export-outline", "#4d7c0f"));
        STYLES.put(EventType.MEDICAL, new Style("mdi2m-medical-bag", "#cf222e"));
        STYLES.put(EventType.PSYCHOSOCIAL, new Style("mdi2h-head-heart-outline", "#bf3989"));
        STYLES.put(EventType.LEGAL_AID, new Style("mdi2s-scale-balance", "#9a6700"));
        STYLES.put(EventType.POLICE_STATEMENT, new Style("mdi2p-police-badge-outline", "#1f4e9c"));
        STYLES.put(EventType.COURT_HEARING, new Style("mdi2g-gavel", "#7d4e00"));
        STYLES.put(EventType.EMBASSY_CONTACT, new Style("mdi2b-bank-outline", "#0a7b83"));
        STYLES.put(EventType.TRAVEL_DOCUMENT_ISSUED, new Style("mdi2p-passport", "#0e7490"));
        STYLES.put(EventType.REPATRIATION, new Style("mdi2a-airplane-landing", "#2da44e"));
        STYLES.put(EventType.DEPORTATION, new Style("mdi2a-airplane-alert", "#bc4c00"));
        STYLES.put(EventType.FAMILY_REUNIFICATION, new Style("mdi2h-human-male-female-child", "#6639ba"));
        STYLES.put(EventType.FOLLOW_UP, new Style("mdi2p-phone-outline", "#57606a"));
        STYLES.put(EventType.NOTE, new Style("mdi2n-note-text-outline", "#6e7781"));
        STYLES.put(EventType.STATUS_CHANGE, new Style("mdi2s-swap-horizontal", "#24292f"));
    }

    private EventStyle() {}

    public static String color(EventType type) {
        return STYLES.get(type).color();
    }

    /** A new white icon for the type, to sit on a circle of {@link #color}. */
    public static FontIcon icon(EventType type) {
        FontIcon icon = new FontIcon(STYLES.get(type).icon());
        icon.setIconSize(16);
        return icon;
    }
}
