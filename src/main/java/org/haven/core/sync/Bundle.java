package org.haven.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.core.cases.CaseNumbers;
import org.haven.core.changes.Outbox;
import org.haven.core.changes.RowsRepository;
import org.haven.core.common.HavenException;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.core.security.Session;
import org.haven.core.security.User;

/**
 * Sync with no network (docs/sync.md, "USB bundles"; docs/adr/0021-usb-bundles.md). A laptop writes
 * its outbox as a sealed bundle ({@link BundleCrypto}); the office applies it with {@link OfficePush}
 * under the laptop account's access, and writes a sealed reply: the push answers and the office's
 * changes after the laptop's change number ({@link OfficeChanges}), with the cases the account may no
 * longer see; the laptop applies the reply as `haven sync` applies the network answers. Every file is
 * checked whole (its key, its tag, its number newer than the last one applied) before anything is applied.
 */
public final class Bundle {
    /** On a laptop: its bundle key id and secret (made by the office), the last bundle written, the last reply applied. */
    static final String KEY_ID = "sync.bundle.key";
    static final String SECRET = "sync.bundle.secret";
    static final String SENT = "sync.bundle.sent";
    static final String REPLIED = "sync.bundle.replied";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bundle() {}

    /** What applying a bundle at the office did. */
    public record Applied(int pushed, int conflicts, int reply) {}

    // ---- the office makes a laptop's key (at join, or at its first network sync) ----

    /** At the office: a new bundle key for the logged-in account's laptop {@code device}; returns "KEYID\tSECRET(base64)". */
    static String issueKey(Haven office, String device) {
        office.session().requireCaseData();
        UUID keyId = UUID.randomUUID();
        byte[] secret = BundleCrypto.newSecret();
        office.database().inTransactionRun(tx -> {
            BundleRepository.insert(tx, new BundleRepository.OfficeKey(keyId, office.user().id(), device, secret, 0));
            AuditLog.record(tx, office.user(), "SYNC_BUNDLE_KEY", "user", office.user().id(), "device " + device);
        });
        return keyId + "\t" + Base64.getEncoder().encodeToString(secret);
    }

    /** On a laptop with no bundle key yet: asks the office for one over the pinned connection. */
    static void ensureKey(Haven haven, OfficeClient office) {
        if (haven.database().inTransaction(tx -> LaptopSyncRepository.setting(tx, KEY_ID)) != null) return;
        String device = haven.database().inTransaction(CaseNumbers::deviceCode);
        var response = office.post("/v1/bundle-key", device.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (response.statusCode() != 200) throw office.refused(response.statusCode());
        String[] parts = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).strip().split("\t");
        if (parts.length != 2) throw HavenException.of(HavenException.Kind.FAILURE, "error.bundle.answerUnreadable");
        UUID keyId = UUID.fromString(parts[0]);
        Base64.getDecoder().decode(parts[1]);
        haven.database().inTransactionRun(tx -> {
            LaptopSyncRepository.setSetting(tx, KEY_ID, keyId.toString());
            LaptopSyncRepository.setSetting(tx, SECRET, parts[1]);
        });
    }

    // ---- laptop: --to-bundle ----

    /** Writes this laptop's whole outbox as a sealed bundle to {@code file}; returns how many changes it holds. */
    public static int toBundle(Haven haven, Path file) {
        var db = haven.database();
        if (db.isOffice() || db.inTransaction(tx -> LaptopSyncRepository.setting(tx, Join.OFFICE_URL)) == null) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.sync.notJoined");
        }
        String keyText = db.inTransaction(tx -> LaptopSyncRepository.setting(tx, KEY_ID));
        if (keyText == null) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.bundle.noKey");
        }
        byte[] secret = Base64.getDecoder().decode(db.<String>inTransaction(tx -> LaptopSyncRepository.setting(tx, SECRET)));
        String device = db.inTransaction(CaseNumbers::deviceCode);
        List<Outbox.Entry> entries = db.inTransaction(Outbox::all);
        long after = db.inTransaction(tx -> {
            String s = LaptopSyncRepository.setting(tx, LaptopSync.OFFICE_SEQ);
            return s == null ? 0L : Long.parseLong(s);
        });
        List<UUID> cases = db.inTransaction(RowsRepository::caseIds);
        ObjectNode body = LaptopSync.pushJson(device, entries);
        body.put("after", after);
        ArrayNode caseIds = body.putArray("cases");
        cases.forEach(id -> caseIds.add(id.toString()));
        long seq = db.inTransaction(tx -> {
            String s = LaptopSyncRepository.setting(tx, SENT);
            long next = (s == null ? 0L : Long.parseLong(s)) + 1;
            LaptopSyncRepository.setSetting(tx, SENT, String.valueOf(next));
            AuditLog.record(tx, haven.user(), "SYNC_BUNDLE_WRITTEN", "user", haven.user().id(), entries.size() + " change(s), bundle " + next);
            return next;
        });
        write(file, BundleCrypto.seal(BundleCrypto.BUNDLE, UUID.fromString(keyText), seq, secret, bytes(body)));
        return entries.size();
    }

    // ---- office: --apply-bundle ----

    /** At the office (a coordinator): applies {@code bundle} as the laptop's account would push it and writes the sealed reply. */
    public static Applied apply(Haven office, Path bundle, Path reply) {
        office.session().require(Role.COORDINATOR);
        if (!office.database().isOffice()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.bundle.onOffice");
        byte[] file = read(bundle, BundleCrypto.BUNDLE);
        BundleCrypto.Header header = BundleCrypto.header(file, BundleCrypto.BUNDLE);
        BundleRepository.OfficeKey key = office.database().inTransaction(tx -> BundleRepository.lockKey(tx, header.keyId()));
        if (key == null) throw HavenException.of(HavenException.Kind.FAILURE, "error.bundle.otherOffice");
        byte[] plain = BundleCrypto.open(file, BundleCrypto.BUNDLE, key.secret());
        if (header.seq() <= key.lastSeq()) {
            throw HavenException.of(HavenException.Kind.FAILURE, "error.bundle.appliedBefore", String.valueOf(header.seq()), String.valueOf(key.lastSeq()));
        }
        User laptopUser = office.database().inTransaction(tx -> BundleRepository.user(tx, key.userId()));
        if (laptopUser == null || !laptopUser.active()) {
            throw HavenException.of(HavenException.Kind.DENIED, "error.bundle.accountDisabled");
        }
        JsonNode body;
        PushJson.Push push;
        List<UUID> cases = new ArrayList<>();
        try {
            body = JSON.readTree(plain);
            push = PushJson.read(plain);
            for (JsonNode id : body.path("cases")) cases.add(UUID.fromString(id.asText()));
        } catch (IOException | IllegalArgumentException e) {
            throw BundleCrypto.damaged(BundleCrypto.BUNDLE);
        }
        if (!push.device().equals(key.device())) throw BundleCrypto.damaged(BundleCrypto.BUNDLE);
        long after = body.path("after").asLong(0);

        // The checks are done: apply as `POST /v1/push` does, under the laptop account's access.
        Session laptop = new Session(laptopUser);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode answers = out.putArray("answers");
        int conflicts = 0;
        List<OfficePush.Entry> entries = push.entries();
        for (int i = 0; i < entries.size(); i += LaptopSync.PUSH_PAGE) {
            OfficePush.Outcome outcome = new OfficePush(office.database(), laptop).push(push.device(), entries.subList(i, Math.min(entries.size(), i + LaptopSync.PUSH_PAGE)));
            for (OfficePush.Result r : outcome.results()) {
                if (r.status() == OfficePush.Status.CONFLICT || (r.status() == OfficePush.Status.DUPLICATE && r.was() == OfficePush.Status.CONFLICT)) conflicts++;
            }
            answers.add(tree(PushJson.write(outcome)));
        }
        // What `GET /v1/changes` would give the laptop after its change number, every page.
        ArrayNode pages = out.putArray("pages");
        int changes = 0;
        OfficeChanges pull = new OfficeChanges(office.database(), laptop);
        while (true) {
            OfficeChanges.Page page = pull.after(after, OfficeChanges.MAX_PAGE);
            pages.add(tree(PushJson.write(page)));
            changes += page.changes().size();
            after = page.next();
            if (!page.more()) break;
        }
        ArrayNode hidden = out.putArray("hidden");
        for (int i = 0; i < cases.size(); i += 1000) {
            pull.hidden(cases.subList(i, Math.min(cases.size(), i + 1000))).forEach(id -> hidden.add(id.toString()));
        }
        // And the cases the laptop's account may now see that it does not hold (assigned after it joined).
        java.io.StringWriter arrivals = new java.io.StringWriter();
        Snapshot.writeArrivals(office.database(), laptopUser, cases, arrivals);
        out.put("arrivals", arrivals.toString());
        byte[] sealed = BundleCrypto.seal(BundleCrypto.REPLY, key.keyId(), header.seq(), key.secret(), bytes(out));
        Path tmp = temp(reply);
        try {
            Files.write(tmp, sealed);
            int pushed = entries.size();
            int k = conflicts;
            office.database().inTransactionRun(tx -> {
                BundleRepository.OfficeKey now = BundleRepository.lockKey(tx, key.keyId());
                if (now.lastSeq() >= header.seq()) {
                    throw HavenException.of(HavenException.Kind.FAILURE, "error.bundle.concurrent");
                }
                BundleRepository.setLastSeq(tx, now, header.seq());
                AuditLog.record(tx, office.user(), "SYNC_BUNDLE_APPLIED", "user", laptopUser.id(),
                        "device " + key.device() + ", bundle " + header.seq() + ", pushed " + pushed + ", conflicts " + k);
            });
            Files.move(tmp, reply, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, "error.bundle.replyWrite", e.getClass().getSimpleName());
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a left temp file holds only sealed bytes
            }
        }
        return new Applied(entries.size(), conflicts, changes);
    }

    // ---- laptop: --from-bundle ----

    /** On the laptop: applies the office's sealed reply as `haven sync` applies the network answers. */
    public static LaptopSync.Result fromBundle(Haven haven, Path reply) {
        var db = haven.database();
        String keyText = db.isOffice() ? null : db.inTransaction(tx -> LaptopSyncRepository.setting(tx, KEY_ID));
        if (keyText == null) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.bundle.noReplyKey");
        byte[] file = read(reply, BundleCrypto.REPLY);
        BundleCrypto.Header header = BundleCrypto.header(file, BundleCrypto.REPLY);
        if (!header.keyId().toString().equals(keyText)) {
            throw HavenException.of(HavenException.Kind.FAILURE, "error.bundle.otherLaptop");
        }
        byte[] secret = Base64.getDecoder().decode(db.<String>inTransaction(tx -> LaptopSyncRepository.setting(tx, SECRET)));
        byte[] plain = BundleCrypto.open(file, BundleCrypto.REPLY, secret);
        long last = db.inTransaction(tx -> {
            String s = LaptopSyncRepository.setting(tx, REPLIED);
            return s == null ? 0L : Long.parseLong(s);
        });
        if (header.seq() <= last) {
            throw HavenException.of(HavenException.Kind.FAILURE, "error.bundle.replyAppliedBefore", String.valueOf(header.seq()), String.valueOf(last));
        }
        JsonNode body;
        try {
            body = JSON.readTree(plain);
        } catch (IOException e) {
            throw BundleCrypto.damaged(BundleCrypto.REPLY);
        }
        // The checks are done: the same steps as `haven sync` (answers, pulled pages, cases that left).
        List<Outbox.Entry> outbox = db.inTransaction(Outbox::all);
        int pushed = 0;
        int conflicts = 0;
        for (JsonNode answer : body.path("answers")) {
            int[] done = LaptopSync.applyAnswers(haven, bytes(answer), outbox);
            pushed += done[0];
            conflicts += done[1];
        }
        int pulled = 0;
        for (JsonNode page : body.path("pages")) {
            long after = db.inTransaction(tx -> {
                String s = LaptopSyncRepository.setting(tx, LaptopSync.OFFICE_SEQ);
                return s == null ? 0L : Long.parseLong(s);
            });
            pulled += LaptopSync.applyPage(haven, page, after);
        }
        List<UUID> hidden = new ArrayList<>();
        body.path("hidden").forEach(id -> hidden.add(UUID.fromString(id.asText())));
        pulled += LaptopSync.leaveCases(haven, db.inTransaction(RowsRepository::caseIds), hidden);
        if (body.hasNonNull("arrivals")) pulled += LaptopSync.applyArrivals(haven, body.path("arrivals").asText());
        int p = pushed;
        int k = conflicts;
        int m = pulled;
        db.inTransactionRun(tx -> {
            LaptopSyncRepository.setSetting(tx, REPLIED, String.valueOf(header.seq()));
            LaptopSyncRepository.setSetting(tx, LaptopSync.LAST_SYNC, java.time.Instant.now().toString());
            AuditLog.record(tx, haven.user(), "SYNC", "user", haven.user().id(),
                    "bundle reply " + header.seq() + ": pushed " + p + ", pulled " + m + ", conflicts " + k);
        });
        return new LaptopSync.Result(pushed, pulled, conflicts);
    }

    // ---- files ----

    private static byte[] read(Path file, byte kind) {
        try {
            if (Files.size(file) > 512L * 1024 * 1024) throw BundleCrypto.damaged(kind);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.bundle.unreadableFile", file.toString());
        }
    }

    /** Writes through a temp file in the same folder and an atomic move. */
    private static void write(Path file, byte[] bytes) {
        Path tmp = temp(file);
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw HavenException.of(HavenException.Kind.FAILURE, "error.bundle.write", e.getClass().getSimpleName());
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a left temp file holds only sealed bytes
            }
        }
    }

    private static Path temp(Path file) {
        Path abs = file.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("our own JSON", e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("JSON of plain values cannot fail", e);
        }
    }
}
