package org.haven.core.demo;

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
import org.haven.core.Haven;
import org.haven.core.cases.CaseNumbers;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.MethodOfControl;
import org.haven.core.cases.RecruiterRelation;
import org.haven.core.cases.SearchIndex;
import org.haven.core.cases.Outcome;
import org.haven.core.common.HavenException;
import org.haven.core.db.Audit;
import org.haven.core.db.Ids;
import org.haven.core.operations.Operation;
import org.haven.core.operations.OperationRepository;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.NameFolding;
import org.haven.core.people.Sex;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;
import org.jooq.DSLContext;

/**
 * Fills an empty database with synthetic, seeded data: operations, people in their own scripts,
 * cases in every status and outcome, and timelines along plausible paths. The same seed gives the
 * same data. It writes in batches of a few thousand rows per transaction so it scales to 100,000 people
 * (the rows are written by {@link DemoRepository}). One seeded generator (operations, people, cases,
 * timelines) drawing from one random stream in a fixed order, which is what makes the same seed give the same data.
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
        if (DemoRepository.anyPerson(dsl)) {
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
        DemoRepository.Chunk chunk = new DemoRepository.Chunk();
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
            int r = random.nextInt(100);
            String sex = r < 62 ? Sex.MALE.name() : r < 97 ? Sex.FEMALE.name() : r < 99 ? Sex.TRANSGENDER_NONCONFORMING.name() : Sex.UNKNOWN.name();
            int age = 16 + (int) Math.abs(random.nextGaussian() * 8 + 10);
            age = Math.min(age, 65);
            LocalDate birthDate = null;
            Integer estimatedAge = null;
            if (random.nextInt(3) > 0) {
                birthDate = identified.minusYears(age).minusDays(random.nextInt(365));
            } else {
                estimatedAge = age;
            }
            boolean interpreterNeeded = !drawn.nationality().equals("PH") && random.nextInt(4) > 0;
            DocumentStatus doc = DocumentStatus.values()[random.nextInt(DocumentStatus.values().length)];
            String documentNumber = doc.mayHaveNumber() && random.nextBoolean()
                    ? drawn.nationality() + (char) ('A' + random.nextInt(26)) + (1000000 + random.nextInt(9000000)) : null;
            DemoRepository.Person p = new DemoRepository.Person(Ids.newId(), drawn.name().nativeForm(), drawn.name().latin(),
                    sex, birthDate, estimatedAge, drawn.nationality(), drawn.language(), interpreterNeeded, doc.name(), documentNumber);
            chunk.people.add(p);

            int serial = nextSerial.merge(identified.getYear(), 1, Integer::sum) - 1;
            String caseNumber = CaseNumbers.format(deviceCode, identified.getYear(), serial);
            DemoRepository.Case c = new DemoRepository.Case(Ids.newId(), caseNumber, p, op == null ? null : op.id(), identified);
            walkPath(c, identified, today, chunk.events);
            chunk.cases.add(c);
            DemoRepository.Details h = traffickingDetails(c, op != null);
            if (h != null) chunk.details.add(h);

            Set<String> personTokens = new LinkedHashSet<>(NameFolding.searchTokens(p.nameLatin(), p.nameNative(), null));
            personTokens.addAll(SearchIndex.caseNumberTokens(caseNumber));
            for (String t : personTokens) chunk.tokens.add(Map.entry(t, p.id()));
            for (String prefix : SearchIndex.prefixes(personTokens)) chunk.prefixes.add(Map.entry(prefix, caseNumber));
        }
        DemoRepository.insert(tx, chunk, userId, now);
        return chunk.events.size();
    }

    /**
     * The "Trafficking details" of about two cases in three (caseworkers fill them after the first
     * interviews, so rarely on a case still at identification): the compounds these raids hit are in
     * Cambodia, people found outside a raid were mostly exploited elsewhere in the region; recruiters
     * are mostly strangers met online (Other, Unknown), sometimes friends, seldom family or a partner;
     * the methods of control are those survivors of scam compounds report most. Null when none are recorded.
     */
    private DemoRepository.Details traffickingDetails(DemoRepository.Case c, boolean raid) {
        Random r = detailsRandom;
        boolean pastIdentification = !CaseStatus.IDENTIFIED.name().equals(c.status);
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
        // Stored as TraffickingDetailsRepository stores them: enum names in enum order, ';'-separated.
        return new DemoRepository.Details(c.id, country,
                relations.isEmpty() ? null : String.join(";", relations.stream().map(Enum::name).toList()),
                methods.isEmpty() ? null : String.join(";", methods.stream().map(Enum::name).toList()));
    }

    /** Moves the case along a plausible path, adding the events that path would leave. */
    private void walkPath(DemoRepository.Case c, LocalDate start, LocalDate today, List<DemoRepository.Event> events) {
        LocalDate[] date = {start};
        long ageDays = java.time.temporal.ChronoUnit.DAYS.between(start, today);
        java.util.function.BiConsumer<EventType, String> add = (type, note) -> {
            events.add(event(c.id, type, date[0], type == EventType.FOLLOW_UP && random.nextInt(4) == 0
                    ? DatePrecision.MONTH : DatePrecision.DAY, note));
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
            events.add(statusEvent(c.id, date[0], "IDENTIFIED -> SCREENING"));
            if (random.nextInt(12) == 0) {
                close(c, status, date[0], Outcome.NOT_A_VICTIM, "No trafficking indicators found.", events);
                return;
            }
        }
        if (stage >= 2) {
            advance.accept(10);
            add.accept(EventType.SHELTER_ADMISSION, null);
            events.add(statusEvent(c.id, date[0], status + " -> ASSISTANCE"));
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
            events.add(statusEvent(c.id, date[0], status + " -> LEGAL_PROCESS"));
            status = CaseStatus.LEGAL_PROCESS;
            advance.accept(20);
            add.accept(EventType.POLICE_STATEMENT, null);
            c.legalRole = random.nextInt(10) == 0 ? "SUSPECT" : random.nextBoolean() ? "WITNESS" : "COMPLAINANT";
            advance.accept(40);
            add.accept(EventType.COURT_HEARING, null);
        }
        if (stage >= 4) {
            advance.accept(20);
            add.accept(EventType.EMBASSY_CONTACT, null);
            events.add(statusEvent(c.id, date[0], status + " -> RETURN_PENDING"));
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
            close(c, status, date[0], outcome, "Case closed: " + outcome.name().toLowerCase().replace('_', ' ') + ".", events);
            return;
        }
        c.status = status.name();
    }

    private void close(DemoRepository.Case c, CaseStatus from, LocalDate date, Outcome outcome, String reason,
                       List<DemoRepository.Event> events) {
        c.status = CaseStatus.CLOSED.name();
        c.outcome = outcome.name();
        c.closingReason = reason;
        c.closedOn = date;
        // the note as CaseService.move writes it, so the timeline shows it in words
        events.add(statusEvent(c.id, date, from + " -> CLOSED (" + outcome + "): " + reason));
    }

    private DemoRepository.Event statusEvent(UUID caseId, LocalDate date, String note) {
        return event(caseId, EventType.STATUS_CHANGE, date, DatePrecision.DAY, note);
    }

    private static DemoRepository.Event event(UUID caseId, EventType type, LocalDate date, DatePrecision precision, String note) {
        return new DemoRepository.Event(Ids.newId(), caseId, type, precision.normalize(date), precision, note);
    }
}
