package org.haven.core.screening;

import java.util.Map;

/**
 * Suggests a determination from the eleven answers (the rule is explained in docs/screening.md):
 * <ul>
 *   <li>PRESUMED_VICTIM when at least one STRONG indicator is YES, or at least two MEDIUM ones are;</li>
 *   <li>NOT_A_VICTIM only when every indicator was answered NO;</li>
 *   <li>UNDETERMINED otherwise: a single MEDIUM indicator, or any UNKNOWN left without enough YES.</li>
 * </ul>
 * The threshold is deliberately low: a presumption only opens protection and assistance (and the
 * non-punishment principle), while a wrong "not a victim" can send a victim to prison or deportation.
 * A missing answer counts as UNKNOWN.
 */
public final class DeterminationRule {
    public static final int MEDIUM_YES_NEEDED = 2;

    private DeterminationRule() {}

    public static Determination suggest(Map<Indicator, Answer> answers) {
        int strongYes = 0;
        int mediumYes = 0;
        int no = 0;
        for (Indicator indicator : Indicator.values()) {
            Answer a = answers.getOrDefault(indicator, Answer.UNKNOWN);
            if (a == null) a = Answer.UNKNOWN;
            switch (a) {
                case YES -> {
                    if (indicator.strength() == Indicator.Strength.STRONG) strongYes++;
                    else mediumYes++;
                }
                case NO -> no++;
                case UNKNOWN -> { }
            }
        }
        if (strongYes >= 1 || mediumYes >= MEDIUM_YES_NEEDED) return Determination.PRESUMED_VICTIM;
        if (no == Indicator.values().length) return Determination.NOT_A_VICTIM;
        return Determination.UNDETERMINED;
    }
}
