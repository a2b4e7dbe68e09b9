package org.haven.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SYNC_CHANGE;
import static org.haven.core.db.jooq.Tables.SYNC_CONFLICT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseNumbers;
import org.haven.core.changes.ChangeLog;
import org.haven.core.changes.Outbox;
import org.haven.cli.HavenCli;
import org.haven.core.db.OfficeConnection;
import org.haven.core.db.jooq.tables.records.CaseFileRecord;
import org.haven.core.db.jooq.tables.records.PersonRecord;
import org.haven.core.deletion.PersonDeletion;
import org.haven.core.intake.PersonFieldEdit;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office side of push (docs/sync.md): two laptops' real H2 outboxes pushed over real HTTPS to a
 * real sync service on PostgreSQL. Different fields merge, the same field gives one conflict with
 * both values, a retry applies nothing twice, a caseworker cannot push to a case not theirs, a
 * tombstone deletes, a change for a deleted person is dropped, a conflict is resolved either way as a
 * new change, and a malformed or oversized body applies nothing. The `conflicts` command's output
 * and exit codes on the same office.
 */
class OfficePushTest {
    static final String BOSS = "boss";
    static final String CARLA = "carla";
    static final String PASSWORD = "secret-pass-123";
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    @Test
    void pushesMergeConflictRetryRefuseDeleteAndResolve() throws Exception {
        OfficeConnection office = TestPostgres.newDatabase();
        Path officeHome = dir.resolve("office");
        CaseFile c;
        try (Haven h = Haven.create(officeHome, office, BOSS, PASSWORD.toCharArray())) {
            Accounts.addUser(h.unlocked(), CARLA, Set.of(Role.CASEWORKER), PASSWORD.toCharArray());
            c = h.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham", null)));
        }
        Haven laptopA = laptopWith(dir.resolve("a"), office, c);
        Haven laptopB = laptopWith(dir.resolve("b"), office, c);
        ServiceCertificate cert = ServiceCertificate.inFolder(officeHome);
        try (SyncServer server = SyncServer.start(officeHome, office, 0, cert); laptopA; laptopB;
             Haven officeView = Haven.login(officeHome, office, BOSS, PASSWORD.toCharArray())) {
            URI push = URI.create("https://localhost:" + server.port() + "/v1/push");
            HttpClient client = HttpClient.newBuilder().sslContext(PinnedTrust.context(cert.fingerprint())).build();
            var dsl = officeView.database().dsl();
            UUID personId = c.personId();

            // A: document number and notes; B: the same document number differently, and the family contact.
            edit(laptopA, c, Map.of("document_number", "A-111", "notes", "note from A"));
            edit(laptopB, c, Map.of("document_number", "B-222", "family_contact", "aunt in B"));
            edit(laptopB, c, Map.of("document_number", "B-333")); // twice offline: one change
            JsonNode a = post(client, push, BOSS, body(laptopA)).json();
            assertThat(statuses(a)).containsOnly("applied").hasSize(2);
            String bBody = body(laptopB);
            JsonNode b = post(client, push, BOSS, bBody).json();
            Map<String, String> byField = statusByField(laptopB, b);
            assertThat(byField).containsEntry("document_number", "conflict").containsEntry("family_contact", "applied");
            assertThat(b.get("seq").asLong()).isEqualTo(ChangeLog.lastSeq(dsl));

            PersonRecord merged = dsl.selectFrom(PERSON).where(PERSON.ID.eq(personId)).fetchSingle();
            assertThat(merged.getDocumentNumber()).as("the office keeps its value").isEqualTo("A-111");
            assertThat(merged.getNotes()).isEqualTo("note from A");
            assertThat(merged.getFamilyContact()).as("different fields merge").isEqualTo("aunt in B");
            assertThat(merged.getOfficeVersion()).as("one office version per applied field change").isEqualTo(3);
            var conflicts = dsl.selectFrom(SYNC_CONFLICT).fetch();
            assertThat(conflicts).hasSize(1);
            assertThat(conflicts.getFirst().getLaptopValue()).as("the last of B's two edits").isEqualTo("B-333");
            assertThat(conflicts.getFirst().getOfficeValue()).isEqualTo("A-111");
            assertThat(conflicts.getFirst().getLaptopDevice()).isEqualTo(CaseNumbers.deviceCode(laptopB.database().dsl()));
            assertThat(flagged(dsl, c.id())).isTrue();

            // The same push again (a lost reply): nothing applied twice, the same answers.
            long changes = dsl.fetchCount(SYNC_CHANGE);
            JsonNode again = post(client, push, BOSS, bBody).json();
            assertThat(statuses(again)).containsOnly("duplicate");
            assertThat(statusByWas(laptopB, again)).containsEntry("document_number", "conflict").containsEntry("family_contact", "applied");
            assertThat(dsl.fetchCount(SYNC_CHANGE)).isEqualTo(changes);
            assertThat(dsl.fetchCount(SYNC_CONFLICT)).isEqualTo(1);

            // A caseworker whose case it is not: refused, audited, nothing changed.
            edit(laptopA, c, Map.of("aliases", "Lana"));
            JsonNode refused = post(client, push, CARLA, body(laptopA, 1)).json();
            assertThat(statuses(refused)).containsOnly("refused");
            assertThat(dsl.selectFrom(PERSON).where(PERSON.ID.eq(personId)).fetchSingle().getAliases()).isNull();
            assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("SYNC_REFUSED"))).isEqualTo(1);
            assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("SYNC_APPLIED"))).isEqualTo(3);
            assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("SYNC_CONFLICT"))).isEqualTo(1);
            // A value the form's rules refuse (a laptop cannot make one; a hand-made push can): refused.
            String invalid = "{\"device\":\"ZZZ\",\"entries\":[{\"op_id\":\"" + UUID.randomUUID() + "\",\"op\":\"SET\",\"table\":\"person\","
                    + "\"row_id\":\"" + personId + "\",\"field\":\"document_number\",\"new_value\":\"x\",\"base_version\":99,"
                    + "\"made_at\":\"2026-01-01T00:00:00Z\"}]}";
            assertThat(statuses(post(client, push, BOSS, invalid).json())).containsOnly("refused");
            assertThat(dsl.selectFrom(PERSON).where(PERSON.ID.eq(personId)).fetchSingle().getDocumentNumber()).isEqualTo("A-111");

            // The command: the open conflict, id first, both values; a caseworker may not resolve (3); unknown id (2).
            UUID conflictId = conflicts.getFirst().getId();
            Cli list = cli(officeHome, office, BOSS, "conflicts");
            assertThat(list.exit()).as(list.err()).isZero();
            assertThat(list.out().lines().toList()).hasSize(2);
            assertThat(list.out().lines().findFirst().orElseThrow()).isEqualTo(
                    "id\tcase_number\tfield\tlaptop_value\toffice_value\tlaptop_user\tlaptop_device\tlaptop_at\toffice_user\toffice_at");
            String[] row = list.out().lines().skip(1).findFirst().orElseThrow().split("\t", -1);
            assertThat(row[0]).isEqualTo(conflictId.toString());
            assertThat(row[1]).isEqualTo(c.caseNumber());
            assertThat(row[2]).isEqualTo("document_number");
            assertThat(row[3]).isEqualTo("B-333");
            assertThat(row[4]).isEqualTo("A-111");
            assertThat(row[5]).isEqualTo(BOSS);
            assertThat(cli(officeHome, office, CARLA, "conflicts", "resolve", conflictId.toString(), "--keep", "laptop").exit()).isEqualTo(3);
            assertThat(cli(officeHome, office, BOSS, "conflicts", "resolve", UUID.randomUUID().toString(), "--keep", "laptop").exit()).isEqualTo(2);

            // Keep the laptop's: its value becomes a new change every device pulls; the flag clears.
            Cli resolved = cli(officeHome, office, BOSS, "conflicts", "resolve", conflictId.toString(), "--keep", "laptop");
            assertThat(resolved.exit()).as(resolved.err()).isZero();
            assertThat(dsl.selectFrom(PERSON).where(PERSON.ID.eq(personId)).fetchSingle().getDocumentNumber()).isEqualTo("B-333");
            var last = dsl.selectFrom(SYNC_CHANGE).orderBy(SYNC_CHANGE.SEQ.desc()).limit(1).fetchSingle();
            assertThat(last.getField()).isEqualTo("document_number");
            assertThat(last.getNewValue()).isEqualTo("B-333");
            assertThat(flagged(dsl, c.id())).isFalse();
            assertThat(cli(officeHome, office, BOSS, "conflicts").out().lines().count()).as("none open").isEqualTo(1);

            // An edit at the office lands in the change log; a laptop's edit of that field from before is a conflict; keep the office's.
            edit(officeView, c, Map.of("notes", "office note"));
            var officeEdit = dsl.selectFrom(SYNC_CHANGE).orderBy(SYNC_CHANGE.SEQ.desc()).limit(1).fetchSingle();
            assertThat(officeEdit.getField()).isEqualTo("notes");
            assertThat(officeEdit.getNewValue()).isEqualTo("office note");
            assertThat(officeEdit.getDeviceCode()).isEqualTo(CaseNumbers.deviceCode(dsl));
            edit(laptopB, c, Map.of("notes", "note from B"));
            JsonNode bNotes = post(client, push, BOSS, body(laptopB)).json();
            assertThat(statusByField(laptopB, bNotes)).containsEntry("notes", "conflict");
            UUID second = dsl.select(SYNC_CONFLICT.ID).from(SYNC_CONFLICT).where(SYNC_CONFLICT.STATUS.eq("OPEN")).fetchSingle(SYNC_CONFLICT.ID);
            long seq = new Conflicts(officeView.database(), officeView.session()).resolve(second, Conflicts.Keep.OFFICE);
            assertThat(dsl.selectFrom(PERSON).where(PERSON.ID.eq(personId)).fetchSingle().getNotes()).isEqualTo("office note");
            var kept = dsl.selectFrom(SYNC_CHANGE).where(SYNC_CHANGE.SEQ.eq(seq)).fetchSingle();
            assertThat(kept.getField()).isEqualTo("notes");
            assertThat(kept.getNewValue()).isEqualTo("office note");
            assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("SYNC_RESOLVED"))).isEqualTo(2);

            // Malformed or oversized: 400 / 413, nothing applied.
            changes = dsl.fetchCount(SYNC_CHANGE);
            edit(laptopA, c, Map.of("estimated_age", "31"));
            String good = body(laptopA);
            assertThat(post(client, push, BOSS, good.substring(0, good.length() - 5)).status()).isEqualTo(400);
            String badEntry = good.replaceFirst("\"base_version\":\\d+", "\"base_version\":\"x\"");
            assertThat(post(client, push, BOSS, badEntry).status()).isEqualTo(400);
            String huge = "{\"device\":\"ABC\",\"entries\":[],\"pad\":\"" + "x".repeat(SyncServer.MAX_PUSH_BYTES) + "\"}";
            assertThat(post(client, push, BOSS, huge).status()).isEqualTo(413);
            assertThat(dsl.fetchCount(SYNC_CHANGE)).isEqualTo(changes);
            assertThat(dsl.selectFrom(PERSON).where(PERSON.ID.eq(personId)).fetchSingle().getEstimatedAge()).isEqualTo(24);

            // A tombstone (a coordinator's deletion on laptop A) deletes the person at the office, and the log has it.
            new PersonDeletion(laptopA.database(), laptopA.session()).deletePersonOfCase(c.id());
            JsonNode deleted = post(client, push, BOSS, body(laptopA)).json();
            assertThat(statuses(deleted)).containsOnly("applied");
            assertThat(dsl.fetchExists(PERSON, PERSON.ID.eq(personId))).isFalse();
            assertThat(dsl.fetchExists(SYNC_CHANGE, SYNC_CHANGE.OP.eq("DELETE").and(SYNC_CHANGE.ROW_ID.eq(personId)))).isTrue();
            assertThat(dsl.fetchExists(SYNC_CHANGE, SYNC_CHANGE.PERSON_ID.eq(personId))).as("their values are erased").isFalse();
            // A later change from B for the deleted person is dropped: never resurrected.
            edit(laptopB, c, Map.of("aliases", "Lana B"));
            JsonNode dropped = post(client, push, BOSS, body(laptopB)).json();
            assertThat(statusByField(laptopB, dropped)).containsEntry("aliases", "dropped");
            assertThat(dsl.fetchExists(PERSON, PERSON.ID.eq(personId))).isFalse();
        }
    }

    @Test
    void pullGivesTheChangesTheAccountMaySeeInOrderAPageAtATime() throws Exception {
        OfficeConnection office = TestPostgres.newDatabase();
        Path officeHome = dir.resolve("office");
        CaseFile theirs;
        CaseFile other;
        try (Haven h = Haven.create(officeHome, office, BOSS, PASSWORD.toCharArray())) {
            Accounts.addUser(h.unlocked(), CARLA, Set.of(Role.CASEWORKER), PASSWORD.toCharArray());
            theirs = h.cases().register(TestHaven.newCase(TestHaven.person("Lan Pham", null)));
            other = h.cases().register(TestHaven.newCase(TestHaven.person("Mai Tran", null)));
            CaseFile gone = h.cases().register(TestHaven.newCase(TestHaven.person("Hoa Le", null)));
            h.cases().assignByNumber(java.util.List.of(theirs.caseNumber()), CARLA);
            edit(h, theirs, Map.of("notes", "for carla", "document_number", "C-12345"));
            edit(h, other, Map.of("notes", "not for carla"));
            new PersonDeletion(h.database(), h.session()).deletePersonOfCase(gone.id());
        }
        ServiceCertificate cert = ServiceCertificate.inFolder(officeHome);
        try (SyncServer server = SyncServer.start(officeHome, office, 0, cert);
             Haven officeView = Haven.login(officeHome, office, BOSS, PASSWORD.toCharArray())) {
            var dsl = officeView.database().dsl();
            HttpClient client = HttpClient.newBuilder().sslContext(PinnedTrust.context(cert.fingerprint())).build();
            String base = "https://localhost:" + server.port() + "/v1/changes";

            // A caseworker: the changes of their case and the tombstone (a key, no value); nothing of another case.
            JsonNode carlas = get(client, base + "?after=0", CARLA).json();
            List<String> rows = new ArrayList<>();
            carlas.get("changes").forEach(ch -> rows.add(ch.get("op").asText() + ":" + ch.get("row_id").asText() + ":" + ch.path("field").asText()));
            assertThat(rows).filteredOn(r -> r.startsWith("SET"))
                    .containsExactlyInAnyOrder("SET:" + theirs.personId() + ":notes", "SET:" + theirs.personId() + ":document_number",
                            "SET:" + theirs.id() + ":assigned_to"); // her case's assignment (a case's fields travel too)
            assertThat(rows).filteredOn(r -> r.startsWith("DELETE")).hasSize(1);
            assertThat(carlas.toString()).doesNotContain("not for carla").doesNotContain(other.personId().toString());
            assertThat(carlas.get("more").asBoolean()).isFalse();
            assertThat(carlas.get("next").asLong()).isEqualTo(ChangeLog.lastSeq(dsl));

            // A coordinator, one change a page: every change once, in sequence order; then nothing new.
            List<Long> seqs = new ArrayList<>();
            long after = 0;
            boolean more = true;
            while (more) {
                JsonNode page = get(client, base + "?after=" + after + "&limit=1", BOSS).json();
                page.get("changes").forEach(ch -> seqs.add(ch.get("seq").asLong()));
                more = page.get("more").asBoolean();
                after = page.get("next").asLong();
            }
            assertThat(seqs).isSorted().doesNotHaveDuplicates().hasSize(dsl.fetchCount(SYNC_CHANGE));
            JsonNode none = get(client, base + "?after=" + after, BOSS).json();
            assertThat(none.get("changes")).isEmpty();
            assertThat(none.get("next").asLong()).isEqualTo(after);
            assertThat(get(client, base + "?after=x", BOSS).status()).isEqualTo(400);
            assertThat(get(client, base + "?after=0&limit=999999", BOSS).status()).isEqualTo(400);
        }
    }

    private static Reply get(HttpClient client, String uri, String user) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    /** A laptop holding the office's person and case as a join would leave them (join is not built yet). */
    private Haven laptopWith(Path home, OfficeConnection office, CaseFile c) {
        Haven laptop = Haven.create(home, null, BOSS, PASSWORD.toCharArray());
        try (Haven o = Haven.login(dir.resolve("office"), office, BOSS, PASSWORD.toCharArray())) {
            PersonRecord p = o.database().dsl().selectFrom(PERSON).where(PERSON.ID.eq(c.personId())).fetchSingle();
            CaseFileRecord cf = o.database().dsl().selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(c.id())).fetchSingle();
            p.setOfficeVersion(p.getOfficeVersion() == null ? 0 : p.getOfficeVersion());
            cf.setAssignedTo(null);
            cf.setCreatedBy(null);
            p.changed(true);
            cf.changed(true);
            laptop.database().dsl().insertInto(PERSON).set(p).execute();
            laptop.database().dsl().insertInto(CASE_FILE).set(cf).execute();
        }
        return laptop;
    }

    private static void edit(Haven laptop, CaseFile c, Map<String, String> fields) {
        // As `person set` reads FIELD=VALUE (notes is an alias of person_notes).
        Map<String, String> parsed = PersonFieldEdit.parse(fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        laptop.cases().editPerson(c.id(), p -> PersonFieldEdit.apply(p, parsed));
    }

    private static String body(Haven laptop) {
        return body(laptop, Integer.MAX_VALUE);
    }

    /** The laptop's outbox as a push (its newest {@code newest} entries), entries the laptop has sent before included. */
    private static String body(Haven laptop, int newest) {
        List<Outbox.Entry> all = Outbox.all(laptop.database().dsl());
        List<Outbox.Entry> entries = all.subList(Math.max(0, all.size() - newest), all.size());
        ObjectNode root = JSON.createObjectNode();
        root.put("device", CaseNumbers.deviceCode(laptop.database().dsl()));
        ArrayNode list = root.putArray("entries");
        for (Outbox.Entry e : entries) {
            ObjectNode o = list.addObject();
            o.put("op_id", e.opId().toString());
            o.put("op", e.op().name());
            o.put("table", e.table());
            o.put("row_id", e.rowId().toString());
            o.put("field", e.field());
            o.put("old_value", e.oldValue());
            o.put("new_value", e.newValue());
            o.put("base_version", e.baseVersion());
            o.put("made_at", e.madeAt().toString());
        }
        return root.toString();
    }

    record Reply(int status, String body) {
        JsonNode json() throws Exception {
            assertThat(status).as(body).isEqualTo(200);
            return JSON.readTree(body);
        }
    }

    private static Reply post(HttpClient client, URI uri, String user, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(uri).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    private static List<String> statuses(JsonNode reply) {
        List<String> out = new ArrayList<>();
        reply.get("results").forEach(r -> out.add(r.get("status").asText()));
        return out;
    }

    /** The answer per field, from the laptop's outbox (the last entry of each field). */
    private static Map<String, String> statusByField(Haven laptop, JsonNode reply) {
        return byField(laptop, reply, "status");
    }

    private static Map<String, String> statusByWas(Haven laptop, JsonNode reply) {
        return byField(laptop, reply, "was");
    }

    private static Map<String, String> byField(Haven laptop, JsonNode reply, String member) {
        Map<UUID, String> fieldOf = new java.util.HashMap<>();
        for (Outbox.Entry e : Outbox.all(laptop.database().dsl())) fieldOf.put(e.opId(), e.field());
        Map<String, String> out = new java.util.HashMap<>();
        reply.get("results").forEach(r -> out.put(fieldOf.get(UUID.fromString(r.get("op_id").asText())), r.path(member).asText()));
        return out;
    }

    private static boolean flagged(org.jooq.DSLContext dsl, UUID caseId) {
        return Conflicts.flagged(dsl, caseId);
    }

    record Cli(int exit, String out, String err) {}

    private Cli cli(Path home, OfficeConnection office, String user, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(HavenCli.JAVA, "-cp",
                "target/classes" + File.pathSeparator + Files.readString(Path.of("target/classpath.txt")).strip(), "org.haven.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(Map.of("HAVEN_HOME", home.toString(), "HAVEN_DB_URL", office.url(), "HAVEN_DB_USER", "postgres",
                "HAVEN_DB_PASSWORD", "", "HAVEN_USER", user, "HAVEN_PASSWORD", PASSWORD));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Cli(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
