package org.haven.core.people.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares two names given as folded Latin words (see {@link Romanizer}). Word order is ignored;
 * each word is compared by edit distance, by consonant skeleton ("sokh" ~ "sok", "rtna" ~
 * "ratana") and by a coarse phonetic code ("chaidi" ~ "jaidee"), and names written with
 * or without spaces ("xiaoming" ~ "xiao ming") are compared joined up too.
 */
public final class NameSimilarity {
    /** Similarity given to words with the same consonant skeleton but a larger edit distance. */
    static final double SKELETON_SIM = 0.85;
    /** Similarity given to words that only share the phonetic code. */
    static final double PHONETIC_SIM = 0.75;
    /** Words less similar than this are not paired ("hung" and "long" are different names). */
    static final double MIN_WORD_SIM = 0.6;

    private NameSimilarity() {}

    /** Shortest words whose consonant skeleton or sound code may pair them when both are typed in Latin. */
    static final int MIN_SOUND_LENGTH = 5;
    /** Longest Latin words that may differ by one edit only. */
    static final int MAX_SHORT = 5;
    /** Similarity of an initial to a word it begins ("v" ~ "van"). */
    static final double INITIAL_SIM = 0.7;

    /**
     * How two names compare: similarity 0..1 and what made them similar. {@code wholeName}: every
     * word of the shorter name has a partner and the longer name's extra words are inside it, never
     * its first or last word (a middle name left out: yes; a family name missing, or only a shared
     * given name: no).
     */
    public record Result(double similarity, boolean exact, int editDistance, boolean soundAlike, boolean reordered,
                         int unmatchedWords, boolean wholeName) {
        static final Result NONE = new Result(0, false, 0, false, false, 0, false);
    }

    /** Two names both typed in Latin letters (see {@link #compare(List, List, boolean)}). */
    public static Result compare(List<String> a, List<String> b) {
        return compare(a, b, false);
    }

    /**
     * @param romanized whether either name was romanized from another script: then vowels are
     *                  unreliable and words also pair by consonant skeleton and sound alone; between
     *                  two Latin spellings that only holds for longer words ("Hoa" and "Hue", "Lan" and
     *                  "Linh" are different names)
     */
    public static Result compare(List<String> a, List<String> b, boolean romanized) {
        if (a.isEmpty() || b.isEmpty()) return Result.NONE;
        Result aligned = align(a, b, romanized);
        Result joined = joined(a, b);
        return joined.similarity() > aligned.similarity() ? joined : aligned;
    }

    /** Pairs each word with its most similar partner (each used once), best pairs first. */
    private static Result align(List<String> a, List<String> b, boolean romanized) {
        int n = a.size();
        int m = b.size();
        double[][] sim = new double[n][m];
        int[][] dist = new int[n][m];
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                dist[i][j] = editDistance(a.get(i), b.get(j));
                sim[i][j] = wordSimilarity(a.get(i), b.get(j), dist[i][j], romanized);
                pairs.add(new int[] {i, j});
            }
        }
        pairs.sort((p, q) -> Double.compare(sim[q[0]][q[1]], sim[p[0]][p[1]]));
        boolean[] usedA = new boolean[n];
        boolean[] usedB = new boolean[m];
        double total = 0;
        int edits = 0;
        boolean sound = false;
        int matched = 0;
        int[] partner = new int[n];
        java.util.Arrays.fill(partner, -1);
        for (int[] p : pairs) {
            int i = p[0];
            int j = p[1];
            if (usedA[i] || usedB[j] || sim[i][j] < MIN_WORD_SIM) continue;
            usedA[i] = true;
            usedB[j] = true;
            partner[i] = j;
            total += sim[i][j];
            matched++;
            double editSim = 1.0 - (double) dist[i][j] / Math.max(a.get(i).length(), b.get(j).length());
            if (sim[i][j] > editSim + 1e-9) sound = true;
            edits += dist[i][j];
        }
        // Words missing on one side (a middle name left out) cost half as much as a wrong word.
        double similarity = total / ((n + m) / 2.0);
        boolean reordered = false;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (partner[i] < 0) continue;
            if (partner[i] < last) reordered = true;
            last = partner[i];
        }
        int unmatched = (n - matched) + (m - matched);
        boolean exact = unmatched == 0 && edits == 0 && !sound;
        boolean whole = n <= m ? wholeName(usedA, usedB) : wholeName(usedB, usedA);
        return new Result(Math.min(1.0, similarity), exact, edits, sound, reordered, unmatched, whole);
    }

    /** Every word of the shorter name paired, and the longer name's unpaired words all inside it. */
    private static boolean wholeName(boolean[] shorterUsed, boolean[] longerUsed) {
        for (boolean used : shorterUsed) if (!used) return false;
        return longerUsed[0] && longerUsed[longerUsed.length - 1];
    }

    /** The names with their spaces removed, in order and (for the other name) reversed. */
    private static Result joined(List<String> a, List<String> b) {
        // Only when the words are split differently; same counts are the word alignment's job.
        if (a.size() == b.size()) return Result.NONE;
        String ja = String.join("", a);
        String jb = String.join("", b);
        List<String> rb = new ArrayList<>(b);
        java.util.Collections.reverse(rb);
        String jr = String.join("", rb);
        int d = editDistance(ja, jb);
        int dr = editDistance(ja, jr);
        boolean reversed = dr < d;
        int best = Math.min(d, dr);
        double similarity = (1.0 - (double) best / Math.max(ja.length(), jb.length())) * 0.97;
        return new Result(similarity, false, best, false, reversed && b.size() > 1, 0, true);
    }

    static double wordSimilarity(String x, String y, int distance, boolean romanized) {
        if (x.equals(y)) return 1.0;
        double edit = 1.0 - (double) distance / Math.max(x.length(), y.length());
        double sim = edit;
        if ((x.length() == 1 && y.startsWith(x)) || (y.length() == 1 && x.startsWith(y))) return Math.max(sim, INITIAL_SIM);
        if (!romanized && Math.max(x.length(), y.length()) <= MAX_SHORT) {
            // Short Latin names a letter apart may be a typo; two letters apart they are other names (Wang, Zhang).
            return distance > 1 ? 0 : sim;
        }
        if (!romanized && Math.min(x.length(), y.length()) < MIN_SOUND_LENGTH) return sim;
        String sx = skeleton(x);
        if (!sx.isEmpty() && sx.equals(skeleton(y))) sim = Math.max(sim, SKELETON_SIM);
        else if (phonetic(x).equals(phonetic(y)) && phonetic(x).length() >= 2) sim = Math.max(sim, PHONETIC_SIM);
        return sim;
    }

    /** Consonants only, h dropped after the first letter, doubles collapsed: "chanthou" -> "cnt". */
    public static String skeleton(String word) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') continue;
            if ("aeiouy".indexOf(c) >= 0) continue;
            if (c == 'h' && i > 0) continue;
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) == c) continue;
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * A coarse sound code: consonants grouped by where they are spoken (b p f v / c g j k q s x z /
     * d t / l / m n / r), vowels and h w y ignored, repeats collapsed, at most 4 digits.
     */
    public static String phonetic(String word) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < word.length() && sb.length() < 4; i++) {
            char digit = switch (word.charAt(i)) {
                case 'b', 'p', 'f', 'v' -> '1';
                case 'c', 'g', 'j', 'k', 'q', 's', 'x', 'z' -> '2';
                case 'd', 't' -> '3';
                case 'l' -> '4';
                case 'm', 'n' -> '5';
                case 'r' -> '6';
                default -> 0;
            };
            if (digit == 0) continue;
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) == digit) continue;
            sb.append(digit);
        }
        return sb.toString();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    public static int editDistance(String s, String t) {
        int n = s.length();
        int m = t.length();
        if (n == 0) return m;
        if (m == 0) return n;
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
            }
            int[] tmp = prev2;
            prev2 = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[m];
    }
}
