package org.haven.core.sync;

import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SYNC_OUTBOX;

import java.nio.file.Path;
import java.util.Map;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.intake.PersonFieldEdit;

/** What the sync scenario tests share: the accounts' password, a laptop's login and its `haven sync`. */
final class SyncTesting {
    static final String PASSWORD = "secret-pass-123";

    private SyncTesting() {}

    static Haven login(Path home, String user) {
        return Haven.login(home, user, PASSWORD.toCharArray());
    }

    /** The laptop's whole `haven sync`, in a session of its own (as the command runs it). */
    static LaptopSync.Result sync(Path home, String user) {
        try (Haven h = login(home, user)) {
            return LaptopSync.sync(h, user, PASSWORD.toCharArray());
        }
    }

    /** A person's field as the laptop holds it. */
    static String field(Path home, String user, CaseFile c, org.jooq.TableField<?, String> column) {
        try (Haven h = login(home, user)) {
            return h.database().dsl().select(column).from(PERSON).where(PERSON.ID.eq(c.personId())).fetchOne(column);
        }
    }

    /** How many changes wait in the laptop's outbox. */
    static int outbox(Path home, String user) {
        try (Haven h = login(home, user)) {
            return h.database().dsl().fetchCount(SYNC_OUTBOX);
        }
    }

    /** An edit of a person's fields through the same service as the form (`person set`'s names). */
    static void edit(Haven laptop, CaseFile c, Map<String, String> fields) {
        Map<String, String> parsed = PersonFieldEdit.parse(fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        laptop.cases().editPerson(c.id(), p -> PersonFieldEdit.apply(p, parsed));
    }
}
