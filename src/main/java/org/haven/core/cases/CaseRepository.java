package org.haven.core.cases;

import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.OPERATION;
import static org.haven.core.db.jooq.Tables.PERSON;
import static org.haven.core.db.jooq.Tables.SCREENING;
import static org.haven.core.db.jooq.Tables.SEARCH_PREFIX;
import static org.haven.core.db.jooq.Tables.SEARCH_TOKEN;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.haven.core.access.CaseAccess;
import org.haven.core.common.HavenException;
import org.haven.core.db.Audit;
import org.haven.core.db.Ids;
import org.haven.core.db.jooq.tables.records.CaseFileRecord;
import org.haven.core.people.NameFolding;
import org.haven.core.security.User;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.impl.DSL;

/**
 * Case rows <-> {@link CaseFile} records, and the indexed case-list query. Longer than 400 lines:
 * every SQL statement on case rows lives here (ADR 14), most of it the list's keyset paging, filters
 * and sort keys, which share one set of conditions.
 */
public final class CaseRepository {
    private CaseRepository() {}

    public static CaseFile insert(DSLContext tx, CaseFile c, UUID userId) {
        CaseFileRecord row = tx.newRecord(CASE_FILE);
        row.setId(Ids.newId());
        row.setCaseNumber(c.caseNumber());
        row.setPersonId(c.personId());
        row.setOperationId(c.operationId());
        row.setAssignedTo(c.assignedTo());
        row.setStatus(c.status());
        row.setOutcome(c.outcome());
        row.setClosingReason(c.closingReason());
        row.setLegalRole(c.legalRole());
        row.setOpenedOn(c.openedOn());
        row.setClosedOn(c.closedOn());
        Audit.insertNew(row, userId);
        org.haven.core.changes.Outbox.recordInsert(tx, userId, row, row.getPersonId(), row.getId());
        return toCase(row);
    }

    /** Saves status, outcome, assignment and legal role if the version still matches; else a CONFLICT. */
    public static CaseFile update(DSLContext tx, CaseFile c, UUID userId) {
        CaseFileRecord before = org.haven.core.changes.CaseSyncRepository.row(tx, c.id());
        int n = tx.update(CASE_FILE)
                .set(CASE_FILE.STATUS, c.status())
                .set(CASE_FILE.OUTCOME, c.outcome())
                .set(CASE_FILE.CLOSING_REASON, c.closingReason())
                .set(CASE_FILE.CLOSED_ON, c.closedOn())
                .set(CASE_FILE.ASSIGNED_TO, c.assignedTo())
                .set(CASE_FILE.OPERATION_ID, c.operationId())
                .set(CASE_FILE.LEGAL_ROLE, c.legalRole())
                .set(CASE_FILE.VERSION, c.version() + 1)
                .set(CASE_FILE.UPDATED_AT, Audit.now())
                .set(CASE_FILE.UPDATED_BY, userId)
                .where(CASE_FILE.ID.eq(c.id())).and(CASE_FILE.VERSION.eq(c.version()))
                .execute();
        if (n == 0) {
            throw HavenException.of(HavenException.Kind.CONFLICT, "error.caseChangedInputKept");
        }
        // The changed fields travel to the office (docs/sync.md, "A case's fields").
        org.haven.core.changes.CaseSyncRepository.recordEdit(tx, userId, before, org.haven.core.changes.CaseSyncRepository.row(tx, c.id()));
        return find(tx, c.id()).orElseThrow();
    }

    public static Optional<CaseFile> find(DSLContext tx, UUID id) {
        return tx.selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(id)).fetchOptional().map(CaseRepository::toCase);
    }

    public static Optional<CaseFile> findByNumber(DSLContext tx, String number) {
        // Case numbers are written in capitals: look that up on the unique index first; only a number
        // typed some other way falls back to the case-insensitive comparison (a scan of the table).
        String typed = number.trim();
        Optional<CaseFile> exact = tx.selectFrom(CASE_FILE).where(CASE_FILE.CASE_NUMBER.eq(typed.toUpperCase(java.util.Locale.ROOT)))
                .fetchOptional().map(CaseRepository::toCase);
        if (exact.isPresent()) return exact;
        return tx.selectFrom(CASE_FILE).where(CASE_FILE.CASE_NUMBER.equalIgnoreCase(typed))
                .fetchOptional().map(CaseRepository::toCase);
    }

    public static List<CaseFile> forPerson(DSLContext tx, UUID personId) {
        return tx.selectFrom(CASE_FILE).where(CASE_FILE.PERSON_ID.eq(personId)).orderBy(CASE_FILE.OPENED_ON)
                .fetch(CaseRepository::toCase);
    }

    /**
     * One page of the case list. Near the top of the list (where typing a search lands) it is one
     * statement that reads the rows as it walks the index. Deep pages take two short statements: the
     * page's ids (index-only, skipping without joining), then only those rows joined for display.
     * (As one statement with a derived table, H2 re-ran the derived table per joined row.)
     */
    public static List<CaseListItem> search(DSLContext tx, CaseQuery q, User user) {
        return rows(tx, q, user, Matches.of(tx, q));
    }

    /**
     * One page and the count the list shows beside it, counted up to {@code cap} (the words are
     * planned once for both). A page that is not full at its start needs no count: it is the count.
     */
    public static CasePage page(DSLContext tx, CaseQuery q, User user, int cap) {
        Matches m = Matches.of(tx, q);
        if (tx.family() == org.jooq.SQLDialect.POSTGRES && (q.seek() != null || q.offset() < SHALLOW)) return pageWithCount(tx, q, user, cap, m);
        List<CaseListItem> items = rows(tx, q, user, m);
        int n = items.size() < q.limit() && (!items.isEmpty() || q.offset() == 0)
                ? q.offset() + items.size()
                : tx.fetchCount(countUpToQuery(tx, q, user, cap, m));
        return new CasePage(items, Math.min(n, cap), n > cap);
    }

    /**
     * PostgreSQL: the page and its capped count in one statement (one round trip to the server per
     * keystroke instead of two; the count is an uncorrelated subquery the server runs once). The same
     * rows and the same count as {@link #page} elsewhere; only an empty page past the start counts apart.
     */
    private static CasePage pageWithCount(DSLContext tx, CaseQuery q, User user, int cap, Matches m) {
        org.jooq.Field<Integer> capped = DSL.field(DSL.selectCount().from(countUpToQuery(tx, q, user, cap, m).asTable("capped")))
                .as("capped_count");
        var result = shallowPageQuery(tx, q, user, m, capped).fetch();
        List<CaseListItem> items = new ArrayList<>(result.map(r -> toListItem(r, q)));
        if (q.seek() != null && q.seek().before()) java.util.Collections.reverse(items);
        int n;
        if (items.size() < q.limit() && (!items.isEmpty() || q.offset() == 0)) n = q.offset() + items.size();
        else if (!result.isEmpty()) n = result.get(0).get(capped);
        else n = tx.fetchCount(countUpToQuery(tx, q, user, cap, m));
        return new CasePage(items, Math.min(n, cap), n > cap);
    }

    /** Below this offset a page is read in one statement (it joins the rows it skips, a few hundred at most). */
    static final int SHALLOW = 500;

    private static List<CaseListItem> rows(DSLContext tx, CaseQuery q, User user, Matches m) {
        if (q.seek() != null) {
            List<CaseListItem> items = new ArrayList<>(shallowPageQuery(tx, q, user, m).fetch(r -> toListItem(r, q)));
            if (q.seek().before()) java.util.Collections.reverse(items); // read backwards from the first row shown
            return items;
        }
        if (q.offset() < SHALLOW) return shallowPageQuery(tx, q, user, m).fetch(r -> toListItem(r, q));
        return details(tx, q, searchQuery(tx, q, user, m).fetch(0, UUID.class));
    }

    /** A page near the top, rows and all, in one statement (also run by the benchmark over plain JDBC). */
    public static ResultQuery<? extends Record> shallowPageQuery(DSLContext tx, CaseQuery q, User user) {
        return shallowPageQuery(tx, q, user, Matches.of(tx, q));
    }

    private static ResultQuery<? extends Record> shallowPageQuery(DSLContext tx, CaseQuery q, User user, Matches m) {
        return shallowPageQuery(tx, q, user, m, null);
    }

    /** {@code extra}: one more column (the capped count), or null. */
    private static ResultQuery<? extends Record> shallowPageQuery(DSLContext tx, CaseQuery q, User user, Matches m,
                                                                org.jooq.Field<?> extra) {
        if (tx.family() == org.jooq.SQLDialect.POSTGRES && byWordsAlone(q, user, m)
                && (q.sort() == null || q.sort() == CaseQuery.SortColumn.CASE_NUMBER)) {
            return pageOfNumbersFirst(tx, q, m, extra);
        }
        var select = tx.select(listFields(extra))
                .from(m.from(true).leftJoin(OPERATION).on(OPERATION.ID.eq(CASE_FILE.OPERATION_ID)));
        if (q.seek() != null) {
            return select.where(m.where(), conditions(q, user), seek(tx, q, m.driver()))
                    .orderBy(seekSort(tx, q, m.driver())).limit(Math.max(0, q.limit()));
        }
        return select.where(m.where(), conditions(q, user))
                .orderBy(sort(q, m.driver()))
                .limit(Math.max(0, q.limit())).offset(Math.max(0, q.offset()));
    }


    /**
     * PostgreSQL, when only the words decide (no filter, no access rule, case-number order): the
     * page's case numbers from the prefix index alone (index-only, in list order, stopping after the
     * page), then those rows joined for display. Joined before the limit, PostgreSQL merge-joined the
     * prefix range with the whole case_file index, reading every case between two hits: about 900
     * index and table pages for a two-letter word at 100,000 cases instead of about 500.
     */
    private static ResultQuery<? extends Record> pageOfNumbersFirst(DSLContext tx, CaseQuery q, Matches m, org.jooq.Field<?> extra) {
        var driver = m.driver();
        var numbers = DSL.select(driver.CASE_NUMBER).from(m.prefixTables());
        Table<?> page = (q.seek() != null
                ? numbers.where(m.where(), seek(tx, q, driver)).orderBy(seekSort(tx, q, driver)).limit(Math.max(0, q.limit()))
                : numbers.where(m.where()).orderBy(sort(q, driver)).limit(Math.max(0, q.limit())).offset(Math.max(0, q.offset())))
                .asTable("page");
        org.jooq.Field<String> number = page.field(driver.CASE_NUMBER);
        boolean downwards = q.descending() != (q.seek() != null && q.seek().before());
        return tx.select(listFields(extra))
                .from(page.join(CASE_FILE).on(CASE_FILE.CASE_NUMBER.eq(number))
                        .join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                        .leftJoin(OPERATION).on(OPERATION.ID.eq(CASE_FILE.OPERATION_ID)))
                .orderBy(downwards ? number.desc() : number.asc());
    }

    /**
     * True when the search words alone decide which cases match: at least one word in the prefix
     * index, no case-number pattern, no filter, and a user who sees every case. Every search_prefix
     * row belongs to a case (foreign key, deleted with it), so the prefix rows are then the cases.
     */
    private static boolean byWordsAlone(CaseQuery q, User user, Matches m) {
        return !m.prefixes().isEmpty() && m.numbers().isEmpty() && filters(q, user).isEmpty();
    }

    /** Only the page's rows, joined for display, in list order. */
    private static List<CaseListItem> details(DSLContext tx, CaseQuery q, List<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return detailsQuery(tx, q, ids).fetch(r -> toListItem(r, q));
    }

    /** The page rows' query (also run by the benchmark over plain JDBC). */
    public static ResultQuery<? extends Record> detailsQuery(DSLContext tx, CaseQuery q, List<UUID> ids) {
        return tx.select(LIST_FIELDS)
                .from(CASE_FILE)
                .join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID))
                .leftJoin(OPERATION).on(OPERATION.ID.eq(CASE_FILE.OPERATION_ID))
                .where(CASE_FILE.ID.in(ids))
                .orderBy(sort(q, null));
    }

    /** The ids of one page, in list order (also run by the benchmark over plain JDBC). */
    public static ResultQuery<Record1<UUID>> searchQuery(DSLContext tx, CaseQuery q, User user) {
        return searchQuery(tx, q, user, Matches.of(tx, q));
    }

    private static ResultQuery<Record1<UUID>> searchQuery(DSLContext tx, CaseQuery q, User user, Matches m) {
        return tx.select(CASE_FILE.ID)
                .from(m.from(false))
                .where(m.where(), conditions(q, user))
                .orderBy(sort(q, m.driver()))
                .limit(Math.max(0, q.limit())).offset(Math.max(0, q.offset()));
    }

    public static int count(DSLContext tx, CaseQuery q, User user) {
        return tx.fetchCount(countQuery(tx, q, user));
    }

    /**
     * Counts matching cases but stops after {@code cap + 1}: what the case list needs to say "1 to 100
     * of more than 1,000" without counting 20,000 hits of a one-letter prefix on every keystroke.
     */
    public static int countUpTo(DSLContext tx, CaseQuery q, User user, int cap) {
        return tx.fetchCount(countUpToQuery(tx, q, user, cap));
    }

    /** The capped count's query (also run by the benchmark over plain JDBC). */
    public static Select<?> countUpToQuery(DSLContext tx, CaseQuery q, User user, int cap) {
        return countUpToQuery(tx, q, user, cap, Matches.of(tx, q));
    }

    private static Select<?> countUpToQuery(DSLContext tx, CaseQuery q, User user, int cap, Matches m) {
        return DSL.selectOne().from(countFrom(q, user, m)).where(m.where(), conditions(q, user)).limit(cap + 1);
    }

    /** The count query: every matching case. */
    public static Select<?> countQuery(DSLContext tx, CaseQuery q, User user) {
        Matches m = Matches.of(tx, q);
        return DSL.selectOne().from(countFrom(q, user, m)).where(m.where(), conditions(q, user));
    }

    /**
     * What a count reads: the prefix index alone when only the words decide (index-only, no lookup
     * of each case: PostgreSQL merge-joined the whole case_file index for it, 16,000 index entries to
     * count 1,001 hits of "ng" at 100,000 cases), else the cases joined as for the page.
     */
    private static Table<?> countFrom(CaseQuery q, User user, Matches m) {
        return byWordsAlone(q, user, m) ? m.prefixTables() : m.from(false);
    }

    /**
     * The search words as joins and conditions. Each word is a range of search_prefix (every prefix
     * of every token, per case, in case-number order): the rarest word drives, in list order, and
     * the others are one index lookup per case. A whole case number typed as is ("hvn-2026-...") is
     * a range of the case number itself. Prefixes are bind values: the statement's text is then the
     * same for every word, so H2 reuses its plan (per connection) instead of planning the joins on
     * each keystroke. A LIKE pattern is inlined (jOOQ escapes it): with a bind
     * parameter H2 plans without knowing the value and cannot use it as an index range.
     */
    private record Matches(List<org.haven.core.db.jooq.tables.SearchPrefix> prefixes, List<String> keys, List<Condition> numbers) {
        static Matches of(DSLContext tx, CaseQuery q) {
            List<String> words = new ArrayList<>();
            List<Condition> numbers = new ArrayList<>();
            for (String word : queryWords(q.text())) {
                if (isCaseNumber(word)) {
                    numbers.add(CASE_FILE.CASE_NUMBER.like(DSL.inline(likePrefix(word.toUpperCase(Locale.ROOT))), '!'));
                    continue;
                }
                if (SearchIndex.longerThanPrefix(word)) {
                    // the stored prefixes stop at MAX_PREFIX characters: check the rest on the whole tokens
                    numbers.add(CASE_FILE.PERSON_ID.in(DSL.select(SEARCH_TOKEN.PERSON_ID).from(SEARCH_TOKEN)
                            .where(SEARCH_TOKEN.TOKEN.like(DSL.inline(likePrefix(word)), '!'))));
                }
                String key = SearchIndex.prefixKey(word);
                if (!words.contains(key)) words.add(key);
            }
            if (words.size() > 1) words = rarestFirst(tx, words);
            List<org.haven.core.db.jooq.tables.SearchPrefix> aliases = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) aliases.add(SEARCH_PREFIX.as("sp" + i));
            return new Matches(aliases, words, List.copyOf(numbers));
        }

        /** The first word's prefix table, or null without words (then the case list is walked as is). */
        org.haven.core.db.jooq.tables.SearchPrefix driver() {
            return prefixes.isEmpty() ? null : prefixes.get(0);
        }

        Table<?> from(boolean withPerson) {
            Table<?> from = prefixes.isEmpty() ? CASE_FILE
                    : prefixTables().join(CASE_FILE).on(CASE_FILE.CASE_NUMBER.eq(prefixes.get(0).CASE_NUMBER));
            return withPerson ? from.join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID)) : from;
        }

        /** The words' prefix tables joined on the case number (at least one word). */
        Table<?> prefixTables() {
            var first = prefixes.get(0);
            Table<?> joined = first;
            for (int i = 1; i < prefixes.size(); i++) {
                var other = prefixes.get(i);
                joined = joined.join(other).on(other.PREFIX.eq(keys.get(i)), other.CASE_NUMBER.eq(first.CASE_NUMBER));
            }
            return joined;
        }

        Condition where() {
            return prefixes.isEmpty() ? DSL.and(numbers) : DSL.and(prefixes.get(0).PREFIX.eq(keys.get(0)), DSL.and(numbers));
        }
    }

    /**
     * Orders the words so that the rarest drives: a longer word first (it nearly always matches fewer
     * cases); among words of the same length, the one with fewer index entries, counted up to
     * RARE_ENOUGH in one statement (half a millisecond).
     */
    private static List<String> rarestFirst(DSLContext tx, List<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(java.util.Comparator.comparingInt((String w) -> -w.codePointCount(0, w.length())));
        int longest = sorted.get(0).codePointCount(0, sorted.get(0).length());
        List<String> tied = sorted.stream().filter(w -> w.codePointCount(0, w.length()) == longest).toList();
        if (tied.size() < 2) return sorted;
        List<org.jooq.Field<Integer>> probes = new ArrayList<>();
        for (String w : tied) {
            probes.add(DSL.field(DSL.selectCount().from(DSL.selectOne().from(SEARCH_PREFIX)
                    .where(SEARCH_PREFIX.PREFIX.eq(w)).limit(RARE_ENOUGH))));
        }
        Record hits = tx.select(probes).fetchOne();
        java.util.Map<String, Integer> count = new java.util.HashMap<>();
        for (int i = 0; i < tied.size(); i++) count.put(tied.get(i), hits.get(i, Integer.class));
        sorted.sort(java.util.Comparator.comparingInt((String w) -> -w.codePointCount(0, w.length()))
                .thenComparingInt(w -> count.getOrDefault(w, Integer.MAX_VALUE)));
        return sorted;
    }

    private static final int RARE_ENOUGH = 1000;

    /** A whole case number typed as is: "hvn-2026-k7p-000123" or a start of it. */
    static boolean isCaseNumber(String word) {
        return word.startsWith("hvn") || (word.indexOf('-') >= 0 && word.matches("[a-z0-9-]+") && word.matches(".*[0-9].*"));
    }

    static Condition conditions(CaseQuery q, User user) {
        return DSL.and(filters(q, user));
    }

    /** The access rule (none for a user who sees every case) and the list's filters; empty when nothing narrows the list. */
    private static List<Condition> filters(CaseQuery q, User user) {
        List<Condition> all = new ArrayList<>();
        if (!user.seesAllCases()) all.add(CaseAccess.visibleTo(user));
        if (q.status() != null) all.add(CASE_FILE.STATUS.eq(q.status()));
        if (!q.statuses().isEmpty()) all.add(CASE_FILE.STATUS.in(q.statuses().stream().sorted().toList()));
        if (q.nationality() != null && !q.nationality().isBlank()) all.add(CASE_FILE.PERSON_NATIONALITY.eq(q.nationality()));
        if (q.operationId() != null) all.add(CASE_FILE.OPERATION_ID.eq(q.operationId()));
        if (q.screening() != null) all.add(screeningCondition(q.screening()));
        if (q.quick().mine()) all.add(CASE_FILE.ASSIGNED_TO.eq(user.id()));
        if (q.quick().unassigned()) all.add(CASE_FILE.ASSIGNED_TO.isNull());
        if (q.quick().open()) all.add(CASE_FILE.STATUS.ne(CaseStatus.CLOSED));
        return all;
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
                .and(SCREENING.IS_LATEST.isTrue()).and(SCREENING.DETERMINATION.coerce(String.class).eq(determination)));
    }

    /** Non-punishment principle: a SUSPECT whose latest screening says presumed victim. */
    static Condition nonPunishment() {
        return CASE_FILE.LEGAL_ROLE.eq(LegalRole.SUSPECT).and(latestDetermination("PRESUMED_VICTIM"));
    }

    private static final org.jooq.Field<Boolean> NON_PUNISHMENT =
            DSL.when(nonPunishment(), DSL.inline(true)).otherwise(DSL.inline(false)).as("non_punishment");

    /** What a list row shows, and the sort keys its position is made of. */
    private static final List<org.jooq.SelectField<?>> LIST_FIELDS = List.of(CASE_FILE.ID, CASE_FILE.CASE_NUMBER,
            PERSON.NAME_LATIN, PERSON.NAME_NATIVE, PERSON.NATIONALITY, CASE_FILE.STATUS, CASE_FILE.OUTCOME, OPERATION.CODE,
            CASE_FILE.OPENED_ON, CASE_FILE.PERSON_NAME, CASE_FILE.PERSON_NATIONALITY, NON_PUNISHMENT);

    private static List<org.jooq.SelectField<?>> listFields(org.jooq.Field<?> extra) {
        if (extra == null) return LIST_FIELDS;
        List<org.jooq.SelectField<?>> fields = new ArrayList<>(LIST_FIELDS);
        fields.add(extra);
        return fields;
    }

    /** Whether one case carries the non-punishment flag. */
    public static boolean nonPunishmentFlag(DSLContext tx, UUID caseId) {
        return tx.fetchExists(CASE_FILE, CASE_FILE.ID.eq(caseId).and(nonPunishment()));
    }

    private static String likePrefix(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** The words of a search text, folded the same way the tokens were. */
    public static List<String> queryWords(String text) {
        if (text == null || text.isBlank()) return List.of();
        List<String> words = new ArrayList<>();
        for (String raw : text.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (raw.isEmpty()) continue;
            if (isCaseNumber(raw)) {
                words.add(raw); // a case number typed as is
                continue;
            }
            List<String> folded = NameFolding.words(NameFolding.fold(raw));
            boolean latinOnly = raw.codePoints().allMatch(cp -> cp < 0x0250 || (cp >= 0x1E00 && cp <= 0x1EFF));
            // "Jean-Pierre" or "O'Brien" fold to two words, as the names' tokens do.
            // Other scripts are matched on their raw form (the tokens keep it too).
            if (latinOnly && !folded.isEmpty()) words.addAll(folded);
            else words.add(raw);
        }
        return words;
    }

    /**
     * The list order. In case-number order with a search word, the driving word's prefix range is
     * already that order (its prefix is one value), so H2 reads the first page straight off the index.
     */
    private static List<SortField<?>> sort(CaseQuery q, org.haven.core.db.jooq.tables.SearchPrefix driver) {
        boolean desc = q.descending();
        CaseQuery.SortColumn column = q.sort() == null ? CaseQuery.SortColumn.CASE_NUMBER : q.sort();
        if (column == CaseQuery.SortColumn.CASE_NUMBER && driver != null) {
            return desc ? List.of(driver.PREFIX.desc(), driver.CASE_NUMBER.desc()) : List.of(driver.PREFIX.asc(), driver.CASE_NUMBER.asc());
        }
        SortField<?> primary = switch (column) {
            case CASE_NUMBER -> desc ? CASE_FILE.CASE_NUMBER.desc() : CASE_FILE.CASE_NUMBER.asc();
            // the person's name and nationality as copied onto the case (V9): one index each, in list order
            case NAME -> desc ? CASE_FILE.PERSON_NAME.desc() : CASE_FILE.PERSON_NAME.asc();
            case NATIONALITY -> desc ? CASE_FILE.PERSON_NATIONALITY.desc() : CASE_FILE.PERSON_NATIONALITY.asc();
            case STATUS -> desc ? CASE_FILE.STATUS.desc() : CASE_FILE.STATUS.asc();
            case OPENED_ON -> desc ? CASE_FILE.OPENED_ON.desc() : CASE_FILE.OPENED_ON.asc();
        };
        // case number breaks ties; sorted by case number already, it is the only key (H2 then walks its index)
        return column == CaseQuery.SortColumn.CASE_NUMBER ? List.of(primary) : List.of(primary, CASE_FILE.CASE_NUMBER.asc());
    }

    private static CaseListItem toListItem(Record r, CaseQuery q) {
        Outcome outcome = r.get(CASE_FILE.OUTCOME);
        CaseQuery.SortColumn column = column(q);
        String number = r.get(CASE_FILE.CASE_NUMBER);
        Object key = switch (column) {
            case CASE_NUMBER -> number;
            case NAME -> r.get(CASE_FILE.PERSON_NAME);
            case NATIONALITY -> r.get(CASE_FILE.PERSON_NATIONALITY);
            case STATUS -> r.get(CASE_FILE.STATUS);
            case OPENED_ON -> r.get(CASE_FILE.OPENED_ON);
        };
        return new CaseListItem(r.get(CASE_FILE.ID), number, r.get(PERSON.NAME_LATIN),
                r.get(PERSON.NAME_NATIVE), r.get(PERSON.NATIONALITY), r.get(CASE_FILE.STATUS),
                outcome, r.get(OPERATION.CODE), r.get(CASE_FILE.OPENED_ON),
                Boolean.TRUE.equals(r.get(NON_PUNISHMENT)), new CaseQuery.Position(column, key, number));
    }

    private static CaseQuery.SortColumn column(CaseQuery q) {
        return q.sort() == null ? CaseQuery.SortColumn.CASE_NUMBER : q.sort();
    }

    /** One key of the list order: the column, its direction, and whether its NULLs come last. */
    private record Key(org.jooq.Field<Object> field, boolean ascending, boolean nullsLast, Object value, boolean nullable) {
        /** A column that is never NULL: no NULLs to place (an OR IS NULL would cost the index range). */
        Key {
            if (!nullable) nullsLast = false;
        }

        Key reversed() {
            return new Key(field, !ascending, !nullsLast, value, nullable);
        }

        /** The rows whose key comes after {@code value} in this key's order. */
        Condition beyond() {
            if (value == null) return nullsLast ? DSL.falseCondition() : field.isNotNull();
            Condition past = ascending ? field.gt(value) : field.lt(value);
            return nullsLast ? past.or(field.isNull()) : past;
        }

        Condition same() {
            return value == null ? field.isNull() : field.eq(value);
        }

        /** A range implied by the seek, so that the database starts its index walk there. */
        Condition from() {
            if (value == null) return nullsLast ? field.isNull() : DSL.noCondition();
            if (nullsLast) return DSL.noCondition();
            return ascending ? field.ge(value) : field.le(value);
        }

        SortField<Object> sortField(boolean explicitNulls) {
            SortField<Object> f = ascending ? field.asc() : field.desc();
            if (!explicitNulls) return f;
            return nullsLast ? f.nullsLast() : f.nullsFirst();
        }
    }

    /**
     * The list order's keys with the seek position's values, in the order of the page read: the list
     * order, or reversed for the page before the first row shown. NULLs sort as the database sorts
     * them in the list order (H2: lowest, first in ascending order; PostgreSQL: highest), so that a
     * keyset walk gives the same rows in the same order as the OFFSET walk on each database.
     */
    @SuppressWarnings("unchecked")
    private static List<Key> keys(DSLContext tx, CaseQuery q, org.haven.core.db.jooq.tables.SearchPrefix driver) {
        boolean nullsHigh = tx.family() == org.jooq.SQLDialect.POSTGRES;
        boolean asc = !q.descending();
        CaseQuery.Position at = q.seek().position();
        CaseQuery.SortColumn column = column(q);
        List<Key> keys = new ArrayList<>();
        if (column == CaseQuery.SortColumn.CASE_NUMBER) {
            // with a search word, the driving prefix is one value: its case number is the order
            org.jooq.Field<String> number = driver != null ? driver.CASE_NUMBER : CASE_FILE.CASE_NUMBER;
            keys.add(new Key((org.jooq.Field<Object>) (org.jooq.Field<?>) number, asc, asc == nullsHigh, at.caseNumber(), false));
        } else {
            org.jooq.Field<?> primary = switch (column) {
                case NAME -> CASE_FILE.PERSON_NAME;
                case NATIONALITY -> CASE_FILE.PERSON_NATIONALITY;
                case STATUS -> CASE_FILE.STATUS;
                case OPENED_ON -> CASE_FILE.OPENED_ON;
                case CASE_NUMBER -> throw new IllegalStateException();
            };
            // only the copied name and nationality can be NULL
            boolean nullable = column == CaseQuery.SortColumn.NAME || column == CaseQuery.SortColumn.NATIONALITY;
            keys.add(new Key((org.jooq.Field<Object>) primary, asc, asc == nullsHigh, at.key(), nullable));
            keys.add(new Key((org.jooq.Field<Object>) (org.jooq.Field<?>) CASE_FILE.CASE_NUMBER, true, nullsHigh, at.caseNumber(), false));
        }
        if (q.seek().before()) keys.replaceAll(Key::reversed);
        return keys;
    }

    /** The rows after the seek position in the order read (row-value comparison spelled out: mixed directions, NULLs). */
    private static Condition seek(DSLContext tx, CaseQuery q, org.haven.core.db.jooq.tables.SearchPrefix driver) {
        List<Key> keys = keys(tx, q, driver);
        List<Condition> any = new ArrayList<>();
        List<Condition> equalSoFar = new ArrayList<>();
        for (Key k : keys) {
            List<Condition> branch = new ArrayList<>(equalSoFar);
            branch.add(k.beyond());
            any.add(DSL.and(branch));
            equalSoFar.add(k.same());
        }
        return DSL.and(keys.get(0).from(), DSL.or(any));
    }

    /** The order a seek page is read in: the list order, or reversed (explicit NULLs) for the page before. */
    private static List<SortField<?>> seekSort(DSLContext tx, CaseQuery q, org.haven.core.db.jooq.tables.SearchPrefix driver) {
        if (!q.seek().before()) return sort(q, driver);
        List<SortField<?>> order = new ArrayList<>();
        for (Key k : keys(tx, q, driver)) {
            // say where a nullable column's NULLs go when reversed
            order.add(k.sortField(k.nullable()));
        }
        return order;
    }

    static CaseFile toCase(CaseFileRecord r) {
        return new CaseFile(r.getId(), r.getCaseNumber(), r.getPersonId(), r.getOperationId(), r.getAssignedTo(),
                r.getStatus(), r.getOutcome(),
                r.getClosingReason(), r.getLegalRole(), r.getOpenedOn(), r.getClosedOn(), r.getVersion());
    }
}
