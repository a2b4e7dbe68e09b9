package org.haven.core.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field -> message pairs from a domain validator; shown inline in forms and per row in imports. A
 * rule added with its bundle key ({@link #add(String, String, String, Object...)}) is said by the
 * window in the user's language ({@link #key}, {@link #args}); its English wording is what the CLI,
 * imports and the log show (ADR 13).
 */
public final class ValidationErrors {
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Map<String, Object[]> args = new LinkedHashMap<>();

    /** An error in English only (the window shows it as it is). */
    public void add(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    /** An error named by its bundle key with plain arguments (numbers, never personal data), and its English wording. */
    public void add(String field, String key, String english, Object... arguments) {
        if (errors.containsKey(field)) return;
        errors.put(field, english);
        keys.put(field, key);
        args.put(field, arguments.clone());
    }

    /** Adds the other's errors (with their keys) for the fields that have none yet. */
    public void addAll(ValidationErrors other) {
        other.errors.forEach((field, message) -> {
            String key = other.keys.get(field);
            if (key == null) add(field, message);
            else add(field, key, message, other.args(field));
        });
    }

    /** The bundle key of the field's error, or null (no error, or one given in English only). */
    public String key(String field) {
        return keys.get(field);
    }

    /** The arguments of the field's error key. */
    public Object[] args(String field) {
        Object[] a = args.get(field);
        return a == null ? new Object[0] : a.clone();
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
