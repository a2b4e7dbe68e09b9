package org.haven.gui.sync;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.changes.Outbox;
import org.haven.core.db.Ids;
import org.haven.core.intake.PersonFieldEdit;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.core.sync.OfficePush;
import org.haven.testing.TestHaven;
import org.haven.testing.TestPostgres;

/** An office database (a real PostgreSQL) with one open conflict: a document number changed at the office and on a laptop. */
final class OfficeConflict {
    static final String BOSS = "boss";
    static final String CARLA = "carla";
    static final char[] PASSWORD = "secret-pass-123".toCharArray();

    private OfficeConflict() {}

    /** The office logged in as its coordinator; the case of the conflict is "Lan Pham"'s. */
    static Haven officeWithOneConflict(Path home) {
        Haven office = Haven.create(home, TestPostgres.newDatabase(), BOSS, PASSWORD);
        Accounts.addUser(office.unlocked(), CARLA, java.util.Set.of(Role.CASEWORKER), PASSWORD);
        CaseFile c = office.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham", null)));
        // At the office the document number becomes A-111; a laptop that had not seen that changed it to B-222.
        office.cases().editPerson(c.id(), p -> PersonFieldEdit.apply(p, PersonFieldEdit.parse(List.of("document_number=A-111"))));
        var outcome = new OfficePush(office.database(), office.session()).push("K7P", List.of(new OfficePush.Entry(Ids.newId(),
                Outbox.Op.SET, "person", c.personId(), "document_number", null, "B-222", 0, OffsetDateTime.now().minusHours(3))));
        if (outcome.results().getFirst().status() != OfficePush.Status.CONFLICT) throw new IllegalStateException("no conflict was made");
        return office;
    }

    static String documentNumber(Haven office) {
        return office.cases().open(office.cases().search(org.haven.core.cases.CaseQuery.text("Lan Pham", 5)).getFirst().caseId())
                .person().documentNumber();
    }
}
