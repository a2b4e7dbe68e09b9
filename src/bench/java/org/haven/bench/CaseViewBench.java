package org.haven.bench;

import static org.haven.core.db.jooq.Tables.CASE_FILE;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.core.cases.CaseDetails;
import org.haven.core.people.Person;

/** Opening a case with its whole timeline, and saving the person form (with its audit row). */
public final class CaseViewBench implements BenchStep {
    static final int ITERATIONS = 200;
    static final int WARM_UP = 50;

    private final long seed;

    public CaseViewBench(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "open and save a case";
    }

    @Override
    public String goal() {
        return "open <= 100 ms, save p95 <= 30 ms";
    }

    @Override
    public List<BenchResult> run(Haven haven, Path workDir) {
        List<UUID> ids = sample(haven, WARM_UP + ITERATIONS, seed);
        Timings open = new Timings();
        Timings save = new Timings();
        Timings rename = new Timings();
        int events = 0;
        for (int i = 0; i < ids.size(); i++) {
            long t0 = System.nanoTime();
            CaseDetails details = haven.cases().open(ids.get(i));
            long t1 = System.nanoTime();
            Person p = details.person();
            Person edited = p.withContactAndNotes(p.aliases(), p.familyContact(), "Benchmark edit " + i + ".");
            long t2 = System.nanoTime();
            Person saved = haven.cases().updatePerson(ids.get(i), edited);
            long t3 = System.nanoTime();
            // and once more with a new alias: the search tokens, prefixes and match keys change too
            Person renamed = saved.withContactAndNotes("Alias" + Integer.toString(i, 36) + (char) ('a' + i % 26),
                    saved.familyContact(), saved.notes());
            long t4 = System.nanoTime();
            haven.cases().updatePerson(ids.get(i), renamed);
            long t5 = System.nanoTime();
            if (i >= WARM_UP) {
                open.add(t1 - t0);
                save.add(t3 - t2);
                rename.add(t5 - t4);
                events += details.events().size();
            }
        }
        String note = ITERATIONS + " random cases after " + WARM_UP + " warm-up; "
                + String.format(java.util.Locale.ROOT, "%.1f", events / (double) ITERATIONS) + " events per case on average";
        return List.of(
                new BenchResult("open a case (CaseService.open, whole timeline)", open.summary(), "<= 100 ms",
                        open.p95() <= 100, note + "; goal checked on p95"),
                new BenchResult("save the person form (CaseService.updatePerson + audit)", save.summary(), "p95 <= 30 ms",
                        save.p95() <= 30, "notes changed; the search index is checked in the same transaction and left as it is"),
                new BenchResult("save the person form with a new alias", rename.summary(), "p95 <= 30 ms",
                        rename.p95() <= 30, "the changed search tokens, prefixes and match keys are written in the same transaction"));
    }

    static List<UUID> sample(Haven haven, int n, long seed) {
        List<UUID> all = new ArrayList<>(haven.database().dsl().select(CASE_FILE.ID).from(CASE_FILE).fetch(CASE_FILE.ID));
        Collections.shuffle(all, new Random(seed));
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(all.get(i % all.size()));
        return out;
    }
}
