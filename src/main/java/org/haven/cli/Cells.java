package org.haven.cli;

import org.haven.core.common.PlainText;

/**
 * One cell of a tab-separated table the CLI prints. Text from the database is printed with its
 * control characters escaped ({@code \x1b}, {@code \r}, {@code \t}, {@code \u202e}): a name stored by
 * an older version or a direct edit can neither move the cursor, overwrite a case number on screen
 * nor break the table into extra columns or lines.
 */
final class Cells {
    private Cells() {}

    static String of(Object value) {
        return value == null ? "" : PlainText.escapeForTerminal(value.toString());
    }
}
