package org.haven.core.common;

/**
 * A failure the user can act on. The message must say what went wrong and what to do, and never
 * contain personal data. Made from a message key ({@link #of}), it carries the key and its arguments
 * so that each edge says it in its own language (ADR 13): the window in the user's, the CLI and the
 * log in English ({@link #getMessage()}). Older throw sites still give an English sentence only.
 */
public class HavenException extends RuntimeException {
    public enum Kind { BAD_INPUT, DENIED, CONFLICT, NOT_FOUND, FAILURE }

    private final Kind kind;
    private final String key;
    private final Object[] args;

    public HavenException(Kind kind, String message) {
        this(kind, message, (Throwable) null);
    }

    public HavenException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.key = null;
        this.args = new Object[0];
    }

    /** From a key (for subclasses; others use {@link #of}). */
    protected HavenException(Kind kind, String key, Object[] args, Throwable cause) {
        super(Messages.english().t(key, args), cause);
        this.kind = kind;
        this.key = key;
        this.args = args.clone();
    }

    /** A failure whose text is the bundles' {@code key} with {@code args} (plain values: numbers, codes, never personal data). */
    public static HavenException of(Kind kind, String key, Object... args) {
        return new HavenException(kind, key, args, null);
    }

    /** As {@link #of(Kind, String, Object...)}, caused by {@code cause} (kept for the log, never shown). */
    public static HavenException of(Kind kind, Throwable cause, String key, Object... args) {
        return new HavenException(kind, key, args, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The message key, or null for a failure made from an English sentence. */
    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    public static HavenException badInput(String message) {
        return new HavenException(Kind.BAD_INPUT, message);
    }

    public static HavenException denied(String message) {
        return new HavenException(Kind.DENIED, message);
    }

    public static HavenException notFound(String message) {
        return new HavenException(Kind.NOT_FOUND, message);
    }

    public static HavenException conflict(String message) {
        return new HavenException(Kind.CONFLICT, message);
    }
}
