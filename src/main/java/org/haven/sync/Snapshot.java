package org.haven.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.haven.Haven;
import org.haven.security.AuditLog;
import org.haven.security.User;

/**
 * What the office sends a laptop that joins, as lines of text: {@code rows<TAB>TABLE<TAB>JSON} for
 * each page of rows (jOOQ's JSON with its header, one line, at most {@value SnapshotRepository#PAGE}
 * rows), then {@code end<TAB>CASES}. A stream without its end line was cut: the laptop keeps nothing.
 */
public final class Snapshot {
    static final String ROWS = "rows";
    static final String END = "end";

    private Snapshot() {}

    /** Office side: writes everything the logged-in account may see (one read transaction, so one consistent state) and audits it. */
    public static void write(Haven haven, Writer out) {
        User user = haven.user();
        int cases = haven.database().inTransaction(tx -> SnapshotRepository.read(tx, user, (table, json) -> {
            try {
                out.write(ROWS + "\t" + table.getName() + "\t" + json + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        haven.database().inTransactionRun(tx -> AuditLog.record(tx, user, "SYNC_JOIN_SENT", "user", user.id(), cases + " cases"));
        try {
            out.write(END + "\t" + cases + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
