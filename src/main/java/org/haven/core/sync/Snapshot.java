package org.haven.core.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.haven.core.Haven;
import org.haven.core.changes.ChangeLog;
import org.haven.core.security.AuditLog;
import org.haven.core.security.User;

/**
 * What the office sends a laptop that joins, as lines of text: {@code rows<TAB>TABLE<TAB>JSON} for
 * each page of rows (jOOQ's JSON with its header, one line, at most {@value SnapshotRepository#PAGE}
 * rows), then {@code end<TAB>CASES<TAB>SEQ} (SEQ: the office's change number the rows are as of). A stream without its end line was cut: the laptop keeps nothing.
 */
public final class Snapshot {
    static final String ROWS = "rows";
    static final String END = "end";

    private Snapshot() {}

    /**
     * Office side: the cases the account may see that the laptop does not hold ({@code held}), in the
     * same lines, ending with {@code end<TAB>CASES<TAB>SEQ}; audited with the count.
     */
    public static void writeArrivals(Haven haven, java.util.Collection<java.util.UUID> held, Writer out) {
        writeArrivals(haven.database(), haven.user(), held, out);
    }

    /** {@link #writeArrivals(Haven, java.util.Collection, Writer)} for an account that is not logged in here (a USB bundle's laptop). */
    static void writeArrivals(org.haven.core.db.Database db, User user, java.util.Collection<java.util.UUID> held, Writer out) {
        int cases = db.inTransaction(tx -> SnapshotRepository.readArrivals(tx, user, held, (table, json) -> {
            try {
                out.write(ROWS + "\t" + table.getName() + "\t" + json + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        if (cases > 0) db.inTransactionRun(tx -> AuditLog.record(tx, user, "SYNC_CASES_SENT", "user", user.id(), cases + " cases"));
        try {
            out.write(END + "\t" + cases + "\t0\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Office side: writes everything the logged-in account may see (one read transaction, so one consistent state) and audits it. */
    public static void write(Haven haven, Writer out) {
        User user = haven.user();
        // The office's change number read in the same transaction: the laptop pulls what changed after it.
        long[] casesAndSeq = haven.database().inTransaction(tx -> new long[] {SnapshotRepository.read(tx, user, (table, json) -> {
            try {
                out.write(ROWS + "\t" + table.getName() + "\t" + json + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), ChangeLog.lastSeq(tx)});
        int cases = (int) casesAndSeq[0];
        haven.database().inTransactionRun(tx -> AuditLog.record(tx, user, "SYNC_JOIN_SENT", "user", user.id(), cases + " cases"));
        try {
            out.write(END + "\t" + cases + "\t" + casesAndSeq[1] + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
