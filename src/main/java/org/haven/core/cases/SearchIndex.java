package org.haven.core.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.haven.core.cases.SearchIndexRepository.Prefix;
import org.haven.core.cases.SearchIndexRepository.Token;
import org.haven.core.db.Database;
import org.haven.core.people.NameFolding;
import org.haven.core.people.Person;
import org.haven.core.people.PersonRepository;
import org.haven.core.people.names.MatchIndex;
import org.jooq.DSLContext;

/**
 * Keeps a person's search tokens (names, aliases, case numbers) in step with their records, and
 * the prefixes of those tokens per case (table search_prefix) that search as you type reads.
 */
public final class SearchIndex {
    /** Longest prefix stored; a longer typed word is also checked against the whole tokens. */
    public static final int MAX_PREFIX = 24;
    static final String REBUILD_SETTING = "search.rebuild";
    private static final int REBUILD_CHUNK = 2000;

    private SearchIndex() {}

    public static void reindex(DSLContext tx, UUID personId) {
        Person p = PersonRepository.find(tx, personId).orElseThrow();
        Set<String> tokens = new LinkedHashSet<>(NameFolding.searchTokens(p.nameLatin(), p.nameNative(), p.aliases()));
        List<String> caseNumbers = new ArrayList<>();
        for (CaseFile c : CaseRepository.forPerson(tx, personId)) {
            tokens.addAll(caseNumberTokens(c.caseNumber()));
            caseNumbers.add(c.caseNumber());
        }
        PersonRepository.replaceTokens(tx, personId, tokens);
        SearchIndexRepository.replacePrefixes(tx, caseNumbers, prefixes(tokens));
        SearchIndexRepository.copySortKeys(tx, personId);
        // Duplicate detection's blocking keys follow the same names.
        MatchIndex.reindex(tx, p);
    }

    /**
     * The index rows of many people registered in one transaction (an import), written in key order
     * every {@value #BATCH_PEOPLE} people instead of person by person. Each index is a B-tree whose
     * entries for new people land all over it (tokens and prefixes sort by name): written one person
     * at a time, H2 rewrote the same pages again at every flush of a long transaction, and with
     * {@code REUSE_SPACE=FALSE} every rewrite stayed in the file until the next compaction (a
     * 2,000-row import grew the file by 89 MB for 4 MB of data). Sorted, each page is written about
     * once per batch. The rows are exactly those {@link #reindex} writes for a new person.
     */
    /** Where a bulk writer leaves the index rows of a new person with their one new case. */
    public interface NewPeople {
        void add(Person person, String caseNumber);
    }

    public static final class Batch implements NewPeople {
        static final int BATCH_PEOPLE = 1000;
        private final DSLContext tx;
        private final int size;
        private final List<Person> people = new ArrayList<>();
        private final Map<UUID, String> caseNumbers = new java.util.HashMap<>();

        public Batch(DSLContext tx) {
            this(tx, BATCH_PEOPLE);
        }

        Batch(DSLContext tx, int size) {
            this.tx = tx;
            this.size = size;
        }

        /** A new person with their one new case (indexed at {@link #flush} or when the batch is full). */
        @Override
        public void add(Person person, String caseNumber) {
            people.add(person);
            caseNumbers.put(person.id(), caseNumber);
            if (people.size() >= size) flush();
        }

        public void flush() {
            if (people.isEmpty()) return;
            List<Token> tokens = new ArrayList<>();
            List<Prefix> prefixes = new ArrayList<>();
            for (Person p : people) {
                String caseNumber = caseNumbers.get(p.id());
                Set<String> own = new LinkedHashSet<>(NameFolding.searchTokens(p.nameLatin(), p.nameNative(), p.aliases()));
                own.addAll(caseNumberTokens(caseNumber));
                for (String t : own) tokens.add(new Token(t, p.id()));
                for (String prefix : prefixes(own)) prefixes.add(new Prefix(prefix, caseNumber));
            }
            tokens.sort(java.util.Comparator.comparing(Token::token).thenComparing(Token::personId, org.haven.core.db.UuidOrder.COMPARATOR));
            if (!tokens.isEmpty()) SearchIndexRepository.insertTokens(tx, tokens);
            prefixes.sort(java.util.Comparator.comparing(Prefix::prefix).thenComparing(Prefix::caseNumber));
            if (!prefixes.isEmpty()) SearchIndexRepository.insertPrefixes(tx, prefixes);
            // The list's sort keys, in name order (the name index is the one these updates move in).
            List<Person> byName = new ArrayList<>(people);
            byName.sort(java.util.Comparator.comparing(Person::nameLatin));
            SearchIndexRepository.setSortKeys(tx, byName);
            Map<UUID, Integer> createdYear = SearchIndexRepository.createdYears(tx, caseNumbers.keySet());
            MatchIndex.indexNew(tx, people, createdYear);
            people.clear();
            caseNumbers.clear();
        }
    }

    /**
     * The index rows of a whole import committed in parts, written after its last part, in slices of
     * the import of about {@code rowsPerCommit} rows, one commit each, every slice sorted by the
     * table's key. Written per part (a {@link Batch} per part), every part inserted its tokens,
     * prefixes, match keys and name sort keys all over those B-trees, so each part rewrote nearly
     * every page of them; sorted over the whole import, each commit still landed all over the
     * tables' second indexes (by person or case number), so the commits grew slower as the import's
     * range filled (docs/benchmarks.md). The import's people are the newest: their ids (UUID v7)
     * and case numbers come after every existing one, so a slice taken in import order is appended
     * at the end of the second indexes, and, sorted within, adds to each key's run at its end.
     * Until the last commit the import's pending mark covers these rows too: an undo removes them
     * with their people (PersonTables.DEPENDENTS). Keeps only what the index needs of each person.
     */
    public static final class Deferred implements NewPeople {
        private record Entry(Person person, String caseNumber, int createdYear) {}
        private static final java.util.Comparator<Token> TOKEN_ORDER = java.util.Comparator.comparing(Token::token)
                .thenComparing(Token::personId, org.haven.core.db.UuidOrder.COMPARATOR);
        private static final java.util.Comparator<Prefix> PREFIX_ORDER = java.util.Comparator.comparing(Prefix::prefix)
                .thenComparing(Prefix::caseNumber);
        private static final java.util.Comparator<Entry> NAME_ORDER = java.util.Comparator.comparing(
                (Entry e) -> e.person().nameLatin(), java.util.Comparator.nullsFirst(String::compareTo));
        private final List<Entry> entries = new ArrayList<>();

        @Override
        public void add(Person p, String caseNumber) {
            // Only the fields the index reads: the notes and contacts of a large list stay out of memory.
            Person slim = new Person(p.id(), p.nameNative(), p.nameLatin(), p.aliases(), p.sex(), p.birthDate(), p.estimatedAge(),
                    p.nationality(), null, false, null, null, null, null, p.version(), p.latinDerived());
            // The year the person row was created (a moment ago): what the match index keeps as age_year.
            entries.add(new Entry(slim, caseNumber, org.haven.core.db.Audit.now().getYear()));
        }

        public int size() {
            return entries.size();
        }

        /** Writes every index row, about {@code rowsPerCommit} per transaction; {@code afterEachCommit} runs between them. */
        public void write(Database db, int rowsPerCommit, Runnable afterEachCommit) {
            Slices slices = new Slices(db, rowsPerCommit, afterEachCommit);
            slices.write(entries, e -> ownTokens(e).stream().map(t -> new Token(t, e.person().id())).toList(), TOKEN_ORDER,
                    SearchIndexRepository::insertTokens);
            // Two tokens of one person share short prefixes: prefixes() gives each once.
            slices.write(entries, e -> prefixes(ownTokens(e)).stream().map(x -> new Prefix(x, e.caseNumber())).toList(), PREFIX_ORDER,
                    SearchIndexRepository::insertPrefixes);
            // The list's sort keys on case_file (the name index is the one they move in).
            slices.write(entries, List::of, NAME_ORDER,
                    (tx, part) -> SearchIndexRepository.setSortKeys(tx, part.stream().map(Entry::person).toList()));
            // match_name (id order: the new people's ids are the newest) and match_key
            Map<UUID, Integer> years = new java.util.HashMap<>();
            for (Entry e : entries) years.put(e.person().id(), e.createdYear());
            slices.write(entries, List::of, (a, b) -> 0, (tx, part) -> MatchIndex.insertNames(tx, part.stream().map(Entry::person).toList(), years));
            slices.write(entries, e -> MatchIndex.keysOfNew(e.person(), e.createdYear()), MatchIndex.KEY_ORDER, MatchIndex::insertKeys);
        }

        /** The import in slices of about {@code rowsPerCommit} rows of one table, each sorted and written in one transaction. */
        private record Slices(Database db, int rowsPerCommit, Runnable afterEachCommit) {
            <T> void write(List<Entry> entries, java.util.function.Function<Entry, List<T>> rowsOf, java.util.Comparator<T> order,
                    java.util.function.BiConsumer<DSLContext, List<T>> insert) {
                List<T> slice = new ArrayList<>();
                for (Entry e : entries) {
                    slice.addAll(rowsOf.apply(e));
                    if (slice.size() >= rowsPerCommit) {
                        commit(slice, order, insert);
                        slice = new ArrayList<>();
                    }
                }
                if (!slice.isEmpty()) commit(slice, order, insert);
            }

            private <T> void commit(List<T> slice, java.util.Comparator<T> order, java.util.function.BiConsumer<DSLContext, List<T>> insert) {
                slice.sort(order);
                db.inTransactionRun(tx -> insert.accept(tx, slice));
                afterEachCommit.run();
            }
        }

        /** The tokens {@link #reindex} writes for a new person with one case. */
        private static Set<String> ownTokens(Entry e) {
            Person p = e.person();
            Set<String> own = new LinkedHashSet<>(NameFolding.searchTokens(p.nameLatin(), p.nameNative(), p.aliases()));
            own.addAll(caseNumberTokens(e.caseNumber()));
            return own;
        }

    }

    public static Set<String> caseNumberTokens(String caseNumber) {
        Set<String> tokens = new LinkedHashSet<>();
        String lower = caseNumber.toLowerCase(Locale.ROOT);
        tokens.add(lower);
        int dash = lower.lastIndexOf('-');
        String serial = lower.substring(dash + 1);
        tokens.add(serial);
        String trimmed = serial.replaceFirst("^0+(?=.)", "");
        tokens.add(trimmed);
        return tokens;
    }

    /**
     * Every prefix of 1 to MAX_PREFIX characters (code points) of the tokens. Whole case numbers
     * (with dashes) are left out: typed as is, they are matched on the case number column.
     */
    public static Set<String> prefixes(Collection<String> tokens) {
        Set<String> out = new LinkedHashSet<>();
        for (String token : tokens) {
            if (token.indexOf('-') >= 0) continue;
            int[] cps = token.codePoints().toArray();
            for (int n = 1; n <= Math.min(cps.length, MAX_PREFIX); n++) out.add(new String(cps, 0, n));
        }
        return out;
    }

    /** The search key of a typed word: its first MAX_PREFIX characters. */
    static String prefixKey(String word) {
        int[] cps = word.codePoints().toArray();
        return cps.length <= MAX_PREFIX ? word : new String(cps, 0, MAX_PREFIX);
    }

    static boolean longerThanPrefix(String word) {
        return word.codePointCount(0, word.length()) > MAX_PREFIX;
    }

    /**
     * Writes the prefixes of a database from before search_prefix (V8 left a flag), in chunks of
     * people within the caller's transaction: the Flyway Java migration V32 runs it once, when such a
     * database is opened. Returns false when there was no flag.
     */
    public static boolean rebuildIfNeeded(DSLContext tx) {
        if (!SearchIndexRepository.rebuildPending(tx, REBUILD_SETTING)) return false;
        UUID after = null;
        while (true) {
            UUID last = SearchIndexRepository.rebuildChunk(tx, after, REBUILD_CHUNK);
            if (last == null) break;
            after = last;
        }
        SearchIndexRepository.clearRebuildFlag(tx, REBUILD_SETTING);
        return true;
    }
}
