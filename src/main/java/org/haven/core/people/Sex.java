package org.haven.core.people;

/** Values as HTCDS prs_Gender: Male, Female, Transgender/NonConforming, Unknown. */
public enum Sex {
    MALE("Male"), FEMALE("Female"), TRANSGENDER_NONCONFORMING("Transgender/NonConforming"), UNKNOWN("Unknown");

    private final String htcds;

    Sex(String htcds) {
        this.htcds = htcds;
    }

    public String htcds() {
        return htcds;
    }

    /** Accepts the enum name, the HTCDS value or a common short form (m, f, x, u). */
    public static Sex parse(String text) {
        if (text == null) return null;
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "m", "male", "man", "boy" -> MALE;
            case "f", "female", "woman", "girl" -> FEMALE;
            case "x", "t", "transgender", "nonconforming", "transgender/nonconforming", "transgender_nonconforming", "other" -> TRANSGENDER_NONCONFORMING;
            case "u", "unknown", "?" -> UNKNOWN;
            default -> null;
        };
    }
}
