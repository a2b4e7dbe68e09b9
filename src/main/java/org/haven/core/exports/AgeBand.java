package org.haven.core.exports;

/**
 * Age at identification in bands (the exact age or date of birth is never exported). The fine
 * bands follow the export brief; {@link #wide()} is the next generalization step for rare groups.
 */
public enum AgeBand {
    A0_8("0-8", 0, 8), A9_17("9-17", 9, 17), A18_20("18-20", 18, 20), A21_23("21-23", 21, 23),
    A24_26("24-26", 24, 26), A27_29("27-29", 27, 29), A30_38("30-38", 30, 38), A39_47("39-47", 39, 47),
    A48_PLUS("48+", 48, Integer.MAX_VALUE), UNKNOWN("Unknown", -1, -1);

    private final String label;
    private final int from;
    private final int to;

    AgeBand(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    /** The band for an age in whole years; null or negative ages are Unknown. */
    public static AgeBand of(Integer age) {
        if (age == null || age < 0) return UNKNOWN;
        for (AgeBand b : values()) {
            if (b != UNKNOWN && age >= b.from && age <= b.to) return b;
        }
        return UNKNOWN;
    }

    public String label() {
        return label;
    }

    /** The wider band this one falls in: 0-17, 18-29, 30-47, 48+ (Unknown stays Unknown). */
    public String wide() {
        return switch (this) {
            case A0_8, A9_17 -> "0-17";
            case A18_20, A21_23, A24_26, A27_29 -> "18-29";
            case A30_38, A39_47 -> "30-47";
            case A48_PLUS -> "48+";
            case UNKNOWN -> "Unknown";
        };
    }

    /** True for the bands of children (under 18). */
    public boolean isChild() {
        return this == A0_8 || this == A9_17;
    }
}
