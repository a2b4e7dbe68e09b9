package org.haven.demo;

import static org.haven.db.jooq.Tables.CASE_EVENT;
import static org.haven.db.jooq.Tables.CASE_FILE;
import static org.haven.db.jooq.Tables.CASE_HTCDS;
import static org.haven.db.jooq.Tables.PERSON;
import static org.haven.db.jooq.Tables.SEARCH_PREFIX;
import static org.haven.db.jooq.Tables.SEARCH_TOKEN;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.haven.Haven;
import org.haven.cases.CaseNumbers;
import org.haven.cases.CaseStatus;
import org.haven.cases.MethodOfControl;
import org.haven.cases.RecruiterRelation;
import org.haven.cases.SearchIndex;
import org.haven.cases.Outcome;
import org.haven.common.HavenException;
import org.haven.db.Audit;
import org.haven.db.Ids;
import org.haven.db.jooq.tables.records.CaseEventRecord;
import org.haven.db.jooq.tables.records.CaseFileRecord;
import org.haven.db.jooq.tables.records.CaseHtcdsRecord;
import org.haven.db.jooq.tables.records.PersonRecord;
import org.haven.db.jooq.tables.records.SearchPrefixRecord;
import org.haven.db.jooq.tables.records.SearchTokenRecord;
import org.haven.operations.Operation;
import org.haven.operations.OperationRepository;
import org.haven.people.DocumentStatus;
import org.haven.people.NameFolding;
import org.haven.people.names.MatchIndex;
import org.haven.people.Sex;
import org.haven.security.AuditLog;
import org.haven.security.Role;
import org.haven.timeline.DatePrecision;
import org.haven.timeline.EventType;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * Fills an empty database with synthetic, seeded data: operations, people in their own scripts,
 * cases in every status and outcome, and timelines along plausible paths. The same seed gives the
 * same data. It writes in batches of a few thousand rows per transaction so it scales to 100,000 people.
 * Longer than 400 lines: one seeded generator (operations, people, cases, timelines) drawing from
 * one random stream in a fixed order, which is what makes the same seed give the same data.
 */
public final class DemoData {
    private static final int CHUNK = 1000;
    private static final String[] PROVINCES = {"Preah Sihanouk", "Kandal", "Phnom Penh", "Koh Kong", "Pursat",
        "Banteay Meanchey", "Svay Rieng", "Oddar Meanchey", "Takeo", "Kampot"};
    private static final String[] PLACES = {"Chinatown compound", "Golden Fortune casino complex", "Jin Bei hotel block",
        "riverside compound", "industrial park building C", "border casino zone", "apartment towers 3 and 4"};
    private static final String[] AGENCIES = {"National Police; Anti-Human Trafficking Department",
        "Provincial Police; Immigration Department", "Military Police; National Committee for Counter Trafficking",
        "Immigration Department; IOM liaison"};

    private final Haven haven;
    private final Random random;
    /**
     * Draws the trafficking details on a stream of their own, so adding them left every other value
     * of a seed (names, dates, paths: what the tests and benchmarks rely on) as it was.
     */
    private final Random detailsRandom;

    public DemoData(Haven haven, long seed) {
        this.haven = haven;
        this.random = new Random(seed);
        this.detailsRandom = new Random(seed ^ 0x5DEECE66DL);
    }

    public record Counts(long people, long cases, long events, long operations) {}

    /** Generates {@code people} people; refuses a database that already holds people. */
    public Counts generate(int people, LongConsumer progress) {
        haven.session().require(Role.COORDINATOR);
        if (people < 1 || people > 1_000_000) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.demo.people");
        DSLContext dsl = haven.database().dsl();
        if (dsl.fetchCount(PERSON) > 0) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.demo.notEmpty");
        }
        LocalDate today = LocalDate.now();
        int operationCount = Math.max(1, Math.min(200, (int) Math.round(people / 170.0)));
        List<Operation> operations = haven.database().inTransaction(tx -> {
            List<Operation> ops = new ArrayList<>();
            for (int i = 0; i < operationCount; i++) {
                LocalDate date = today.minusDays(20 + random.nextInt(700));
                String province = PROVINCES[random.nextInt(PROVINCES.length)];
                ops.add(OperationRepository.insert(tx, new Operation(null,
                        String.format("OP-%d-%03d", date.getYear(), i + 1),
                        "Raid, " + province + " " + date.getMonthValue() + "/" + date.getYear(), date, province,
                        PLACES[random.nextInt(PLACES.length)], AGENCIES[random.nextInt(AGENCIES.length)],
                        null, null, 0), haven.user().id()));
            }
            AuditLog.record(tx, haven.user(), "DEMO_DATA", null, null, people + " synthetic people");
            return ops;
        });
        long events = 0;
        // Each chunk's index rows land all over the search tables, and every commit appends the pages it
        // touched (the file grew to 8.7 GB before 100,000 people were in): compact as a large import does.
        long baseline = haven.database().fileSize();
        for (int done = 0; done < people; done += CHUNK) {
            int n = Math.min(CHUNK, people - done);
            events += haven.database().inTransaction(tx -> writeChunk(tx, n, operations, today));
            baseline = haven.database().compactIfGrownSince(baseline);
            if (progress != null) progress.accept(done + n);
        }
        return new Counts(people, people, events, operationCount);
    }

    private long writeChunk(DSLContext tx, int n, List<Operation> operations, LocalDate today) {
        UUID userId = haven.user().id();
        OffsetDateTime now = Audit.now();
        List<TableRecord<?>> people = new ArrayList<>();
        List<TableRecord<?>> cases = new ArrayList<>();
        List<TableRecord<?>> events = new ArrayList<>();
        List<TableRecord<?>> tokens = new ArrayList<>();
        List<TableRecord<?>> prefixes = new ArrayList<>();
        List<TableRecord<?>> matchKeys = new ArrayList<>();
        List<TableRecord<?>> details = new ArrayList<>();
        Map<Integer, Integer> perYear = new LinkedHashMap<>();
        List<Object[]> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Operation op = random.nextInt(10) < 9 ? operations.get(random.nextInt(operations.size())) : null;
            LocalDate identified = op != null ? op.date() : today.minusDays(1 + random.nextInt(700));
            perYear.merge(identified.getYear(), 1, Integer::sum);
            drafts.add(new Object[] {op, identified});
        }
        Map<Integer, Integer> nextSerial = new LinkedHashMap<>();
        perYear.forEach((year, count) -> nextSerial.put(year, CaseNumbers.reserve(tx, year, count)));
        String deviceCode = CaseNumbers.deviceCode(tx); // once per chunk, not one query per case

        for (Object[] d : drafts) {
            Operation op = (Operation) d[0];
            LocalDate identified = (LocalDate) d[1];
            SyntheticNames.Drawn drawn = SyntheticNames.draw(random);
            PersonRecord p = tx.newRecord(PERSON);
            p.setId(Ids.newId());
            p.setNameNative(drawn.name().nativeForm());
            p.setNameLatin(drawn.name().latin());
            p.setNameLatinDerived(false); // rows are inserted with every column: no database default applies
            int r = random.nextInt(100);
            p.setSex(r < 62 ? Sex.MALE.name() : r < 97 ? Sex.FEMALE.name() : r < 99 ? Sex.TRANSGENDER_NONCONFORMING.name() : Sex.UNKNOWN.name());
            int age = 16 + (int) Math.abs(random.nextGaussian() * 8 + 10);
            age = Math.min(age, 65);
            if (random.nextInt(3) > 0) {
                p.setBirthDate(identified.minusYears(age).minusDays(random.nextInt(365)));
            } else {
                p.setEstimatedAge(age);
            }
            p.setNationality(drawn.nationality());
            p.setLanguages(drawn.language());
            p.setInterpreterNeeded(!drawn.nationality().equals("PH") && random.nextInt(4) > 0);
            DocumentStatus doc = DocumentStatus.values()[random.nextInt(DocumentStatus.values().length)];
            p.setDocumentStatus(doc.name());
            p.setDocumentNumber(doc.mayHaveNumber() && random.nextBoolean()
                    ? drawn.nationality() + (char) ('A' + random.nextInt(26)) + (1000000 + random.nextInt(9000000)) : null);
            p.setVersion(0);
            p.setCreatedAt(now);
            p.setCreatedBy(userId);
            p.setUpdatedAt(now);
            p.setUpdatedBy(userId);
            people.add(p);

            int serial = nextSerial.merge(identified.getYear(), 1, Integer::sum) - 1;
            String caseNumber = CaseNumbers.format(deviceCode, identified.getYear(), serial);
            CaseFileRecord c = tx.newRecord(CASE_FILE);
            c.setId(Ids.newId());
            c.setCaseNumber(caseNumber);
            c.setPersonId(p.getId());
            c.setPersonName(p.getNameLatin()); // the list's sort keys, as SearchIndex writes them
            c.setPersonNationality(p.getNationality());
            c.setOperationId(op == null ? null : op.id());
            c.setAssignedTo(userId);
            c.setLegalRole("NONE");
            c.setOpenedOn(identified);
            c.setVersion(0);
            c.setCreatedAt(now);
            c.setCreatedBy(userId);
            c.setUpdatedAt(now);
            c.setUpdatedBy(userId);
            walkPath(tx, c, identified, today, events, userId, now);
            cases.add(c);
            CaseHtcdsRecord h = traffickingDetails(tx, c, op != null, now, userId);
            if (h != null) details.add(h);

            Set<String> personTokens = new LinkedHashSet<>(NameFolding.searchTokens(p.getNameLatin(), p.getNameNative(), null));
            personTokens.addAll(SearchIndex.caseNumberTokens(caseNumber));
            for (String t : personTokens) tokens.add(token(tx, t, p.getId()));
            for (String prefix : SearchIndex.prefixes(personTokens)) prefixes.add(prefix(tx, prefix, caseNumber));
            matchKeys.addAll(org.haven.people.names.MatchIndexRepository.records(tx, p));
        }
        insertAll(tx, PERSON, people);
        insertAll(tx, CASE_FILE, cases);
        insertAll(tx, CASE_EVENT, events);
        insertAll(tx, CASE_HTCDS, details);
        insertAll(tx, SEARCH_TOKEN, dedupe(tokens));
        insertAll(tx, SEARCH_PREFIX, prefixes);
        MatchIndex.batchInsert(tx, matchKeys);
        return events.size();
    }

    /**
     * The "Trafficking details" of about two cases in three (caseworkers fill them after the first
     * interviews, so rarely on a case still at identification): the compounds these raids hit are in
     * Cambodia, people found outside a raid were mostly exploited elsewhere in the region; recruiters
     * are mostly strangers met online (Other, Unknown), sometimes friends, seldom family or a partner;
     * the methods of control are those survivors of scam compounds report most. Null when none are recorded.
     */
    private CaseHtcdsRecord traffickingDetails(DSLContext tx, CaseFileRecord c, boolean raid, OffsetDateTime now, UUID userId) {
        Random r = detailsRandom;
        boolean pastIdentification = !CaseStatus.IDENTIFIED.name().equals(c.getStatus());
        if (r.nextInt(100) >= (pastIdentification ? 75 : 20)) return null;
        String country = null;
        if (r.nextInt(100) < 92) {
            String[] elsewhere = {"MM", "MM", "MM", "LA", "LA", "TH", "PH", "MY", "AE"};
            country = raid || r.nextInt(100) < 30 ? "KH" : elsewhere[r.nextInt(elsewhere.length)];
        }
        Set<RecruiterRelation> relations = EnumSet.noneOf(RecruiterRelation.class);
        if (r.nextInt(100) < 80) {
            int x = r.nextInt(100);
            relations.add(x < 38 ? RecruiterRelation.OTHER : x < 62 ? RecruiterRelation.UNKNOWN : x < 86 ? RecruiterRelation.FRIEND
                    : x < 96 ? RecruiterRelation.FAMILY : RecruiterRelation.INTIMATE_PARTNER);
            if (relations.contains(RecruiterRelation.FRIEND) && r.nextInt(5) == 0) relations.add(RecruiterRelation.OTHER);
        }
        Set<MethodOfControl> methods = EnumSet.noneOf(MethodOfControl.class);
        if (r.nextInt(100) < 85) {
            Object[][] reported = {{MethodOfControl.FALSE_PROMISES, 80}, {MethodOfControl.WITHHOLDS_DOCUMENTS, 65},
                {MethodOfControl.RESTRICTS_MOVEMENT, 75}, {MethodOfControl.EXCESSIVE_WORKING_HOURS, 60},
                {MethodOfControl.THREATS, 55}, {MethodOfControl.DEBT_BONDAGE, 45}, {MethodOfControl.TAKES_EARNINGS, 40},
                {MethodOfControl.PHYSICAL_ABUSE, 30}, {MethodOfControl.THREAT_OF_LAW_ENFORCEMENT, 20},
                {MethodOfControl.PSYCHOLOGICAL_ABUSE, 25}, {MethodOfControl.WITHHOLDS_NECESSITIES, 10},
                {MethodOfControl.SEXUAL_ABUSE, 5}};
            for (Object[] m : reported) if (r.nextInt(100) < (Integer) m[1]) methods.add((MethodOfControl) m[0]);
        }
        if (country == null && relations.isEmpty() && methods.isEmpty()) return null;
        CaseHtcdsRecord h = tx.newRecord(CASE_HTCDS);
        h.setCaseId(c.getId());
        h.setCountryOfExploitation(country);
        // Stored as TraffickingDetailsRepository stores them: enum names in enum order, ';'-separated.
        h.setRecruiterRelations(relations.isEmpty() ? null : String.join(";", relations.stream().map(Enum::name).toList()));
        h.setMethodsOfControl(methods.isEmpty() ? null : String.join(";", methods.stream().map(Enum::name).toList()));
        h.setCreatedAt(now);
        h.setCreatedBy(userId);
        h.setUpdatedAt(now);
        h.setUpdatedBy(userId);
        return h;
    }

    /** Moves the case along a plausible path, adding the events that path would leave. */
    private void walkPath(DSLContext tx, CaseFileRecord c, LocalDate start, LocalDate today,
                          List<TableRecord<?>> events, UUID userId, OffsetDateTime now) {
        LocalDate[] date = {start};
        long ageDays = java.time.temporal.ChronoUnit.DAYS.between(start, today);
        java.util.function.BiConsumer<EventType, String> add = (type, note) -> {
            events.add(event(tx, c.getId(), type, date[0], type == EventType.FOLLOW_UP && random.nextInt(4) == 0
                    ? DatePrecision.MONTH : DatePrecision.DAY, note, userId, now));
        };
        java.util.function.IntConsumer advance = maxDays -> {
            LocalDate next = date[0].plusDays(1 + random.nextInt(Math.max(1, maxDays)));
            date[0] = next.isAfter(today) ? today : next;
        };
        add.accept(EventType.IDENTIFICATION, "Identified during the operation.");
        CaseStatus status = CaseStatus.IDENTIFIED;
        // How far along a case gets depends on how long ago it was opened.
        int stage = Math.min(5, (int) (ageDays / 45) + random.nextInt(2));
        if (stage >= 1) {
            advance.accept(5);
            add.accept(EventType.SCREENING, "Screening interview with interpreter.");
            status = CaseStatus.SCREENING;
            events.add(statusEvent(tx, c.getId(), date[0], "IDENTIFIED -> SCREENING", userId, now));
            if (random.nextInt(12) == 0) {
                close(tx, c, status, date[0], Outcome.NOT_A_VICTIM, "No trafficking indicators found.", events, userId, now);
                return;
            }
        }
        if (stage >= 2) {
            advance.accept(10);
            add.accept(EventType.SHELTER_ADMISSION, null);
            events.add(statusEvent(tx, c.getId(), date[0], status + " -> ASSISTANCE", userId, now));
            status = CaseStatus.ASSISTANCE;
            advance.accept(10);
            add.accept(EventType.MEDICAL, "Health check.");
            advance.accept(15);
            add.accept(EventType.PSYCHOSOCIAL, "Counselling session.");
            if (random.nextBoolean()) {
                advance.accept(20);
                add.accept(EventType.FOLLOW_UP, null);
            }
        }
        if (stage >= 3 && random.nextInt(3) == 0) {
            advance.accept(20);
            add.accept(EventType.LEGAL_AID, null);
            events.add(statusEvent(tx, c.getId(), date[0], status + " -> LEGAL_PROCESS", userId, now));
            status = CaseStatus.LEGAL_PROCESS;
            advance.accept(20);
            add.accept(EventType.POLICE_STATEMENT, null);
            c.setLegalRole(random.nextInt(10) == 0 ? "SUSPECT" : random.nextBoolean() ? "WITNESS" : "COMPLAINANT");
            advance.accept(40);
            add.accept(EventType.COURT_HEARING, null);
        }
        if (stage >= 4) {
            advance.accept(20);
            add.accept(EventType.EMBASSY_CONTACT, null);
            events.add(statusEvent(tx, c.getId(), date[0], status + " -> RETURN_PENDING", userId, now));
            status = CaseStatus.RETURN_PENDING;
            advance.accept(20);
            add.accept(EventType.TRAVEL_DOCUMENT_ISSUED, null);
        }
        if (stage >= 5) {
            advance.accept(15);
            int r = random.nextInt(100);
            Outcome outcome;
            if (status == CaseStatus.RETURN_PENDING) {
                outcome = r < 60 ? Outcome.REPATRIATED : Outcome.DEPORTED;
                add.accept(outcome == Outcome.REPATRIATED ? EventType.REPATRIATION : EventType.DEPORTATION, null);
                if (outcome == Outcome.REPATRIATED && random.nextBoolean()) {
                    add.accept(EventType.FAMILY_REUNIFICATION, null);
                }
            } else {
                Outcome[] others = {Outcome.PROSECUTED_DETAINED, Outcome.LOCALLY_INTEGRATED, Outcome.LOST_CONTACT, Outcome.REFERRED};
                outcome = others[r % others.length];
            }
            close(tx, c, status, date[0], outcome, "Case closed: " + outcome.name().toLowerCase().replace('_', ' ') + ".", events, userId, now);
            return;
        }
        c.setStatus(status.name());
    }

    private void close(DSLContext tx, CaseFileRecord c, CaseStatus from, LocalDate date, Outcome outcome, String reason,
                       List<TableRecord<?>> events, UUID userId, OffsetDateTime now) {
        c.setStatus(CaseStatus.CLOSED.name());
        c.setOutcome(outcome.name());
        c.setClosingReason(reason);
        c.setClosedOn(date);
        // the note as CaseService.move writes it, so the timeline shows it in words
        events.add(statusEvent(tx, c.getId(), date, from + " -> CLOSED (" + outcome + "): " + reason, userId, now));
    }

    private CaseEventRecord statusEvent(DSLContext tx, UUID caseId, LocalDate date, String note, UUID userId, OffsetDateTime now) {
        return event(tx, caseId, EventType.STATUS_CHANGE, date, DatePrecision.DAY, note, userId, now);
    }

    private static CaseEventRecord event(DSLContext tx, UUID caseId, EventType type, LocalDate date, DatePrecision precision,
                                         String note, UUID userId, OffsetDateTime now) {
        CaseEventRecord e = tx.newRecord(CASE_EVENT);
        e.setId(Ids.newId());
        e.setCaseId(caseId);
        e.setEventType(type.name());
        e.setEventDate(precision.normalize(date));
        e.setDatePrecision(precision.name());
        e.setNote(note);
        e.setRecordedBy(userId);
        e.setVersion(0);
        e.setCreatedAt(now);
        e.setCreatedBy(userId);
        e.setUpdatedAt(now);
        e.setUpdatedBy(userId);
        return e;
    }

    /**
     * One prepared INSERT of every column, bound once per row: a single JDBC batch. (jOOQ's
     * batchInsert(records) renders the SQL of each record again; this was half the time at 100k.)
     */
    private static void insertAll(DSLContext tx, Table<?> table, List<TableRecord<?>> rows) {
        if (rows.isEmpty()) return;
        Field<?>[] fields = table.fields();
        BatchBindStep batch = tx.batch(tx.insertInto(table).columns(fields).values(new Object[fields.length]));
        for (TableRecord<?> row : rows) batch.bind(row.intoArray());
        batch.execute();
    }

    private static SearchPrefixRecord prefix(DSLContext tx, String prefix, String caseNumber) {
        SearchPrefixRecord r = tx.newRecord(SEARCH_PREFIX);
        r.setPrefix(prefix);
        r.setCaseNumber(caseNumber);
        return r;
    }

    private static SearchTokenRecord token(DSLContext tx, String token, UUID personId) {
        SearchTokenRecord t = tx.newRecord(SEARCH_TOKEN);
        t.setToken(token);
        t.setPersonId(personId);
        return t;
    }

    private static List<TableRecord<?>> dedupe(List<TableRecord<?>> tokens) {
        Map<String, TableRecord<?>> unique = new LinkedHashMap<>();
        for (TableRecord<?> t : tokens) {
            SearchTokenRecord r = (SearchTokenRecord) t;
            unique.putIfAbsent(r.getToken() + "|" + r.getPersonId(), r);
        }
        return new ArrayList<>(unique.values());
    }
}
