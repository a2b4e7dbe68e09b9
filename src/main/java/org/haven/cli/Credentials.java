package org.haven.cli;

import java.io.Console;
import org.haven.core.common.HavenException;

/** Who runs a command: HAVEN_USER / HAVEN_PASSWORD, or asked on the terminal without echo. */
final class Credentials {
    private Credentials() {}

    static String user() {
        String user = System.getenv("HAVEN_USER");
        if (user != null && !user.isBlank()) return user.trim();
        Console console = System.console();
        if (console == null) {
            throw HavenException.of(HavenException.Kind.DENIED, "error.cli.noUserTerminal");
        }
        String typed = console.readLine("Haven user: ");
        if (typed == null || typed.isBlank()) throw HavenException.of(HavenException.Kind.DENIED, "error.cli.noUser");
        return typed.trim();
    }

    static char[] password() {
        return secret("HAVEN_PASSWORD", "Password: ");
    }

    static char[] newPassword() {
        return confirmedSecret("New user's password: ");
    }

    /** A new password: from HAVEN_NEW_PASSWORD, or typed twice on the terminal (a typo would lock someone out). */
    static char[] confirmedSecret(String prompt) {
        String value = System.getenv("HAVEN_NEW_PASSWORD");
        if (value != null && !value.isEmpty()) return value.toCharArray();
        char[] first = secret("HAVEN_NEW_PASSWORD", prompt);
        char[] again = secret("HAVEN_NEW_PASSWORD", "Repeat it: ");
        if (!java.util.Arrays.equals(first, again)) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.passwordsDifferUnchanged");
        java.util.Arrays.fill(again, '\0');
        return first;
    }

    /** The password of an encrypted export: HAVEN_EXPORT_PASSWORD, or typed twice (never a command-line argument). */
    static char[] exportPassword() {
        String value = System.getenv("HAVEN_EXPORT_PASSWORD");
        if (value != null && !value.isEmpty()) return value.toCharArray();
        Console console = System.console();
        if (console == null) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.noFilePasswordTerminal");
        }
        char[] first = console.readPassword("Password for the file: ");
        char[] again = console.readPassword("Repeat it: ");
        if (first == null || first.length == 0) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.noFilePassword");
        if (!java.util.Arrays.equals(first, again)) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.passwordsDifferUnwritten");
        java.util.Arrays.fill(again, '\0');
        return first;
    }

    static char[] secret(String variable, String prompt) {
        String value = System.getenv(variable);
        if (value != null && !value.isEmpty()) return value.toCharArray();
        Console console = System.console();
        if (console == null) {
            throw HavenException.of(HavenException.Kind.DENIED, "error.cli.noPasswordTerminal", String.valueOf(variable));
        }
        char[] typed = console.readPassword(prompt);
        if (typed == null || typed.length == 0) throw HavenException.of(HavenException.Kind.DENIED, "error.cli.noPassword");
        return typed;
    }
}
