package org.haven.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.sync.SyncTesting.PASSWORD;
import static org.haven.core.sync.SyncTesting.edit;
import static org.haven.core.sync.SyncTesting.field;
import static org.haven.core.sync.SyncTesting.login;
import static org.haven.core.sync.SyncTesting.outbox;
import static org.haven.core.sync.SyncTesting.sync;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.common.HavenException;
import org.haven.core.db.OfficeConnection;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two laptops and the office (a real PostgreSQL behind a real `haven serve`): offline edits on both,
 * then `sync`: different fields merge, the same field gives one conflict, its resolution reaches every
 * device, a deletion on one laptop erases the person on the other, and a sync with no office loses nothing.
 */
class LaptopSyncTest {
    static final String BOSS = "boss";
    static final String CARLA = "carla";
    @TempDir Path dir;

    @Test
    void twoLaptopsMergeConflictResolveDeleteAndConverge() throws Exception {
        OfficeConnection office = TestPostgres.newDatabase();
        Path officeHome = dir.resolve("office");
        CaseFile shared;
        CaseFile doomed;
        try (Haven h = Haven.create(officeHome, office, BOSS, PASSWORD.toCharArray())) {
            Accounts.addUser(h.unlocked(), CARLA, "Carla Reyes", EnumSet.of(Role.CASEWORKER), PASSWORD.toCharArray());
            shared = h.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham", null)));
            doomed = h.cases().register(TestHaven.newCase(TestHaven.person("Hoa Le", null)));
            h.cases().register(TestHaven.newCase(TestHaven.person("Mai Tran", null))); // not Carla's
            h.cases().assignByNumber(List.of(shared.caseNumber(), doomed.caseNumber()), CARLA);
        }
        ServiceCertificate cert = ServiceCertificate.inFolder(officeHome);
        Path a = dir.resolve("laptop-a");
        Path b = dir.resolve("laptop-b");
        try (SyncServer server = SyncServer.start(officeHome, office, 0, cert)) {
            String url = "https://localhost:" + server.port();
            assertThat(Join.join(a, url, cert.fingerprint(), BOSS, PASSWORD.toCharArray())).isEqualTo(3);
            assertThat(Join.join(b, url, cert.fingerprint(), CARLA, PASSWORD.toCharArray())).isEqualTo(2);

            // Offline, apart: the same field on both, and one other field each.
            try (Haven boss = login(a, BOSS)) {
                edit(boss, shared, Map.of("notes", "seen at the shelter", "document_number", "P-7700"));
            }
            try (Haven carla = login(b, CARLA)) {
                edit(carla, shared, Map.of("notes", "moved to Phnom Penh", "languages", "km"));
            }

            LaptopSync.Result first = sync(a, BOSS);
            assertThat(first.pushed()).isPositive();
            assertThat(first.conflicts()).isZero();
            LaptopSync.Result second = sync(b, CARLA);
            assertThat(second.conflicts()).as("the same field changed on both: one conflict, kept for a person").isEqualTo(1);
            assertThat(second.pulled()).as("the other laptop's document number").isPositive();
            sync(a, BOSS);

            assertThat(field(a, BOSS, shared, PERSON.LANGUAGES)).as("different fields merge").isEqualTo("km");
            assertThat(field(b, CARLA, shared, PERSON.DOCUMENT_NUMBER)).isEqualTo("P-7700");
            assertThat(field(b, CARLA, shared, PERSON.NOTES)).as("the office kept its value and told").isEqualTo("seen at the shelter");
            assertThat(outbox(a, BOSS)).as("answered entries leave the outbox").isZero();
            assertThat(outbox(b, CARLA)).isZero();

            // A coordinator at the office keeps Carla's value: every device gets it at its next sync.
            try (Haven h = Haven.login(officeHome, office, BOSS, PASSWORD.toCharArray())) {
                Conflicts conflicts = new Conflicts(h.database(), h.session());
                List<Conflicts.Open> open = conflicts.open();
                assertThat(open).hasSize(1);
                assertThat(open.getFirst().laptopValue()).isEqualTo("moved to Phnom Penh");
                conflicts.resolve(open.getFirst().id(), Conflicts.Keep.LAPTOP);
            }
            sync(a, BOSS);
            sync(b, CARLA);
            assertThat(field(a, BOSS, shared, PERSON.NOTES)).isEqualTo("moved to Phnom Penh");
            assertThat(field(b, CARLA, shared, PERSON.NOTES)).isEqualTo("moved to Phnom Penh");

            // Deleted on one laptop: gone on the other after both synced, and from its file's bytes after a clean
            // close, including what Carla wrote about the person meanwhile (her edit is dropped at the office).
            try (Haven boss = login(a, BOSS)) {
                boss.personDeletion().deletePersonOfCase(doomed.id());
            }
            sync(a, BOSS);
            String secret = "Zorblatt shelter note QX-5521";
            byte[] carlasKey;
            try (Haven carla = login(b, CARLA)) {
                carlasKey = carla.unlocked().databaseKey().clone();
                edit(carla, doomed, Map.of("notes", secret, "document_number", "QX-DOC-9917"));
            }
            assertThat(field(b, CARLA, doomed, PERSON.NOTES)).as("control: the laptop holds the note").isEqualTo(secret);
            assertThat(outbox(b, CARLA)).as("control: and its edit waits to be sent").isPositive();
            sync(b, CARLA);
            // The file may hold compressed pages (H2 compresses what it compacts), so the byte search alone
            // proves little: one chunk means no old page version is left, the search that the live ones are clean.
            byte[] after = org.haven.testing.DecryptedFile.read(b.resolve("haven.mv.db"), carlasKey);
            assertThat(org.haven.testing.DecryptedFile.chunks(after, dir)).as("compacted on close: no old page versions").isEqualTo(1);
            for (String value : List.of(secret, "QX-DOC-9917", "Hoa Le")) {
                assertThat(org.haven.testing.DecryptedFile.indexOf(after, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .as("%s in the laptop's decrypted file", value).isEqualTo(-1);
            }
            assertThat(outbox(b, CARLA)).as("the edit was answered (dropped: the person is gone at the office)").isZero();
            try (Haven carla = login(b, CARLA)) {
                var dsl = carla.database().dsl();
                assertThat(dsl.fetchExists(PERSON, PERSON.ID.eq(doomed.personId()))).isFalse();
                // no trace left for search or matching either
                assertThat(dsl.fetchExists(org.haven.core.db.jooq.Tables.SEARCH_TOKEN,
                        org.haven.core.db.jooq.Tables.SEARCH_TOKEN.PERSON_ID.eq(doomed.personId()))).isFalse();
                assertThat(dsl.fetchExists(org.haven.core.db.jooq.Tables.MATCH_KEY,
                        org.haven.core.db.jooq.Tables.MATCH_KEY.PERSON_ID.eq(doomed.personId()))).isFalse();
            }

            // Converged: the coordinator's laptop and the office give the same identified export, byte for byte.
            java.nio.file.Path fromLaptop = dir.resolve("laptop-export.csv");
            java.nio.file.Path fromOffice = dir.resolve("office-export.csv");
            try (Haven boss = login(a, BOSS)) {
                boss.identifiedExport().writeTo(fromLaptop, org.haven.core.exports.IdentifiedExport.Options.csv(), "test: compare devices");
            }
            try (Haven h = Haven.login(officeHome, office, BOSS, PASSWORD.toCharArray())) {
                h.identifiedExport().writeTo(fromOffice, org.haven.core.exports.IdentifiedExport.Options.csv(), "test: compare devices");
            }
            assertThat(java.nio.file.Files.readString(fromLaptop)).contains("moved to Phnom Penh")
                    .isEqualTo(java.nio.file.Files.readString(fromOffice));

            // A sync changes nothing by itself.
            LaptopSync.Result quiet = sync(a, BOSS);
            assertThat(quiet.pushed()).isZero();
            assertThat(quiet.conflicts()).isZero();
        }

        // No office: one clear failure, the edit waits in the outbox for the next sync.
        try (Haven carla = login(b, CARLA)) {
            edit(carla, shared, Map.of("languages", "km, en"));
        }
        assertThatThrownBy(() -> sync(b, CARLA))
                .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e.kind()).isEqualTo(HavenException.Kind.FAILURE))
                .hasMessageContaining("Cannot reach the office");
        assertThat(outbox(b, CARLA)).isPositive();
    }
}
