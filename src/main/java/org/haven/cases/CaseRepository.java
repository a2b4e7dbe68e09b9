package org.haven.cases;

import static org.haven.db.jooq.Tables.CASE_FILE;
import static org.haven.db.jooq.Tables.OPERATION;
import static org.haven.db.jooq.Tables.PERSON;
import static org.haven.db.jooq.Tables.SCREENING;
import static org.haven.db.jooq.Tables.SEARCH_TOKEN;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.haven.common.HavenException;
import org.haven.db.Audit;
import org.haven.db.Ids;
import org.haven.db.jooq.tables.records.CaseFileRecord;
import org.haven.people.NameFolding;
import org.haven.security.User;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** Case rows <-> {@link CaseFile} records, and the indexed case-list query. */
public final class CaseRepository {
    private CaseRepository() {}

    public static CaseFile insert(DSLContext tx, CaseFile c, UUID userId) {
        CaseFileRecord row = tx.newRecord(CASE_FILE);
        row.setId(Ids.newId());
        row.setCaseNumber(c.caseNumber());
        row.setPersonId(c.personId());
        row.setOperationId(c.operationId());
        row.setAssignedTo(c.assignedTo());
        row.setStatus(c.status().name());
        row.setOutcome(c.outcome() == null ? null : c.outcome().name());
        row.setClosingReason(c.closingReason());
        row.setLegalRole(c.legalRole().name());
        row.setOpenedOn(c.openedOn());
        row.setClosedOn(c.closedOn());
        row.setVersion(0);
        row.setCreatedAt(Audit.now());
        row.setCreatedBy(userId);
        row.setUpdatedAt(row.getCreatedAt());
        row.setUpdatedBy(userId);
        row.insert();
        return toCase(row);
    }

    /** Saves status, outcome, assignment and legal role if the version still matches; else a CONFLICT. */
    public static CaseFile update(DSLContext tx, CaseFile c, UUID userId) {
        int n = tx.update(CASE_FILE)
                .set(CASE_FILE.STATUS, c.status().name())
                .set(CASE_FILE.OUTCOME, c.outcome() == null ? null : c.outcome().name())
                .set(CASE_FILE.CLOSING_REASON, c.closingReason())
                .set(CASE_FILE.CLOSED_ON, c.closedOn())
                .set(CASE_FILE.ASSIGNED_TO, c.assignedTo())
                .set(CASE_FILE.OPERATION_ID, c.operationId())
                .set(CASE_FILE.LEGAL_ROLE, c.legalRole().name())
                .set(CASE_FILE.VERSION, c.version() + 1)
                .set(CASE_FILE.UPDATED_AT, Audit.now())
                .set(CASE_FILE.UPDATED_BY, userId)
                .where(CASE_FILE.ID.eq(c.id())).and(CASE_FILE.VERSION.eq(c.version()))
                .execute();
        if (n == 0) {
            throw HavenException.conflict(
                    "Someone else changed this case while you were working on it. Your input is kept: reload the case, then apply it again.");
        }
        return find(tx, c.id()).orElseThrow();
    }

    public static Optional<CaseFile> find(DSLContext tx, UUID id) {
        return tx.selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(id)).fetchOptional().map(CaseRepository::toCase);
    }

    public static Optional<CaseFile> findByNumber(DSLContext tx, String number) {
        return tx.selectFrom(CASE_FILE).where(CASE_FILE.CASE_NUMBER.equalIgnoreCase(number.trim()))
                .fetchOptional().map(CaseRepository::toCase);
    }

    public static List<CaseFile> forPerson(DSLContext tx, UUID personId) {
        return tx.selectFrom(CASE_FILE).where(CASE_FILE.PERSON_ID.eq(personId)).orderBy(CASE_FILE.OPENED_ON)
                .fetch(CaseRepository::toCase);
    }

    /**
     * One page of the case list, in two short statements: the page's ids (an index-only query that
     * sorts and skips without joining), then only those rows joined for display, so deep pages stay
     * cheap. (As one statement with a derived table, H2 re-ran the derived table per joined row.)
     */
    public static List<CaseListItem> search(DSLContext tx, CaseQuery q, User user) {
        List<UUID> ids = searchQuery(tx, q, user).fetch(0, UUID.class);
        if (ids.isEmpty()) return List.of();
        return tx.select(CASE_FILE.ID, CASE_FILE.CASE_NUMBER, PERSON.NAME_LATIN, PERSON.NAME_NATIVE, PERSON.NATIONALITY,
                        CASE_FILE.STATUS, CASE_FILE.OUTCOME, OPERATION.CODE, CASE_FILE.OPENED_ON, NON_PUNISHMENT)
                .from(CASE_FILE)
                .join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                .leftJoin(OPERATION).on(OPERATION.ID.eq(CASE_FILE.OPERATION_ID))
                .where(CASE_FILE.ID.in(ids))
                .orderBy(sort(q))
                .fetch(CaseRepository::toListItem);
    }

    /** The ids of one page, in list order (also run by the benchmark over plain JDBC). */
    public static ResultQuery<Record1<UUID>> searchQuery(DSLContext tx, CaseQuery q, User user) {
        return tx.select(CASE_FILE.ID)
                .from(needsPerson(q) ? CASE_FILE.join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID)) : CASE_FILE)
                .where(conditions(q, user, densePrefixes(tx, q)))
                .orderBy(sort(q))
                .limit(Math.max(0, q.limit())).offset(Math.max(0, q.offset()));
    }

    public static int count(DSLContext tx, CaseQuery q, User user) {
        return tx.fetchCount(countQuery(tx, q, user));
    }

    /**
     * Counts matching cases but stops after {@code cap + 1}: what the case list needs to say "1 to 100
     * of more than 1,000" without counting 20,000 hits of a one-letter prefix on every keystroke.
     * Common prefixes are checked per case (EXISTS) so the walk stops early.
     */
    public static int countUpTo(DSLContext tx, CaseQuery q, User user, int cap) {
        return tx.fetchCount(countUpToQuery(tx, q, user, cap));
    }

    /** The capped count's query (also run by the benchmark over plain JDBC). */
    public static Select<?> countUpToQuery(DSLContext tx, CaseQuery q, User user, int cap) {
        Set<String> dense = densePrefixes(tx, q.page(0, q.limit()));
        return DSL.selectOne()
                .from(needsPerson(q) ? CASE_FILE.join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID)) : CASE_FILE)
                .where(conditions(q, user, dense))
                .limit(cap + 1);
    }

    /** The count query: the matching cases, each word's matches collected through the token index. */
    public static Select<?> countQuery(DSLContext tx, CaseQuery q, User user) {
        return DSL.selectOne()
                .from(needsPerson(q) ? CASE_FILE.join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID)) : CASE_FILE)
                .where(conditions(q, user, Set.of()));
    }

    static Condition conditions(CaseQuery q, User user) {
        return conditions(q, user, Set.of());
    }

    /**
     * The filters. A search word is matched in one of two ways: a rare prefix collects its people from
     * the token index (IN), a common one (thousands of hits, e.g. one letter) is checked per case
     * (EXISTS) while the case-number index is walked in order, so the first page is found after a few
     * hundred cases instead of sorting tens of thousands.
     */
    static Condition conditions(CaseQuery q, User user, Set<String> dense) {
        List<Condition> all = new ArrayList<>();
        all.add(CaseAccess.visibleTo(user));
        if (q.status() != null) all.add(CASE_FILE.STATUS.eq(q.status().name()));
        if (q.nationality() != null && !q.nationality().isBlank()) all.add(PERSON.NATIONALITY.eq(q.nationality()));
        if (q.operationId() != null) all.add(CASE_FILE.OPERATION_ID.eq(q.operationId()));
        if (q.screening() != null) all.add(screeningCondition(q.screening()));
        for (String word : queryWords(q.text())) {
            // inlined (jOOQ escapes it): with a bind parameter H2 plans without knowing the prefix, cannot
            // turn LIKE 'x%' into an index range, and the first page of "n" took 100 ms instead of 7 ms
            Condition prefix = SEARCH_TOKEN.TOKEN.like(DSL.inline(likePrefix(word)), '!');
            all.add(dense.contains(word)
                    ? DSL.exists(DSL.selectOne().from(SEARCH_TOKEN).where(SEARCH_TOKEN.PERSON_ID.eq(CASE_FILE.PERSON_ID)).and(prefix))
                    : CASE_FILE.PERSON_ID.in(DSL.select(SEARCH_TOKEN.PERSON_ID).from(SEARCH_TOKEN).where(prefix)));
        }
        return DSL.and(all);
    }

    /** The latest screening's determination, or no screening at all. */
    static Condition screeningCondition(CaseQuery.ScreeningFilter filter) {
        if (filter == CaseQuery.ScreeningFilter.NOT_SCREENED) {
            return DSL.notExists(DSL.selectOne().from(SCREENING).where(SCREENING.CASE_ID.eq(CASE_FILE.ID)));
        }
        return latestDetermination(filter.name());
    }

    private static Condition latestDetermination(String determination) {
        return DSL.exists(DSL.selectOne().from(SCREENING).where(SCREENING.CASE_ID.eq(CASE_FILE.ID))
                .and(SCREENING.IS_LATEST.isTrue()).and(SCREENING.DETERMINATION.eq(determination)));
    }

    /** Non-punishment principle: a SUSPECT whose latest screening says presumed victim. */
    static Condition nonPunishment() {
        return CASE_FILE.LEGAL_ROLE.eq(LegalRole.SUSPECT.name()).and(latestDetermination("PRESUMED_VICTIM"));
    }

    private static final org.jooq.Field<Boolean> NON_PUNISHMENT =
            DSL.when(nonPunishment(), DSL.inline(true)).otherwise(DSL.inline(false)).as("non_punishment");

    /** Whether one case carries the non-punishment flag. */
    public static boolean nonPunishmentFlag(DSLContext tx, UUID caseId) {
        return tx.fetchExists(CASE_FILE, CASE_FILE.ID.eq(caseId).and(nonPunishment()));
    }

    /** Prefixes with more than DENSE tokens; only when the page is in case-number order and unfiltered. */
    static Set<String> densePrefixes(DSLContext tx, CaseQuery q) {
        List<String> words = queryWords(q.text());
        boolean byNumber = q.sort() == null || q.sort() == CaseQuery.SortColumn.CASE_NUMBER;
        if (words.isEmpty() || !byNumber || q.status() != null || q.nationality() != null || q.operationId() != null
                || q.screening() != null) {
            return Set.of();
        }
        Set<String> dense = new HashSet<>();
        for (String w : words) {
            // counts at most DENSE + 1 index entries: cheap whatever the prefix
            int n = tx.fetchCount(DSL.selectOne().from(SEARCH_TOKEN).where(SEARCH_TOKEN.TOKEN.like(DSL.inline(likePrefix(w)), '!')).limit(DENSE + 1));
            if (n > DENSE) dense.add(w);
        }
        // with one rare word among them, its IN drives the query and the common ones only filter
        return dense;
    }

    private static final int DENSE = 3000;

    private static String likePrefix(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static boolean needsPerson(CaseQuery q) {
        return (q.nationality() != null && !q.nationality().isBlank())
                || q.sort() == CaseQuery.SortColumn.NAME || q.sort() == CaseQuery.SortColumn.NATIONALITY;
    }

    /** The words of a search text, folded the same way the tokens were. */
    public static List<String> queryWords(String text) {
        if (text == null || text.isBlank()) return List.of();
        List<String> words = new ArrayList<>();
        for (String raw : text.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (raw.isEmpty()) continue;
            if (raw.matches("[a-z0-9-]+") && raw.contains("-")) {
                words.add(raw); // a case number typed as is
                continue;
            }
            String folded = String.join("", NameFolding.words(NameFolding.fold(raw)));
            boolean latinOnly = raw.codePoints().allMatch(cp -> cp < 0x0250 || (cp >= 0x1E00 && cp <= 0x1EFF));
            // Other scripts are matched on their raw form (the tokens keep it too).
            words.add(latinOnly && !folded.isEmpty() ? folded : raw);
        }
        return words;
    }

    private static List<SortField<?>> sort(CaseQuery q) {
        boolean desc = q.descending();
        SortField<?> primary = switch (q.sort() == null ? CaseQuery.SortColumn.CASE_NUMBER : q.sort()) {
            case CASE_NUMBER -> desc ? CASE_FILE.CASE_NUMBER.desc() : CASE_FILE.CASE_NUMBER.asc();
            case NAME -> desc ? PERSON.NAME_LATIN.desc() : PERSON.NAME_LATIN.asc();
            case NATIONALITY -> desc ? PERSON.NATIONALITY.desc() : PERSON.NATIONALITY.asc();
            case STATUS -> desc ? CASE_FILE.STATUS.desc() : CASE_FILE.STATUS.asc();
            case OPENED_ON -> desc ? CASE_FILE.OPENED_ON.desc() : CASE_FILE.OPENED_ON.asc();
        };
        // case number breaks ties; sorted by case number already, it is the only key (H2 then walks its index)
        return primary.getName().equals(CASE_FILE.CASE_NUMBER.getName()) ? List.of(primary) : List.of(primary, CASE_FILE.CASE_NUMBER.asc());
    }

    private static CaseListItem toListItem(Record r) {
        String outcome = r.get(CASE_FILE.OUTCOME);
        return new CaseListItem(r.get(CASE_FILE.ID), r.get(CASE_FILE.CASE_NUMBER), r.get(PERSON.NAME_LATIN),
                r.get(PERSON.NAME_NATIVE), r.get(PERSON.NATIONALITY), CaseStatus.valueOf(r.get(CASE_FILE.STATUS)),
                outcome == null ? null : Outcome.valueOf(outcome), r.get(OPERATION.CODE), r.get(CASE_FILE.OPENED_ON),
                Boolean.TRUE.equals(r.get(NON_PUNISHMENT)));
    }

    static CaseFile toCase(CaseFileRecord r) {
        return new CaseFile(r.getId(), r.getCaseNumber(), r.getPersonId(), r.getOperationId(), r.getAssignedTo(),
                CaseStatus.valueOf(r.getStatus()), r.getOutcome() == null ? null : Outcome.valueOf(r.getOutcome()),
                r.getClosingReason(), LegalRole.valueOf(r.getLegalRole()), r.getOpenedOn(), r.getClosedOn(), r.getVersion());
    }
}
