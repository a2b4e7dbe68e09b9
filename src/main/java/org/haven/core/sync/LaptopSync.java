package org.haven.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.core.cases.CaseNumbers;
import org.haven.core.changes.EventSyncRepository;
import org.haven.core.changes.OperationSyncRepository;
import org.haven.core.changes.Outbox;
import org.haven.core.changes.RowsRepository;
import org.haven.core.changes.TraffickingSyncRepository;
import org.haven.core.common.HavenException;
import org.haven.core.security.AuditLog;

/**
 * `haven sync` on a laptop that joined the office: pushes its outbox (in the order the changes were
 * made), then pulls the office's changes after the last one it applied (docs/sync.md). Each answered
 * outbox entry leaves the outbox only once the office has answered it, and the pulled position moves
 * only with the changes applied, in the same transaction: a sync cut anywhere loses nothing, and the
 * next one sends and fetches the rest (the office answers a repeated operation id as the first time).
 */
public final class LaptopSync {
    public static final String OFFICE_SEQ = "sync.office.seq";
    /** When the last sync finished (ISO instant), for the window's status line. */
    static final String LAST_SYNC = "sync.last";
    /** The office takes at most 50,000 entries and 8 MiB per push; a page of this many stays well below both. */
    static final int PUSH_PAGE = 2_000;
    static final int PULL_PAGE = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LaptopSync() {}

    /** What a sync did: outbox entries the office answered, office changes applied here, conflicts the office recorded. */
    public record Result(int pushed, int pulled, int conflicts) {}

    /** A laptop's sync state for the window: whether it joined an office, its last finished sync (null: never), changes waiting to be sent. */
    public record Status(boolean joined, java.time.Instant lastSync, int waiting) {}

    /** The sync state of this data folder (not joined on the office database or a laptop on its own). */
    public static Status status(org.haven.core.db.Database db) {
        if (db.isOffice()) return new Status(false, null, 0);
        return db.inTransaction(tx -> {
            boolean joined = LaptopSyncRepository.setting(tx, Join.OFFICE_URL) != null;
            String last = LaptopSyncRepository.setting(tx, LAST_SYNC);
            return new Status(joined, last == null ? null : java.time.Instant.parse(last), joined ? LaptopSyncRepository.outboxCount(tx) : 0);
        });
    }

    public static Result sync(Haven haven, String username, char[] password) {
        var db = haven.database();
        String url = db.inTransaction(tx -> LaptopSyncRepository.setting(tx, Join.OFFICE_URL));
        String pin = db.inTransaction(tx -> LaptopSyncRepository.setting(tx, Join.OFFICE_FINGERPRINT));
        if (url == null || pin == null || db.isOffice()) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.sync.notJoined");
        }
        OfficeClient office = new OfficeClient(URI.create(url), pin, username, password, "sync");
        Bundle.ensureKey(haven, office);
        int[] pushed = push(haven, office);
        int pulled = pull(haven, office) + leave(haven, office) + arrive(haven, office);
        db.inTransactionRun(tx -> {
            LaptopSyncRepository.setSetting(tx, LAST_SYNC, java.time.Instant.now().toString());
            AuditLog.record(tx, haven.user(), "SYNC", "user", haven.user().id(),
                    "pushed " + pushed[0] + ", pulled " + pulled + ", conflicts " + pushed[1]);
        });
        return new Result(pushed[0], pulled, pushed[1]);
    }

    /** Sends the outbox page by page; returns {answered, conflicts}. */
    private static int[] push(Haven haven, OfficeClient office) {
        int answered = 0;
        int conflicts = 0;
        String device = haven.database().inTransaction(CaseNumbers::deviceCode);
        while (true) {
            List<Outbox.Entry> page = haven.database().inTransaction(tx -> LaptopSyncRepository.outboxPage(tx, PUSH_PAGE));
            if (page.isEmpty()) return new int[] {answered, conflicts};
            HttpResponse<byte[]> response = office.post("/v1/push", pushBody(device, page));
            if (response.statusCode() != 200) throw office.refused(response.statusCode());
            int[] done = applyAnswers(haven, response.body(), page);
            answered += done[0];
            conflicts += done[1];
        }
    }

    /**
     * The office's answers to these sent entries (a push's JSON): the answered ones leave the outbox.
     * Returns {answered, conflicts}. The same for a network push and a USB bundle's reply.
     */
    static int[] applyAnswers(Haven haven, byte[] answer, List<Outbox.Entry> page) {
        List<UUID> done = new ArrayList<>();
        int conflicts = 0;
        try {
            for (JsonNode r : JSON.readTree(answer).path("results")) {
                done.add(UUID.fromString(r.path("op_id").asText()));
                String status = r.path("status").asText();
                if (status.equals("conflict") || (status.equals("duplicate") && r.path("was").asText().equals("conflict"))) conflicts++;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, "error.sync.answerUnreadableSend");
        }
        Set<UUID> sent = new HashSet<>();
        page.forEach(e -> sent.add(e.opId()));
        done.removeIf(id -> !sent.contains(id));
        if (done.isEmpty() && !page.isEmpty()) {
            throw HavenException.of(HavenException.Kind.FAILURE, "error.sync.noneAnswered");
        }
        haven.database().inTransactionRun(tx -> LaptopSyncRepository.forget(tx, done));
        return new int[] {done.size(), conflicts};
    }

    static byte[] pushBody(String device, List<Outbox.Entry> page) {
        try {
            return JSON.writeValueAsBytes(pushJson(device, page));
        } catch (IOException e) {
            throw new IllegalStateException("JSON of plain values cannot fail", e);
        }
    }

    /** The push's JSON of these entries (docs/sync.md, "The push protocol"). */
    static ObjectNode pushJson(String device, List<Outbox.Entry> page) {
        ObjectNode root = JSON.createObjectNode();
        root.put("device", device);
        ArrayNode entries = root.putArray("entries");
        for (Outbox.Entry e : page) {
            ObjectNode n = entries.addObject();
            n.put("op_id", e.opId().toString());
            n.put("op", e.op().name());
            n.put("table", e.table());
            n.put("row_id", e.rowId().toString());
            n.put("field", e.field());
            n.put("old_value", e.oldValue());
            n.put("new_value", e.newValue());
            n.put("base_version", e.baseVersion());
            n.put("made_at", e.madeAt().toString());
        }
        return root;
    }

    /**
     * Cases this account may no longer see at the office (reassigned away) leave this laptop: the case
     * and its rows, and the person when no other case of theirs remains here (as a deletion received
     * from the office erases them: rows, search index, drafts; no tombstone). Returns how many cases left.
     */
    private static int leave(Haven haven, OfficeClient office) {
        List<UUID> here = haven.database().inTransaction(RowsRepository::caseIds);
        if (here.isEmpty()) return 0;
        StringBuilder body = new StringBuilder();
        here.forEach(id -> body.append(id).append('\n'));
        HttpResponse<byte[]> response = office.post("/v1/hidden", body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (response.statusCode() != 200) throw office.refused(response.statusCode());
        List<UUID> hidden = new ArrayList<>();
        for (String line : new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) hidden.add(UUID.fromString(line.strip()));
        }
        return leaveCases(haven, here, hidden);
    }

    /**
     * Cases this account may now see that this laptop does not hold (assigned to it, or put in its
     * operation, after it joined) arrive whole: the case with its person, timeline, screenings and
     * trafficking details, in one transaction (a cut answer keeps nothing). Returns how many arrived.
     */
    private static int arrive(Haven haven, OfficeClient office) {
        List<UUID> here = haven.database().inTransaction(RowsRepository::caseIds);
        StringBuilder body = new StringBuilder();
        here.forEach(id -> body.append(id).append('\n'));
        HttpResponse<byte[]> response = office.post("/v1/arrivals", body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (response.statusCode() != 200) throw office.refused(response.statusCode());
        return applyArrivals(haven, new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The office's answer to {@code /v1/arrivals} applied here, all or nothing; returns how many cases arrived. */
    static int applyArrivals(Haven haven, String answer) {
        UUID self = haven.user().id();
        int[] cases = {-1};
        List<UUID> people = new ArrayList<>();
        try {
            haven.database().inTransactionRun(tx -> {
                for (String line : answer.split("\n")) {
                    String[] parts = line.split("\t", 3);
                    if (parts.length == 3 && parts[0].equals(Snapshot.ROWS)) {
                        people.addAll(SnapshotRepository.loadMissing(tx, parts[1], parts[2], self));
                    } else if (parts.length == 3 && parts[0].equals(Snapshot.END)) {
                        cases[0] = Integer.parseInt(parts[1]);
                        break;
                    } else {
                        throw new IllegalStateException("not a line of the answer");
                    }
                }
                if (cases[0] < 0) throw new IllegalStateException("no end line");
                for (UUID person : new java.util.LinkedHashSet<>(people)) org.haven.core.cases.SearchIndex.reindex(tx, person);
                if (cases[0] > 0) AuditLog.record(tx, haven.user(), "SYNC_CASES_ARRIVED", "user", haven.user().id(), cases[0] + " case(s)");
            });
        } catch (HavenException e) {
            throw e;
        } catch (RuntimeException e) {
            // No message: it may hold data.
            throw HavenException.of(HavenException.Kind.FAILURE, "error.sync.answerUnreadableAsk", e.getClass().getSimpleName());
        }
        return cases[0];
    }

    /** Of the cases here, those the office says this account may no longer see leave; returns how many left. */
    static int leaveCases(Haven haven, List<UUID> here, List<UUID> hidden) {
        int left = 0;
        for (UUID caseId : hidden) {
            if (!here.contains(caseId)) continue;
            UUID wholePerson = haven.database().inTransaction(tx -> LaptopSyncRepository.eraseCase(tx, caseId));
            if (wholePerson != null) haven.personDeletion().eraseDeletedAtOffice(wholePerson);
            left++;
        }
        if (left > 0) {
            int n = left;
            haven.database().inTransactionRun(tx -> AuditLog.record(tx, haven.user(), "SYNC_CASES_LEFT", "user", haven.user().id(), n + " case(s) reassigned away"));
        }
        return left;
    }

    /** Fetches and applies the office's changes after the last one applied here; returns how many were applied. */
    private static int pull(Haven haven, OfficeClient office) {
        int applied = 0;
        while (true) {
            long after = haven.database().inTransaction(tx -> {
                String s = LaptopSyncRepository.setting(tx, OFFICE_SEQ);
                return s == null ? 0L : Long.parseLong(s);
            });
            HttpResponse<byte[]> response = office.get("/v1/changes?after=" + after + "&limit=" + PULL_PAGE, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) throw office.refused(response.statusCode());
            JsonNode page;
            try {
                page = JSON.readTree(response.body());
            } catch (IOException e) {
                throw HavenException.of(HavenException.Kind.FAILURE, "error.sync.answerUnreadableRetry");
            }
            applied += applyPage(haven, page, after);
            if (!page.path("more").asBoolean(false)) return applied;
        }
    }

    /**
     * One page of the office's changes (the JSON of {@code GET /v1/changes}) applied here, and the pulled
     * position moved to its end with them; returns how many were applied. The same for a network pull
     * and a USB bundle's reply.
     */
    static int applyPage(Haven haven, JsonNode page, long after) {
        int applied = 0;
        List<UUID> deletions = new ArrayList<>();
        long next = page.path("next").asLong(after);
        int n = haven.database().inTransaction(tx -> {
            int count = 0;
            // The staff and operations new cases point at, before the cases.
            for (JsonNode ref : page.path("references")) {
                LaptopSyncRepository.insertMissingReferences(tx, ref.path("table").asText(), ref.path("rows").asText());
            }
            for (JsonNode c : page.path("changes")) {
                if ("INSERT".equals(c.path("op").asText())) {
                    if (LaptopSyncRepository.applyInsert(tx, c.path("table").asText(), UUID.fromString(c.path("row_id").asText()),
                            c.path("new_value").asText())) {
                        count++;
                    }
                    continue;
                }
                if ("MERGE".equals(c.path("op").asText())) {
                    if (MergeSyncRepository.applyPulled(tx, UUID.fromString(c.path("row_id").asText()), c.path("new_value").asText())) count++;
                    continue;
                }
                if ("operation_member".equals(c.path("table").asText()) && "DELETE".equals(c.path("op").asText())) {
                    if (LaptopSyncRepository.deleteMembership(tx, UUID.fromString(c.path("row_id").asText()))) count++;
                    continue;
                }
                if (EventSyncRepository.TABLE.equals(c.path("table").asText())) {
                    UUID eventId = UUID.fromString(c.path("row_id").asText());
                    boolean done = "DELETE".equals(c.path("op").asText())
                            ? LaptopSyncRepository.deleteEvent(tx, eventId)
                            : LaptopSyncRepository.applyEventField(tx, eventId, c.path("field").asText(),
                                    c.path("new_value").isNull() ? null : c.path("new_value").asText(), c.path("office_version").asInt());
                    if (done) count++;
                    continue;
                }
                if (TraffickingSyncRepository.TABLE.equals(c.path("table").asText()) && "SET".equals(c.path("op").asText())) {
                    if (LaptopSyncRepository.applyTraffickingField(tx, UUID.fromString(c.path("row_id").asText()), c.path("field").asText(),
                            c.path("new_value").isNull() ? null : c.path("new_value").asText(), c.path("office_version").asInt())) {
                        count++;
                    }
                    continue;
                }
                if (OperationSyncRepository.TABLE.equals(c.path("table").asText()) && "SET".equals(c.path("op").asText())) {
                    if (OperationSyncRepository.applyPulled(tx, UUID.fromString(c.path("row_id").asText()), c.path("field").asText(),
                            c.path("new_value").isNull() ? null : c.path("new_value").asText(), c.path("office_version").asInt())) {
                        count++;
                    }
                    continue;
                }
                if ("case_file".equals(c.path("table").asText()) && "SET".equals(c.path("op").asText())) {
                    if (LaptopSyncRepository.applyCaseField(tx, UUID.fromString(c.path("row_id").asText()), c.path("field").asText(),
                            c.path("new_value").isNull() ? null : c.path("new_value").asText(), c.path("office_version").asInt())) {
                        count++;
                    }
                    continue;
                }
                if (!"person".equals(c.path("table").asText())) continue;
                UUID person = UUID.fromString(c.path("row_id").asText());
                if ("DELETE".equals(c.path("op").asText())) {
                    deletions.add(person);
                } else if (LaptopSyncRepository.applyPersonField(tx, person, c.path("field").asText(),
                        c.path("new_value").isNull() ? null : c.path("new_value").asText(), c.path("office_version").asInt())) {
                    count++;
                }
            }
            // Deletions run after this page's other changes, each as a whole erase of its own.
            if (deletions.isEmpty()) LaptopSyncRepository.setSetting(tx, OFFICE_SEQ, String.valueOf(next));
            return count;
        });
        for (UUID person : deletions) {
            if (haven.personDeletion().eraseDeletedAtOffice(person) > 0) applied++;
        }
        if (!deletions.isEmpty()) haven.database().inTransactionRun(tx -> LaptopSyncRepository.setSetting(tx, OFFICE_SEQ, String.valueOf(next)));
        applied += n;
        return applied;
    }
}
