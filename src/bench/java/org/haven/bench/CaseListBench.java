package org.haven.bench;

import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CasePage;
import org.haven.core.cases.CaseQuery;
import org.haven.core.cases.CaseRepository;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record2;

/**
 * Search as you type, as the case list does it: one page of {@link org.haven.core.cases.CaseService#search}
 * and the {@link org.haven.core.cases.CaseService#count} beside it, for 200 prefixes of real names in their
 * scripts and of case numbers; compared with a hand-written JDBC query over the same index that
 * returns the same rows.
 */
public final class CaseListBench implements BenchStep {
    /** The case list's page size (the rows the list asks for at a time). */
    public static final int PAGE = 50;
    static final int PREFIXES = 200;

    private final long seed;

    public CaseListBench(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "search as you type";
    }

    @Override
    public String goal() {
        return "p95 <= 20 ms, <= 1.5x raw JDBC";
    }

    @Override
    public List<BenchResult> run(Haven haven, Path workDir) throws Exception {
        List<String> prefixes = prefixes(haven, seed, PREFIXES);
        Timings service = new Timings();
        Timings raw = new Timings();
        int mismatches = 0;
        // warm-up: every prefix once through both paths (JIT, H2 page cache)
        List<RawQuery> rawQueries = new ArrayList<>();
        for (String p : prefixes) rawQueries.add(rawQuery(haven, p));
        for (int i = 0; i < prefixes.size(); i++) {
            List<UUID> viaService = serviceIds(haven, prefixes.get(i));
            List<UUID> viaJdbc = rawIds(haven, rawQueries.get(i));
            if (!viaService.equals(viaJdbc)) mismatches++;
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < prefixes.size(); i++) {
                String p = prefixes.get(i);
                // alternate the order so neither path always runs on a warmer cache
                if ((i + round) % 2 == 0) {
                    service.add(timeService(haven, p));
                    raw.add(timeRaw(haven, rawQueries.get(i)));
                } else {
                    raw.add(timeRaw(haven, rawQueries.get(i)));
                    service.add(timeService(haven, p));
                }
            }
        }
        double ratio = service.p95() / raw.p95();
        String note = prefixes.size() + " prefixes x 2 rounds, page of " + PAGE + " + count";
        return List.of(
                new BenchResult("search: CaseService.page, page + capped count (as the list)", service.summary(), "p95 <= 20 ms",
                        service.p95() <= 20, note + (mismatches == 0 ? "" : "; " + mismatches + " result sets differ from JDBC")),
                new BenchResult("search: raw JDBC, same rows", raw.summary(), "-", true, "the service's SQL over plain JDBC: the page's rows, then the capped count when the page is full (rendered outside the timing; with two words of the same length the service also counts which is rarer)"),
                new BenchResult("search: service / raw JDBC (p95)", String.format(Locale.ROOT, "%.2fx", ratio), "<= 1.5x",
                        ratio <= 1.5, ""));
    }

    private static long timeService(Haven haven, String prefix) {
        long t0 = System.nanoTime();
        CasePage page = haven.cases().page(CaseQuery.text(prefix, PAGE), CaseQuery.COUNT_AHEAD);
        long elapsed = System.nanoTime() - t0;
        if (page.total() < page.items().size()) throw new IllegalStateException("count below page size");
        return elapsed;
    }

    private static List<UUID> serviceIds(Haven haven, String prefix) {
        return haven.cases().page(CaseQuery.text(prefix, PAGE), CaseQuery.COUNT_AHEAD).items().stream().map(CaseListItem::caseId).toList();
    }

    private static long timeRaw(Haven haven, RawQuery raw) {
        long t0 = System.nanoTime();
        rawIds(haven, raw);
        return System.nanoTime() - t0;
    }

    /**
     * The same statements the service runs (page + count), rendered once and executed over plain JDBC:
     * what is left over in the service's time is jOOQ, access checks and mapping to records.
     */
    record RawQuery(String pageSql, List<Object> pageBinds, String countSql, List<Object> countBinds) {}

    /** The service's statements for a first page (one statement for the rows, then the capped count). */
    static RawQuery rawQuery(Haven haven, String prefix) {
        DSLContext dsl = haven.database().dsl();
        CaseQuery q = CaseQuery.text(prefix, PAGE);
        Query page = CaseRepository.shallowPageQuery(dsl, q, haven.user());
        Query count = CaseRepository.countUpToQuery(dsl, q, haven.user(), q.offset() + CaseQuery.COUNT_AHEAD);
        return new RawQuery(dsl.render(page), stored(page.getBindValues()),
                "SELECT COUNT(*) FROM (" + dsl.render(count) + ") x", stored(count.getBindValues()));
    }

    /** The bind values as the database stores them: an enum column's value is its name (pom.xml's converters). */
    private static List<Object> stored(List<Object> binds) {
        List<Object> out = new ArrayList<>(binds.size());
        for (Object v : binds) out.add(v instanceof Enum<?> e ? e.name() : v);
        return out;
    }

    static List<UUID> rawIds(Haven haven, RawQuery raw) {
        return haven.database().dsl().connectionResult(c -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = prepared(c, raw.pageSql(), raw.pageBinds()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                    for (int col = 2; col <= 10; col++) rs.getObject(col);
                }
            }
            // as the service: a first page that is not full is the count
            if (ids.size() == PAGE) {
                try (PreparedStatement ps = prepared(c, raw.countSql(), raw.countBinds()); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rs.getInt(1);
                }
            }
            return ids;
        });
    }

    private static PreparedStatement prepared(Connection c, String sql, List<Object> binds) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < binds.size(); i++) ps.setObject(i + 1, binds.get(i));
        return ps;
    }

    /**
     * Varied prefixes, as people type them: 1-4 letters of Latin names, 1-3 characters of native names
     * (Vietnamese, Chinese, Khmer, Thai, Lao, ...), two-word prefixes, and fragments of case numbers.
     */
    static List<String> prefixes(Haven haven, long seed, int n) {
        Random random = new Random(seed);
        List<Record2<String, String>> names = haven.database().dsl().select(PERSON.NAME_LATIN, PERSON.NAME_NATIVE)
                .from(PERSON).orderBy(PERSON.ID).limit(2000).fetch();
        List<String> numbers = haven.database().dsl().select(CASE_FILE.CASE_NUMBER).from(CASE_FILE)
                .orderBy(CASE_FILE.ID).limit(2000).fetch(CASE_FILE.CASE_NUMBER);
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            int kind = out.size() % 10;
            Record2<String, String> name = names.get(random.nextInt(names.size()));
            String candidate;
            if (kind < 4) {
                candidate = cut(word(name.value1(), random), 1 + random.nextInt(4));
            } else if (kind < 6 && name.value2() != null) {
                candidate = cut(word(name.value2(), random), 1 + random.nextInt(3));
            } else if (kind < 7) {
                String[] w = name.value1().split("\\s+");
                candidate = w.length < 2 ? cut(w[0], 3) : cut(w[0], 1 + random.nextInt(3)) + " " + cut(w[1], 1 + random.nextInt(2));
            } else {
                String number = numbers.get(random.nextInt(numbers.size()));
                String serial = number.substring(number.lastIndexOf('-') + 1);
                candidate = switch (random.nextInt(3)) {
                    case 0 -> serial.replaceFirst("^0+", "").isEmpty() ? "1" : cut(serial.replaceFirst("^0+", ""), 1 + random.nextInt(3));
                    case 1 -> number;
                    default -> serial;
                };
            }
            if (!candidate.isBlank()) out.add(candidate);
        }
        return out;
    }

    private static String word(String text, Random random) {
        String[] words = text.trim().split("\\s+");
        return words[random.nextInt(words.length)];
    }

    private static String cut(String s, int codePoints) {
        int[] cps = s.codePoints().toArray();
        return new String(cps, 0, Math.min(codePoints, cps.length));
    }
}
