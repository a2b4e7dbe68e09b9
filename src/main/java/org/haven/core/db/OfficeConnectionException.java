package org.haven.core.db;

import org.haven.core.common.HavenException;

/**
 * Connecting to the office database failed, and why, so the window can say it in the user's language
 * (the message itself is the CLI's English line).
 */
public final class OfficeConnectionException extends HavenException {
    /** What went wrong, in terms a user or IT can act on. */
    public enum Problem { NO_TLS, UNTRUSTED_CERTIFICATE, ACCOUNT_REFUSED, NO_SUCH_DATABASE, UNREACHABLE, OTHER }

    private final Problem problem;

    OfficeConnectionException(Kind kind, Problem problem, String message, Throwable cause) {
        super(kind, message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
