package org.haven.core.matching;

/**
 * Why a candidate matched. Carries a kind and at most a small number (an edit distance, a number
 * of years), never a name, date or other personal value, so a reason is safe anywhere.
 * The UI shows {@code match.reason.<KIND>} from the resource bundle; the CLI shows {@link #text()}.
 */
public record MatchReason(Kind kind, int n) {
    public enum Kind {
        NAME_SAME("same name"),
        NAME_FOLDED("same name ignoring case and accents"),
        NAME_SCRIPT("name matches across scripts"),
        NAME_EDIT("name ~ (edit distance %d)"),
        NAME_SOUND("names sound alike"),
        NAME_ORDER("names in a different order"),
        NAME_PARTIAL("some name words missing"),
        NAME_ALIAS("matches an alias"),
        DOB_SAME("same date of birth"),
        DOB_NEAR("dates of birth within a year"),
        BIRTH_YEAR_SAME("same birth year"),
        AGE_SAME("same estimated age"),
        BIRTH_YEAR_NEAR("birth year within %d"),
        BIRTH_FAR("birth years differ by more than 2"),
        NATIONALITY_SAME("same nationality"),
        NATIONALITY_DIFFERENT("different nationality");

        private final String english;

        Kind(String english) {
            this.english = english;
        }
    }

    public static MatchReason of(Kind kind) {
        return new MatchReason(kind, 0);
    }

    /** English text, as the CLI prints it. */
    public String text() {
        return kind.english.contains("%d") ? String.format(kind.english, n) : kind.english;
    }

    /** Whether this reason speaks against the match (shown differently). */
    public boolean against() {
        return kind == Kind.BIRTH_FAR || kind == Kind.NATIONALITY_DIFFERENT;
    }
}
