package org.haven.core.matching;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.haven.core.matching.MatchReason.Kind;
import org.haven.core.people.names.NameKeys;
import org.haven.core.people.names.NameSimilarity;

/**
 * The score of one candidate, 0..100: up to 70 points for the name (its similarity 0..1), up to 20
 * for birth (same date 20, within a year 12, same birth year or estimated age 12, one year apart 10,
 * two 5; further apart -20), 10 for the same nationality (-10 for a different one). Unknown values
 * give nothing either way. Pure rules: no database, tested in milliseconds.
 */
public final class MatchScorer {
    /** Below this name similarity a candidate is not reported, whatever else matches. */
    public static final double MIN_NAME_SIMILARITY = 0.6;
    /** Below this score a candidate is not reported. */
    public static final int MIN_SCORE = 40;
    private static final int MAX_TOLD_EDITS = 3;

    private MatchScorer() {}

    /**
     * One side of a comparison.
     * @param ageRecordedOn when the estimated age was recorded (an age grows by a year each year)
     */
    public record Subject(List<NameKeys.Variant> names, LocalDate birthDate, Integer estimatedAge,
                          LocalDate ageRecordedOn, String nationality) {}

    public record Scored(int score, List<MatchReason> reasons, double nameSimilarity) {}

    /**
     * The score and reasons, or null when the names are too far apart to be the same person.
     *
     * <p>Only whole names count: every word of the shorter name must pair with a word of the other,
     * and a word left over may only be a middle name ("Nguyen Lan" ~ "Nguyen Thi Lan"), never the
     * first or last word, where the family name is in either naming order. So a shared given name
     * or a shared family name alone ("Thi Lan" / "Tran Thi Lan", "Somchai" / "Somchai Jaidee",
     * "Mohammed Rahman" / "Mohammed Karim") is not a match, however common it is. Myanmar names have
     * no family name and every word belongs to the name: there no word may be left over at all
     * ("Myint Myint" is not "Myint Myint Aye").
     */
    public static Scored score(Subject query, Subject candidate) {
        boolean noFamilyName = myanmarName(query) || myanmarName(candidate);
        NameSimilarity.Result best = null;
        NameKeys.Variant bestQ = null;
        NameKeys.Variant bestC = null;
        for (NameKeys.Variant q : query.names()) {
            for (NameKeys.Variant c : candidate.names()) {
                NameSimilarity.Result r = NameSimilarity.compare(q.words(), c.words(), q.otherScript() || c.otherScript());
                if (!r.wholeName() || (noFamilyName && r.unmatchedWords() > 0)) continue;
                if (best == null || r.similarity() > best.similarity() + 1e-9
                        || (Math.abs(r.similarity() - best.similarity()) < 1e-9 && r.exact() && !best.exact())) {
                    best = r;
                    bestQ = q;
                    bestC = c;
                }
            }
        }
        if (best == null || best.similarity() < MIN_NAME_SIMILARITY) return null;
        List<MatchReason> reasons = new ArrayList<>();
        nameReasons(best, bestQ, bestC, reasons);
        double points = 70 * best.similarity();
        points += birthPoints(query, candidate, reasons);
        if (query.nationality() != null && candidate.nationality() != null) {
            if (query.nationality().equals(candidate.nationality())) {
                points += 10;
                reasons.add(MatchReason.of(Kind.NATIONALITY_SAME));
            } else {
                points -= 10;
                reasons.add(MatchReason.of(Kind.NATIONALITY_DIFFERENT));
            }
        }
        int score = (int) Math.round(Math.max(0, Math.min(100, points)));
        return score < MIN_SCORE ? null : new Scored(score, List.copyOf(reasons), best.similarity());
    }

    private static void nameReasons(NameSimilarity.Result r, NameKeys.Variant q, NameKeys.Variant c,
                                    List<MatchReason> reasons) {
        boolean crossScript = q.otherScript() != c.otherScript();
        if (r.exact()) {
            if (crossScript) reasons.add(MatchReason.of(Kind.NAME_SCRIPT));
            else if (q.raw().toLowerCase(Locale.ROOT).equals(c.raw().toLowerCase(Locale.ROOT))
                    || sameWordsAnyOrder(q, c)) reasons.add(MatchReason.of(Kind.NAME_SAME));
            else reasons.add(MatchReason.of(Kind.NAME_FOLDED));
        } else {
            if (crossScript) reasons.add(MatchReason.of(Kind.NAME_SCRIPT));
            // A few edits are told as such; beyond that only the sound or skeleton made them match.
            if (r.editDistance() > 0 && r.editDistance() <= MAX_TOLD_EDITS) {
                reasons.add(new MatchReason(Kind.NAME_EDIT, r.editDistance()));
            }
            if (r.soundAlike() && r.editDistance() > 2) reasons.add(MatchReason.of(Kind.NAME_SOUND));
            if (r.unmatchedWords() > 0) reasons.add(MatchReason.of(Kind.NAME_PARTIAL));
        }
        if (r.reordered()) reasons.add(MatchReason.of(Kind.NAME_ORDER));
        if (c.source() == NameKeys.Source.ALIAS) reasons.add(MatchReason.of(Kind.NAME_ALIAS));
    }

    private static boolean sameWordsAnyOrder(NameKeys.Variant q, NameKeys.Variant c) {
        List<String> a = new ArrayList<>(List.of(q.raw().toLowerCase(Locale.ROOT).split("\\s+")));
        List<String> b = new ArrayList<>(List.of(c.raw().toLowerCase(Locale.ROOT).split("\\s+")));
        a.sort(null);
        b.sort(null);
        return a.equals(b);
    }

    private static double birthPoints(Subject q, Subject c, List<MatchReason> reasons) {
        if (q.birthDate() != null && c.birthDate() != null) {
            long days = Math.abs(ChronoUnit.DAYS.between(q.birthDate(), c.birthDate()));
            int years = Math.abs(q.birthDate().getYear() - c.birthDate().getYear());
            if (days == 0) {
                reasons.add(MatchReason.of(Kind.DOB_SAME));
                return 20;
            }
            if (days <= 366) {
                reasons.add(MatchReason.of(Kind.DOB_NEAR));
                return 12;
            }
            if (years <= 2) {
                reasons.add(new MatchReason(Kind.BIRTH_YEAR_NEAR, years));
                return 5;
            }
            reasons.add(MatchReason.of(Kind.BIRTH_FAR));
            return -20;
        }
        Integer qy = birthYear(q);
        Integer cy = birthYear(c);
        if (qy == null || cy == null) return 0;
        int diff = Math.abs(qy - cy);
        if (diff == 0) {
            boolean bothEstimated = q.birthDate() == null && c.birthDate() == null;
            reasons.add(MatchReason.of(bothEstimated ? Kind.AGE_SAME : Kind.BIRTH_YEAR_SAME));
            return 12;
        }
        if (diff <= 2) {
            reasons.add(new MatchReason(Kind.BIRTH_YEAR_NEAR, diff));
            return diff == 1 ? 10 : 5;
        }
        reasons.add(MatchReason.of(Kind.BIRTH_FAR));
        return -20;
    }

    /** A Myanmar national, or a name written in Myanmar script: names without a family name. */
    static boolean myanmarName(Subject s) {
        if ("MM".equals(s.nationality())) return true;
        for (NameKeys.Variant v : s.names()) {
            if (v.raw() != null && v.raw().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.MYANMAR)) {
                return true;
            }
        }
        return false;
    }

    /** The birth year, known or implied by an estimated age and when it was estimated. */
    static Integer birthYear(Subject s) {
        if (s.birthDate() != null) return s.birthDate().getYear();
        if (s.estimatedAge() == null) return null;
        LocalDate on = s.ageRecordedOn() == null ? LocalDate.now() : s.ageRecordedOn();
        return on.getYear() - s.estimatedAge();
    }
}
