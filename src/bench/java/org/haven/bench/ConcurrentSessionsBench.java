package org.haven.bench;

import static org.haven.core.db.jooq.Tables.APP_USER;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.haven.core.Haven;
import org.haven.core.cases.CaseDetails;
import org.haven.core.cases.CaseQuery;
import org.haven.core.common.HavenException;
import org.haven.core.people.Person;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;

/**
 * Twenty people working at once: each session has its own account (a coordinator) and types a
 * search, opens a case and saves its person form, with a short pause between actions, for a fixed
 * number of rounds. Reports p50/p95 of each action over all sessions.
 *
 * <p>On the office database each session logs in by itself (its own connections, as twenty
 * computers would). The embedded database belongs to one process, so there the twenty sessions
 * share its open file and connection pool, each still with its own account.
 */
public final class ConcurrentSessionsBench implements BenchStep {
    public static final int SESSIONS = 20;
    static final int ROUNDS = 30;
    static final int WARM_UP_ROUNDS = 3;
    /** A pause between one action and the next (a person reading or typing), 50-250 ms. */
    static final int PAUSE_MIN_MS = 50;
    static final int PAUSE_SPREAD_MS = 200;

    private final long seed;

    public ConcurrentSessionsBench(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return SESSIONS + " sessions at once";
    }

    @Override
    public String goal() {
        return "search p95 <= 50 ms";
    }

    static String account(int i) {
        return String.format(Locale.ROOT, "bench-s%02d", i);
    }

    @Override
    public List<BenchResult> run(Haven haven, Path workDir) throws Exception {
        for (int s = 0; s < SESSIONS; s++) {
            String name = account(s);
            boolean exists = haven.database().dsl().fetchExists(APP_USER, APP_USER.USERNAME.eq(name));
            if (!exists) Accounts.addUser(haven.unlocked(), name, Set.of(Role.COORDINATOR), Benchmark.PASSWORD);
        }
        List<String> prefixes = CaseListBench.prefixes(haven, seed + 1, CaseListBench.PREFIXES);
        List<UUID> cases = CaseViewBench.sample(haven, 4000, seed + 1);
        boolean office = haven.database().isOffice();
        List<Haven> sessions = new ArrayList<>();
        Timings search = new Timings();
        Timings open = new Timings();
        Timings save = new Timings();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        try {
            for (int s = 0; s < SESSIONS; s++) sessions.add(session(haven, account(s), office));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Timings[]>> results = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                Haven h = sessions.get(s);
                Random random = new Random(seed * 31 + s);
                results.add(pool.submit(() -> {
                    Timings[] mine = {new Timings(), new Timings(), new Timings()};
                    start.await();
                    for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
                        boolean timed = round >= WARM_UP_ROUNDS;
                        String prefix = prefixes.get(random.nextInt(prefixes.size()));
                        long t0 = System.nanoTime();
                        h.cases().page(CaseQuery.text(prefix, CaseListBench.PAGE), CaseQuery.COUNT_AHEAD);
                        if (timed) mine[0].add(System.nanoTime() - t0);
                        pause(random);
                        UUID caseId = cases.get(random.nextInt(cases.size()));
                        long t1 = System.nanoTime();
                        CaseDetails details = h.cases().open(caseId);
                        if (timed) mine[1].add(System.nanoTime() - t1);
                        pause(random);
                        Person p = details.person();
                        Person edited = p.withContactAndNotes(p.aliases(), p.familyContact(),
                                "Benchmark session edit " + round + ".");
                        long t2 = System.nanoTime();
                        try {
                            h.cases().updatePerson(caseId, edited);
                        } catch (HavenException e) {
                            // another session saved the same case in between: refused, as it must be
                            if (e.kind() != HavenException.Kind.CONFLICT) throw e;
                            refused.incrementAndGet();
                        }
                        if (timed) mine[2].add(System.nanoTime() - t2);
                        pause(random);
                    }
                    return mine;
                }));
            }
            long w0 = System.nanoTime();
            start.countDown();
            for (Future<Timings[]> f : results) {
                Timings[] t = f.get();
                search.addAll(t[0]);
                open.addAll(t[1]);
                save.addAll(t[2]);
            }
            double seconds = (System.nanoTime() - w0) / 1e9;
            String how = office ? "each session logged in by itself (own connections)"
                    : "the sessions share the one embedded database and its pool of connections";
            String note = String.format(Locale.ROOT, "%d sessions x %d rounds (after %d warm-up) of search, open, save, "
                    + "%d-%d ms pause between actions; %s; %.1f s wall-clock", SESSIONS, ROUNDS, WARM_UP_ROUNDS,
                    PAUSE_MIN_MS, PAUSE_MIN_MS + PAUSE_SPREAD_MS, how, seconds);
            return List.of(
                    new BenchResult(SESSIONS + " sessions at once: search (page + capped count)", search.summary(),
                            "p95 <= 50 ms", search.p95() <= 50, note),
                    new BenchResult(SESSIONS + " sessions at once: open a case", open.summary(), "-", true, ""),
                    new BenchResult(SESSIONS + " sessions at once: save the person form", save.summary(), "-", true,
                            refused.get() + " stale saves refused (two sessions on the same case)"));
        } finally {
            pool.shutdownNow();
            if (office) sessions.forEach(Haven::close);
        }
    }

    /** A session of its own account: its own log-in on the office database, the shared file on the embedded one. */
    private static Haven session(Haven haven, String username, boolean office) {
        if (office) return Haven.login(haven.database().home(), haven.database().office(), username, Benchmark.PASSWORD);
        var row = haven.database().dsl().selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle();
        return new Haven(new Accounts.Unlocked(haven.database(), org.haven.core.security.AccountRepository.toUser(row), haven.unlocked().databaseKey()));
    }

    private static void pause(Random random) throws InterruptedException {
        Thread.sleep(PAUSE_MIN_MS + random.nextInt(PAUSE_SPREAD_MS));
    }
}
