package org.haven.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field -> message pairs from a domain validator; shown inline in forms and per row in imports. */
public final class ValidationErrors {
    private final Map<String, String> errors = new LinkedHashMap<>();

    public void add(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(errors);
    }

    public String get(String field) {
        return errors.get(field);
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        errors.forEach((field, message) -> lines.add(field + ": " + message));
        return lines;
    }

    /** Throws a BAD_INPUT exception listing every field, if any error was found. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(this);
        }
    }

    public static final class InvalidInputException extends HavenException {
        private final ValidationErrors errors;

        InvalidInputException(ValidationErrors errors) {
            super(Kind.BAD_INPUT, "Invalid input: " + String.join("; ", errors.lines()));
            this.errors = errors;
        }

        public ValidationErrors errors() {
            return errors;
        }
    }
}
