package org.haven.core.demo;

import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.CASE_HTCDS;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SEARCH_PREFIX;
import static org.haven.core.db.jooq.Tables.SEARCH_TOKEN;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haven.core.db.jooq.tables.records.CaseEventRecord;
import org.haven.core.db.jooq.tables.records.CaseFileRecord;
import org.haven.core.db.jooq.tables.records.CaseHtcdsRecord;
import org.haven.core.db.jooq.tables.records.PersonRecord;
import org.haven.core.db.jooq.tables.records.SearchPrefixRecord;
import org.haven.core.db.jooq.tables.records.SearchTokenRecord;
import org.haven.core.people.names.MatchIndex;
import org.haven.core.people.names.MatchIndexRepository;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;

/** The SQL of {@link DemoData}: the rows of a chunk of synthetic people, written as a few JDBC batches. */
final class DemoRepository {
    private DemoRepository() {}

    /** A synthetic person as drawn. */
    record Person(UUID id, String nameNative, String nameLatin, String sex, LocalDate birthDate, Integer estimatedAge,
                  String nationality, String languages, boolean interpreterNeeded, String documentStatus, String documentNumber) {}

    /** A synthetic case: its status, legal role and closing are set as the generator walks its path. */
    static final class Case {
        final UUID id;
        final String caseNumber;
        final Person person;
        final UUID operationId;
        final LocalDate openedOn;
        String status;
        String legalRole = "NONE";
        String outcome;
        String closingReason;
        LocalDate closedOn;

        Case(UUID id, String caseNumber, Person person, UUID operationId, LocalDate openedOn) {
            this.id = id;
            this.caseNumber = caseNumber;
            this.person = person;
            this.operationId = operationId;
            this.openedOn = openedOn;
        }
    }

    /** A timeline event; {@code date} already normalised to its precision. */
    record Event(UUID id, UUID caseId, EventType type, LocalDate date, DatePrecision precision, String note) {}

    /** A case's trafficking details, the sets stored as TraffickingDetailsRepository stores them. */
    record Details(UUID caseId, String countryOfExploitation, String recruiterRelations, String methodsOfControl) {}

    /** The rows of one chunk, in the order drawn. */
    static final class Chunk {
        final List<Person> people = new ArrayList<>();
        final List<Case> cases = new ArrayList<>();
        final List<Event> events = new ArrayList<>();
        final List<Details> details = new ArrayList<>();
        /** Search tokens (token, person); duplicates are dropped on writing. */
        final List<Map.Entry<String, UUID>> tokens = new ArrayList<>();
        /** Search prefixes (prefix, case number). */
        final List<Map.Entry<String, String>> prefixes = new ArrayList<>();
    }

    static boolean anyPerson(DSLContext dsl) {
        return dsl.fetchCount(PERSON) > 0;
    }

    /** Writes a chunk's rows, made and last changed by {@code userId} at {@code now}. */
    static void insert(DSLContext tx, Chunk chunk, UUID userId, OffsetDateTime now) {
        List<TableRecord<?>> people = new ArrayList<>();
        List<TableRecord<?>> matchKeys = new ArrayList<>();
        for (Person d : chunk.people) {
            PersonRecord p = tx.newRecord(PERSON);
            p.setId(d.id());
            p.setNameNative(d.nameNative());
            p.setNameLatin(d.nameLatin());
            p.setNameLatinDerived(false); // rows are inserted with every column: no database default applies
            p.setSex(org.haven.core.people.Sex.valueOf(d.sex()));
            p.setBirthDate(d.birthDate());
            p.setEstimatedAge(d.estimatedAge());
            p.setNationality(d.nationality());
            p.setLanguages(d.languages());
            p.setInterpreterNeeded(d.interpreterNeeded());
            p.setDocumentStatus(org.haven.core.people.DocumentStatus.valueOf(d.documentStatus()));
            p.setDocumentNumber(d.documentNumber());
            p.setVersion(0);
            p.setCreatedAt(now);
            p.setCreatedBy(userId);
            p.setUpdatedAt(now);
            p.setUpdatedBy(userId);
            people.add(p);
            matchKeys.addAll(MatchIndexRepository.records(tx, p));
        }
        List<TableRecord<?>> cases = new ArrayList<>();
        for (Case d : chunk.cases) {
            CaseFileRecord c = tx.newRecord(CASE_FILE);
            c.setId(d.id);
            c.setCaseNumber(d.caseNumber);
            c.setPersonId(d.person.id());
            c.setPersonName(d.person.nameLatin()); // the list's sort keys, as SearchIndex writes them
            c.setPersonNationality(d.person.nationality());
            c.setOperationId(d.operationId);
            c.setAssignedTo(userId);
            c.setLegalRole(org.haven.core.cases.LegalRole.valueOf(d.legalRole));
            c.setOpenedOn(d.openedOn);
            c.setVersion(0);
            c.setCreatedAt(now);
            c.setCreatedBy(userId);
            c.setUpdatedAt(now);
            c.setUpdatedBy(userId);
            c.setStatus(org.haven.core.cases.CaseStatus.valueOf(d.status));
            c.setOutcome(d.outcome == null ? null : org.haven.core.cases.Outcome.valueOf(d.outcome));
            c.setClosingReason(d.closingReason);
            c.setClosedOn(d.closedOn);
            cases.add(c);
        }
        List<TableRecord<?>> events = new ArrayList<>();
        for (Event d : chunk.events) {
            CaseEventRecord e = tx.newRecord(CASE_EVENT);
            e.setId(d.id());
            e.setCaseId(d.caseId());
            e.setEventType(d.type());
            e.setEventDate(d.date());
            e.setDatePrecision(d.precision());
            e.setNote(d.note());
            e.setRecordedBy(userId);
            e.setVersion(0);
            e.setCreatedAt(now);
            e.setCreatedBy(userId);
            e.setUpdatedAt(now);
            e.setUpdatedBy(userId);
            events.add(e);
        }
        List<TableRecord<?>> details = new ArrayList<>();
        for (Details d : chunk.details) {
            CaseHtcdsRecord h = tx.newRecord(CASE_HTCDS);
            h.setCaseId(d.caseId());
            h.setCountryOfExploitation(d.countryOfExploitation());
            h.setRecruiterRelations(d.recruiterRelations());
            h.setMethodsOfControl(d.methodsOfControl());
            h.setCreatedAt(now);
            h.setCreatedBy(userId);
            h.setUpdatedAt(now);
            h.setUpdatedBy(userId);
            details.add(h);
        }
        Map<String, TableRecord<?>> tokens = new LinkedHashMap<>();
        for (Map.Entry<String, UUID> t : chunk.tokens) {
            SearchTokenRecord r = tx.newRecord(SEARCH_TOKEN);
            r.setToken(t.getKey());
            r.setPersonId(t.getValue());
            tokens.putIfAbsent(r.getToken() + "|" + r.getPersonId(), r);
        }
        List<TableRecord<?>> prefixes = new ArrayList<>();
        for (Map.Entry<String, String> p : chunk.prefixes) {
            SearchPrefixRecord r = tx.newRecord(SEARCH_PREFIX);
            r.setPrefix(p.getKey());
            r.setCaseNumber(p.getValue());
            prefixes.add(r);
        }
        insertAll(tx, PERSON, people);
        insertAll(tx, CASE_FILE, cases);
        insertAll(tx, CASE_EVENT, events);
        insertAll(tx, CASE_HTCDS, details);
        insertAll(tx, SEARCH_TOKEN, new ArrayList<>(tokens.values()));
        insertAll(tx, SEARCH_PREFIX, prefixes);
        MatchIndex.batchInsert(tx, matchKeys);
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
}
