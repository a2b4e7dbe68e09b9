package org.haven.architecture;

import com.tngtech.archunit.library.freeze.ViolationLineMatcher;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frozen rules (archunit_store) remember which classes broke a rule, not which lines or methods: a
 * class on the list may be reworked (a method split or renamed) without counting as a new offender;
 * a class not on it may not start.
 */
public final class SameClassLineMatcher implements ViolationLineMatcher {
    private static final Pattern ORIGIN = Pattern.compile("^\\w+ <([\\w.$]+?)(?:\\.[\\w<>$]+\\(.*?\\))?>");

    @Override
    public boolean matches(String lineFromFirstViolation, String lineFromSecondViolation) {
        return originClass(lineFromFirstViolation).equals(originClass(lineFromSecondViolation));
    }

    static String originClass(String line) {
        Matcher m = ORIGIN.matcher(line);
        if (!m.find()) return line;
        String name = m.group(1);
        int inner = name.indexOf('$');
        return inner < 0 ? name : name.substring(0, inner);
    }
}
