package org.haven.architecture;

import com.tngtech.archunit.library.freeze.ViolationLineMatcher;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frozen rules (archunit_store) remember which classes broke a rule, not which lines or methods: a
 * class on the list may be reworked (a method split or renamed) without counting as a new offender;
 * a class not on it may not start. A cycle between feature slices is remembered by its path of slices
 * ("Cycle detected: cases -> operations -> cases"), not by the calls that make it up, which change
 * with every edit.
 */
public final class SameClassLineMatcher implements ViolationLineMatcher {
    private static final Pattern ORIGIN = Pattern.compile("^\\w+ <([\\w.$]+?)(?:\\.[\\w<>$]+\\(.*?\\))?>");

    @Override
    public boolean matches(String lineFromFirstViolation, String lineFromSecondViolation) {
        if (lineFromFirstViolation.startsWith(CYCLE) || lineFromSecondViolation.startsWith(CYCLE)) {
            return cyclePath(lineFromFirstViolation).equals(cyclePath(lineFromSecondViolation));
        }
        return originClass(lineFromFirstViolation).equals(originClass(lineFromSecondViolation));
    }

    private static final String CYCLE = "Cycle detected:";

    /** "Cycle detected: a -> b -> a" with the whitespace and the dependency details dropped. */
    static String cyclePath(String violation) {
        int details = violation.indexOf("1. Dependencies of");
        return (details < 0 ? violation : violation.substring(0, details)).replaceAll("\\s+", " ").strip();
    }

    static String originClass(String line) {
        Matcher m = ORIGIN.matcher(line);
        if (!m.find()) return line;
        String name = m.group(1);
        int inner = name.indexOf('$');
        return inner < 0 ? name : name.substring(0, inner);
    }
}
