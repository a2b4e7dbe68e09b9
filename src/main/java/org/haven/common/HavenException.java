package org.haven.common;

/**
 * A failure the user can act on. The message is shown as is (CLI stderr, UI dialog), so it must
 * say what went wrong and what to do, and never contain personal data.
 */
public class HavenException extends RuntimeException {
    public enum Kind { BAD_INPUT, DENIED, CONFLICT, NOT_FOUND, FAILURE }

    private final Kind kind;

    public HavenException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public HavenException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
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
