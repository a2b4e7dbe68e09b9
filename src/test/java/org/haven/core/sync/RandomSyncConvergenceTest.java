package org.haven.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SYNC_CONFLICT;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseNumbers;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.CaseWorkflow;
import org.haven.core.changes.Outbox;
import org.haven.core.db.OfficeConnection;
import org.haven.core.intake.PersonFieldEdit;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.haven.testing.TestPostgres;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: random edits on three laptops, synced in random order through a real `haven serve` on a
 * real PostgreSQL, converge to the same data on every device, and the office's conflicts are exactly
 * the same-field edits that really collided. Among the actions: people deleted on a laptop (a later
 * edit of them elsewhere is dropped, their conflicts erased) and conflicts resolved at the office
 * (the chosen value is a new change, which a laptop's older edit then collides with). Which edits
 * collide is worked out by a small model of the conflict rule (docs/sync.md, "The conflict rule")
 * that knows only what each device did and when it synced. A failure names the seed: rerun with
 * -Dhaven.test.seed=SEED to replay it.
 */
class RandomSyncConvergenceTest {
    static final String PASSWORD = "secret-pass-123";
    static final List<String> USERS = List.of("boss", "dana", "eve");
    static final int ROUNDS = 70;
    /** Person fields the laptops edit, each with few values so that two devices often pick the same one. */
    static final Map<String, List<String>> VALUES = Map.of(
            "notes", List.of("seen at the shelter", "moved to Phnom Penh", "called family"),
            "document_number", List.of("P-10001", "P-20002", "P-30003"),
            "family_contact", List.of("sister", "uncle", "mother"));
    @TempDir Path dir;

    @Test
    void randomEditsOnThreeLaptopsInRandomSyncOrderConvergeWithExactlyTheRealConflicts() throws Exception {
        long seed = Long.getLong("haven.test.seed", System.nanoTime());
        System.out.println("RandomSyncConvergenceTest seed " + seed);
        String replay = "seed " + seed + " (replay with -Dhaven.test.seed=" + seed + ")";
        Random random = new Random(seed);

        OfficeConnection office = TestPostgres.newDatabase();
        Path officeHome = dir.resolve("office");
        try (Haven h = Haven.create(officeHome, office, USERS.getFirst(), PASSWORD.toCharArray())) {
            for (String u : USERS.subList(1, USERS.size())) {
                Accounts.addUser(h.unlocked(), u, u, EnumSet.of(Role.COORDINATOR), PASSWORD.toCharArray());
            }
            for (String name : List.of("Lan Pham", "Hoa Le", "Mai Tran")) h.cases().register(TestHaven.newCase(TestHaven.person(name, null)));
        }
        ServiceCertificate cert = ServiceCertificate.inFolder(officeHome);
        Model model = new Model();
        List<Haven> laptops = new ArrayList<>();
        List<String> devices = new ArrayList<>();
        try (SyncServer server = SyncServer.start(officeHome, office, 0, cert)) {
            String url = "https://localhost:" + server.port();
            for (String u : USERS) {
                Path home = dir.resolve("laptop-" + u);
                Join.join(home, url, cert.fingerprint(), u, PASSWORD.toCharArray());
                Haven h = Haven.login(home, u, PASSWORD.toCharArray());
                laptops.add(h);
                devices.add(h.database().inTransaction(CaseNumbers::deviceCode));
            }
            Haven officeSession = Haven.login(officeHome, office, USERS.getFirst(), PASSWORD.toCharArray());
            model.officeDevice = officeSession.database().inTransaction(CaseNumbers::deviceCode);
            try {
                StringBuilder log = new StringBuilder();
                for (int round = 0; round < ROUNDS; round++) {
                    int d = random.nextInt(laptops.size());
                    Haven h = laptops.get(d);
                    String device = devices.get(d);
                    int action = random.nextInt(100);
                    if (action < 25) {
                        log.append(round).append(": sync ").append(device).append('\n');
                        sync(h, USERS.get(d), model, device);
                    } else if (action < 60) {
                        editPerson(h, device, random, model, log, round);
                    } else if (action < 75) {
                        moveCase(h, device, random, model, log, round);
                    } else if (action < 80) {
                        resolve(officeSession, random, model, log, round);
                    } else if (action < 84) {
                        deletePerson(h, device, random, model, log, round);
                    } else if (action < 92) {
                        UUID[] picked = pickCase(h, random);
                        if (picked == null) continue;
                        UUID caseId = picked[0];
                        h.timeline().add(caseId, EventType.NOTE, LocalDate.of(2026, 12, 1 + random.nextInt(4)), DatePrecision.DAY, "visit " + round);
                        log.append(round).append(": event on ").append(device).append('\n');
                    } else {
                        h.cases().register(TestHaven.newCase(TestHaven.person("Raid Person " + round, null)));
                        log.append(round).append(": registration on ").append(device).append('\n');
                    }
                }
                // Everyone syncs twice: the first round pushes what is left, the second pulls what the others pushed.
                for (int pass = 0; pass < 2; pass++) {
                    for (int d = 0; d < laptops.size(); d++) sync(laptops.get(d), USERS.get(d), model, devices.get(d));
                }

                String officeDump;
                TreeSet<String> conflicts;
                try (Haven h = Haven.login(officeHome, office, USERS.getFirst(), PASSWORD.toCharArray())) {
                    officeDump = dump(h.database().dsl());
                    conflicts = officeConflicts(h.database().dsl());
                }
                for (int d = 0; d < laptops.size(); d++) {
                    assertThat(dump(laptops.get(d).database().dsl()))
                            .as("laptop %s holds what the office holds; %s; actions:%n%s", devices.get(d), replay, log)
                            .isEqualTo(officeDump);
                }
                assertThat(conflicts).as("the office's conflicts are exactly the same-field edits that collided; %s; actions:%n%s", replay, log)
                        .isEqualTo(model.conflicts);
                System.out.println("RandomSyncConvergenceTest: " + model.conflicts.size() + " conflicts, " + model.applied + " field changes applied, "
                        + model.resolutions + " resolved, " + model.deletedAtOffice.size() + " rows deleted");
            } finally {
                officeSession.close();
                laptops.forEach(Haven::close);
            }
        }
    }

    // ---- the laptops' actions --------------------------------------------------------------------

    private static void editPerson(Haven h, String device, Random random, Model model, StringBuilder log, int round) {
        UUID[] c = pickCase(h, random);
        if (c == null) return;
        List<String> fields = List.of("notes", "document_number", "family_contact");
        String field = fields.get(random.nextInt(fields.size()));
        String value = VALUES.get(field).get(random.nextInt(3));
        String before = personValue(h.database().dsl(), c[1], field);
        h.cases().editPerson(c[0], p -> PersonFieldEdit.apply(p, PersonFieldEdit.parse(List.of(field + "=" + value))));
        log.append(round).append(": ").append(device).append(" person ").append(c[1]).append(' ').append(field).append('=').append(value).append('\n');
        model.edited(device, "person", c[1], field, before, value);
    }

    private static void moveCase(Haven h, String device, Random random, Model model, StringBuilder log, int round) {
        UUID[] picked = pickCase(h, random);
        if (picked == null) return;
        CaseFile c = h.cases().open(picked[0]).caseFile();
        List<CaseStatus> to = new ArrayList<>(CaseWorkflow.allowedMoves(c.status()));
        to.remove(CaseStatus.CLOSED); // closing needs an outcome: the status field alone is what collides here
        if (to.isEmpty()) return;
        CaseStatus target = to.get(random.nextInt(to.size()));
        h.cases().move(c.id(), c.version(), target, null, null, null);
        log.append(round).append(": ").append(device).append(" case ").append(c.id()).append(" status=").append(target).append('\n');
        model.edited(device, "case_file", c.id(), "status", c.status().name(), target.name());
    }

    /** A coordinator's laptop deletes a person with everything about them (their cases too). */
    private static void deletePerson(Haven h, String device, Random random, Model model, StringBuilder log, int round) {
        var rows = h.database().dsl().select(CASE_FILE.ID, CASE_FILE.PERSON_ID).from(CASE_FILE).orderBy(CASE_FILE.ID).fetch();
        if (rows.isEmpty()) return;
        UUID personId = rows.get(random.nextInt(rows.size())).value2();
        List<UUID> gone = new ArrayList<>(List.of(personId));
        gone.addAll(h.database().dsl().select(CASE_FILE.ID).from(CASE_FILE).where(CASE_FILE.PERSON_ID.eq(personId)).fetch(CASE_FILE.ID));
        h.personDeletion().deletePerson(personId);
        log.append(round).append(": ").append(device).append(" deletes person ").append(personId).append('\n');
        model.deleted(device, gone);
    }

    /** At the office, a coordinator resolves one open conflict (keeping the laptop's or the office's value). */
    private static void resolve(Haven office, Random random, Model model, StringBuilder log, int round) {
        List<Conflicts.Open> open = office.conflicts().open();
        if (open.isEmpty()) return;
        Conflicts.Open o = open.get(random.nextInt(open.size()));
        var c = office.database().dsl().selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.ID.eq(o.id())).fetchSingle();
        boolean keepLaptop = random.nextBoolean();
        office.conflicts().resolve(o.id(), keepLaptop ? Conflicts.Keep.LAPTOP : Conflicts.Keep.OFFICE);
        UUID row = "person".equals(c.getTableName()) ? c.getPersonId() : c.getCaseId();
        log.append(round).append(": office resolves ").append(c.getTableName()).append(' ').append(row).append(' ').append(c.getField())
                .append(keepLaptop ? " keeping the laptop's " : " keeping the office's ").append('\n');
        model.resolved(c.getTableName() + "/" + row + "/" + c.getField(), keepLaptop ? c.getLaptopValue() : null);
    }

    /**
     * A case of this laptop: mostly one of the three the office started with, so edits collide. Returns
     * {case id, person id}, or null when the laptop holds no case (all deleted).
     */
    private static UUID[] pickCase(Haven h, Random random) {
        var rows = h.database().dsl().select(CASE_FILE.ID, CASE_FILE.PERSON_ID).from(CASE_FILE).orderBy(CASE_FILE.ID).fetch();
        if (rows.isEmpty()) return null;
        int i = random.nextInt(10) < 7 ? random.nextInt(Math.min(3, rows.size())) : random.nextInt(rows.size());
        return new UUID[] {rows.get(i).value1(), rows.get(i).value2()};
    }

    private static String personValue(DSLContext dsl, UUID personId, String field) {
        Field<?> column = PersonSyncRepository.field(field);
        return Outbox.text(dsl.select(column).from(PERSON).where(PERSON.ID.eq(personId)).fetchOne(column));
    }

    private static void sync(Haven h, String user, Model model, String device) {
        LaptopSync.Result r = LaptopSync.sync(h, user, PASSWORD.toCharArray());
        int expected = model.pushed(device);
        assertThat(r.conflicts()).as("conflicts answered to %s", device).isEqualTo(expected);
    }

    // ---- the model of the conflict rule ----------------------------------------------------------

    /**
     * What the office must do with the laptops' field edits, from the rule alone: each row has an office
     * version raised by every applied change; a laptop's edits of one field between two syncs count as
     * one (the office version it had seen, the last value); it is applied unless another device changed
     * that field at the office since that version, with another value than the office holds, in which
     * case it is a conflict and the office keeps its value. After a sync a laptop has seen everything.
     */
    static final class Model {
        record Change(int version, String device) {}
        record Pending(int base, String value, int entries) {}

        final Map<UUID, Integer> rowVersion = new HashMap<>();
        final Map<String, String> officeValue = new HashMap<>();
        final Map<String, List<Change>> changes = new HashMap<>();
        final Map<String, Map<UUID, Integer>> seen = new HashMap<>();
        final Map<String, LinkedHashMap<String, Pending>> pending = new HashMap<>();
        final TreeSet<String> conflicts = new TreeSet<>();
        /** Rows (people and their cases) each device deleted and has not pushed yet, in order. */
        final Map<String, List<UUID>> pendingDeletions = new HashMap<>();
        /** Rows the office deleted: a change of them pushed later is dropped. */
        final java.util.Set<UUID> deletedAtOffice = new java.util.HashSet<>();
        String officeDevice;
        int applied;
        int resolutions;

        /** The device deleted a person (their key and their cases' keys): its own unsent edits of them are erased with them. */
        void deleted(String device, List<UUID> rows) {
            var mine = pending.get(device);
            if (mine != null) mine.keySet().removeIf(key -> rows.contains(UUID.fromString(key.split("/")[1])));
            pendingDeletions.computeIfAbsent(device, k -> new ArrayList<>()).addAll(rows);
        }

        /**
         * A conflict resolved at the office: the chosen value (the laptop's, or null: the office's own,
         * re-stated) written as a new office change of the field.
         */
        void resolved(String key, String laptopValue) {
            resolutions++;
            UUID row = UUID.fromString(key.split("/")[1]);
            int version = rowVersion.merge(row, 1, Integer::sum);
            changes.computeIfAbsent(key, k -> new ArrayList<>()).add(new Change(version, officeDevice));
            if (laptopValue != null) officeValue.put(key, laptopValue);
        }

        void edited(String device, String table, UUID row, String field, String before, String value) {
            if (Objects.equals(before, value)) return; // a save that changes nothing sends nothing
            String key = table + "/" + row + "/" + field;
            // First edit of this field anywhere: every device and the office still hold the value it was made with.
            if (!changes.containsKey(key) && pending.values().stream().noneMatch(p -> p.containsKey(key))) officeValue.putIfAbsent(key, before);
            int base = seen.computeIfAbsent(device, k -> new HashMap<>()).getOrDefault(row, 0);
            Pending earlier = pending.computeIfAbsent(device, k -> new LinkedHashMap<>()).get(key);
            pending.get(device).put(key, new Pending(earlier == null ? base : earlier.base(), value, earlier == null ? 1 : earlier.entries() + 1));
        }

        /**
         * The device's push: returns how many entries the office answers "conflict" (every entry of a
         * field that collided: `sync` counts entries); then the device has seen every office version.
         */
        int pushed(String device) {
            int conflicted = 0;
            for (var e : pending.getOrDefault(device, new LinkedHashMap<>()).entrySet()) {
                String key = e.getKey();
                Pending p = e.getValue();
                UUID row = UUID.fromString(key.split("/")[1]);
                String field = key.split("/")[2];
                if (deletedAtOffice.contains(row)) continue; // deleted meanwhile: dropped, never resurrected
                String office = officeValue.get(key);
                if (Objects.equals(office, p.value())) continue; // the same value already: nothing changes
                boolean theirs = changes.getOrDefault(key, List.of()).stream().anyMatch(c -> c.version() > p.base() && !c.device().equals(device));
                if (theirs) {
                    conflicts.add(conflictKey(key.split("/")[0], row, field, device, p.value(), office));
                    conflicted += p.entries();
                    continue;
                }
                int version = rowVersion.merge(row, 1, Integer::sum);
                changes.computeIfAbsent(key, k -> new ArrayList<>()).add(new Change(version, device));
                officeValue.put(key, p.value());
                applied++;
            }
            pending.remove(device);
            // Its deletions: gone at the office, with every conflict about them.
            List<UUID> gone = pendingDeletions.getOrDefault(device, List.of());
            deletedAtOffice.addAll(gone);
            conflicts.removeIf(k -> gone.stream().anyMatch(r -> k.contains(r.toString())));
            pendingDeletions.remove(device);
            seen.put(device, new HashMap<>(rowVersion));
            return conflicted;
        }
    }

    static String conflictKey(String table, UUID row, String field, String device, String laptopValue, String officeValue) {
        return table + " " + row + " " + field + " " + device + " laptop=" + laptopValue + " office=" + officeValue;
    }

    private static TreeSet<String> officeConflicts(DSLContext dsl) {
        TreeSet<String> out = new TreeSet<>();
        for (var c : dsl.selectFrom(SYNC_CONFLICT).fetch()) {
            UUID row = "person".equals(c.getTableName()) ? c.getPersonId() : c.getCaseId();
            out.add(conflictKey(c.getTableName(), row, c.getField(), c.getLaptopDevice(), c.getLaptopValue(), c.getOfficeValue()));
        }
        return out;
    }

    // ---- a canonical dump of what syncs -------------------------------------------------------------

    /** People, cases and events as text, sorted by key, leaving out each device's own bookkeeping. */
    static String dump(DSLContext dsl) {
        StringBuilder sb = new StringBuilder();
        List<Field<?>> personFields = new ArrayList<>();
        for (Field<?> f : PERSON.fields()) {
            if (f == PERSON.ID || PersonSyncRepository.field(f.getName().toLowerCase(java.util.Locale.ROOT)) != null) personFields.add(f);
        }
        for (Record r : dsl.select(personFields).from(PERSON).orderBy(PERSON.ID).fetch()) sb.append("person ").append(values(r)).append('\n');
        for (Record r : dsl.select(CASE_FILE.ID, CASE_FILE.CASE_NUMBER, CASE_FILE.PERSON_ID, CASE_FILE.STATUS, CASE_FILE.OUTCOME,
                CASE_FILE.ASSIGNED_TO, CASE_FILE.OPERATION_ID, CASE_FILE.LEGAL_ROLE, CASE_FILE.OPENED_ON, CASE_FILE.CLOSED_ON)
                .from(CASE_FILE).orderBy(CASE_FILE.ID).fetch()) {
            sb.append("case ").append(values(r)).append('\n');
        }
        for (Record r : dsl.select(CASE_EVENT.ID, CASE_EVENT.CASE_ID, CASE_EVENT.EVENT_TYPE, CASE_EVENT.EVENT_DATE, CASE_EVENT.NOTE)
                .from(CASE_EVENT).orderBy(CASE_EVENT.ID).fetch()) {
            sb.append("event ").append(values(r)).append('\n');
        }
        return sb.toString();
    }

    private static String values(Record r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) out.add(Outbox.text(r.get(i)));
        return String.join("|", out);
    }
}
