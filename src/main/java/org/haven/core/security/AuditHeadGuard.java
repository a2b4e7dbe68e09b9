package org.haven.core.security;

import java.util.Optional;
import org.haven.core.common.HavenException;
import org.haven.core.db.Database;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * Notices a database file that went back in time. H2 opens a truncated or partly overwritten file
 * at an older consistent state without complaint, and its audit chain is intact there (only shorter).
 * So the chain's head (entry count and last hash) is also kept in the key file, sealed with a MAC
 * under a key derived from the database key, and written after every commit that appended to the
 * chain. On open the database must hold that entry with that hash: it may be ahead (the process died
 * between its commit and the key file write), never behind and never on another branch.
 */
final class AuditHeadGuard {
    /** Set in the database once its key file carries a MAC: a key file stripped back to the old format is refused. */
    static final String SEALED_SETTING = "security.keyfile.sealed";

    private AuditHeadGuard() {}

    /** The one line the CLI prints (exit 1); the window shows {@code login.damaged} from the bundle. */
    static final class DatabaseWentBack extends HavenException {
        DatabaseWentBack() {
            super(Kind.FAILURE, "error.db.wentBack", new Object[0], null);
        }
    }

    /** Refuses a database that is behind, or off, the head its key file records. */
    static void check(DSLContext dsl, KeyFile keyFile, byte[] databaseKey) {
        keyFile.verifyMac(databaseKey);
        try {
            checkHead(dsl, keyFile);
        } catch (org.jooq.exception.DataAccessException unreadable) {
            // A file that cannot even answer for its audit head (tables or pages missing) is damaged too.
            throw new DatabaseWentBack();
        }
    }

    private static void checkHead(DSLContext dsl, KeyFile keyFile) {
        if (!keyFile.sealed() && SecuritySettings.read(dsl, SEALED_SETTING).isPresent()) {
            throw KeyFile.corrupt(); // the MAC and head were removed from a key file that had them
        }
        Optional<KeyFile.AuditHead> recorded = keyFile.auditHead();
        if (recorded.isEmpty()) return; // an older key file: the head is recorded from now on
        long seq = recorded.get().seq();
        if (seq == 0) return;
        String hash = AuditChainRepository.hashAt(dsl, seq);
        Record2<Long, String> head = currentHead(dsl);
        if (head.value1() < seq || hash == null || !hash.equals(recorded.get().hash())) {
            throw new DatabaseWentBack();
        }
    }

    static Record2<Long, String> currentHead(DSLContext dsl) {
        return AuditChainRepository.head(dsl);
    }

    /** Marks the database as having a sealed key file (in the login transaction). */
    static void markSealed(DSLContext tx) {
        if (SecuritySettings.read(tx, SEALED_SETTING).isEmpty()) SecuritySettings.write(tx, SEALED_SETTING, "true");
    }

    /**
     * Installs the writer of the head: after each commit it records the database's head in the key file
     * (temporary file, fsync, atomic move). A failed write is not fatal: the next open accepts a
     * database ahead of its key file and records the head again.
     */
    static void keepHead(Database db, byte[] databaseKey) {
        long[] written = {-1};
        db.afterCommit(() -> {
            synchronized (written) {
                if (db.isClosed()) return;
                Record2<Long, String> head = currentHead(db.dsl());
                if (head.value1() == written[0]) return;
                try {
                    KeyFile.recordAuditHead(db.home(), databaseKey, head.value1(), head.value2());
                    written[0] = head.value1();
                } catch (HavenException notWritten) {
                    // see above: caught up at the next open
                }
            }
        });
    }

    /** Writes the head now (after the open's own checks and writes). */
    static void recordNow(Database db, byte[] databaseKey) {
        Record2<Long, String> head = currentHead(db.dsl());
        KeyFile.recordAuditHead(db.home(), databaseKey, head.value1(), head.value2());
    }
}
