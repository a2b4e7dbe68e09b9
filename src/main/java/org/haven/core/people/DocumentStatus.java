package org.haven.core.people;

import java.util.Locale;

/** Where the person's identity document is. */
public enum DocumentStatus {
    NONE, HELD, CONFISCATED, LOST, WITH_POLICE, WITH_EMBASSY, UNKNOWN;

    /** A document number is only meaningful when a document exists somewhere. */
    public boolean mayHaveNumber() {
        return this != NONE;
    }

    public static DocumentStatus parse(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return switch (t) {
            case "NONE", "NO", "NO_DOCUMENT" -> NONE;
            case "HELD", "HELD_BY_PERSON", "WITH_PERSON" -> HELD;
            case "CONFISCATED", "TAKEN" -> CONFISCATED;
            case "LOST" -> LOST;
            case "WITH_POLICE", "POLICE" -> WITH_POLICE;
            case "WITH_EMBASSY", "EMBASSY" -> WITH_EMBASSY;
            case "UNKNOWN", "NOT_KNOWN", "?" -> UNKNOWN;
            default -> null;
        };
    }
}
