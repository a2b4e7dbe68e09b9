package org.haven.core.pdf;

/**
 * The font files a summary draws with, one per script family. Scripts whose letters change shape
 * and order in context (Khmer, Thai, Lao, Myanmar, Bengali) are {@code shaped}: the JDK lays them
 * out, because PDFBox does no OpenType shaping. Chinese uses Droid Sans Fallback (TrueType outlines,
 * which PDFBox can subset; Noto CJK is CFF and cannot be subset).
 */
enum Face {
    LATIN("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", false),
    KHMER("NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf", true),
    THAI("NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", true),
    LAO("NotoSansLao-Regular.ttf", null, true),
    MYANMAR("NotoSansMyanmar-Regular.ttf", null, true),
    BENGALI("NotoSansBengali-Regular.ttf", null, true),
    CJK("DroidSansFallbackFull.ttf", null, false);

    final String regular;
    final String bold;
    final boolean shaped;

    Face(String regular, String bold, boolean shaped) {
        this.regular = regular;
        this.bold = bold;
        this.shaped = shaped;
    }

    String file(boolean wantBold) {
        return wantBold && bold != null ? bold : regular;
    }

    /** The face a letter's script needs; null for spaces, digits and punctuation (they follow their neighbours). */
    static Face of(int codePoint) {
        return switch (Character.UnicodeScript.of(codePoint)) {
            case KHMER -> KHMER;
            case THAI -> THAI;
            case LAO -> LAO;
            case MYANMAR -> MYANMAR;
            case BENGALI -> BENGALI;
            case HAN, HIRAGANA, KATAKANA, HANGUL, BOPOMOFO -> CJK;
            case COMMON, INHERITED, UNKNOWN -> null;
            default -> LATIN;
        };
    }
}
