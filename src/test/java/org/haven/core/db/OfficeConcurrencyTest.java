package org.haven.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.haven.core.Haven;
import org.haven.core.cases.CaseDetails;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;
import org.haven.core.common.HavenException;
import org.haven.core.people.Person;
import org.haven.core.security.Accounts;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 20 sessions at once on one office database, each with its own account and connections: they
 * search, open, save and register, a bounded number of operations each. Afterwards no save that
 * returned is lost, no stale save was applied, the audit chain verifies and no case number was
 * issued twice.
 */
class OfficeConcurrencyTest {
    static final int SESSIONS = 20;
    static final int OPERATIONS = 16;
    static final char[] PASSWORD = "correct-horse-battery".toCharArray();
    @TempDir Path dir;

    record Saved(UUID personId, int version, String notes) {}

    @Test
    void twentySessionsLoseNoUpdateAndIssueNoCaseNumberTwice() throws Exception {
        OfficeConnection office = TestPostgres.newDatabase();
        List<UUID> cases = new ArrayList<>();
        Map<UUID, Integer> startVersion = new ConcurrentHashMap<>();
        try (Haven admin = Haven.create(dir, office, "boss", PASSWORD)) {
            for (int i = 0; i < 10; i++) {
                CaseFile c = admin.cases().register(TestHaven.newCase(TestHaven.person("Nguyen Van Shared " + i, null)));
                cases.add(c.id());
                startVersion.put(c.personId(), 0);
            }
            for (int s = 0; s < SESSIONS; s++) {
                Accounts.addUser(admin.unlocked(), String.format("worker%02d", s), Set.of(Role.COORDINATOR), PASSWORD);
            }
        }
        List<Haven> sessions = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) sessions.add(Haven.login(dir, office, String.format("worker%02d", s), PASSWORD));

        ConcurrentLinkedQueue<Saved> saved = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> issued = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refusedStale = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int s = 0; s < SESSIONS; s++) {
                Haven h = sessions.get(s);
                int seed = s;
                done.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    start.await();
                    for (int op = 0; op < OPERATIONS; op++) {
                        switch (op % 4) {
                            case 0 -> {
                                List<CaseListItem> found = h.cases().search(CaseQuery.text("nguyen", 20));
                                assertThat(found).isNotEmpty();
                            }
                            case 1 -> h.cases().open(cases.get(random.nextInt(cases.size())));
                            case 2 -> {
                                UUID caseId = cases.get(random.nextInt(cases.size()));
                                CaseDetails d = h.cases().open(caseId);
                                String notes = h.user().username() + " save " + op;
                                try {
                                    Person p = h.cases().updatePerson(caseId, d.person().withContactAndNotes(null, null, notes));
                                    saved.add(new Saved(p.id(), p.version(), notes));
                                } catch (HavenException e) {
                                    assertThat(e.kind()).isEqualTo(HavenException.Kind.CONFLICT);
                                    refusedStale.add(notes);
                                }
                            }
                            default -> issued.add(h.cases().register(TestHaven.newCase(
                                    TestHaven.person("Tran Thi Session " + seed + " " + op, null))).caseNumber());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
            for (Haven h : sessions) h.close();
        }

        try (Haven admin = Haven.login(dir, office, "boss", PASSWORD)) {
            var dsl = admin.database().dsl();
            // every returned save is there: each person's version counts exactly the saves that returned,
            // and the notes are those of the last one (a stale save never overwrote it)
            for (UUID personId : startVersion.keySet()) {
                List<Saved> mine = saved.stream().filter(x -> x.personId().equals(personId)).toList();
                var row = dsl.selectFrom(org.haven.core.db.jooq.Tables.PERSON).where(org.haven.core.db.jooq.Tables.PERSON.ID.eq(personId)).fetchSingle();
                assertThat(row.getVersion()).isEqualTo(startVersion.get(personId) + mine.size());
                mine.stream().max(java.util.Comparator.comparingInt(Saved::version))
                        .ifPresent(last -> assertThat(row.getNotes()).isEqualTo(last.notes()));
                assertThat(mine.stream().map(Saved::version).distinct().count()).isEqualTo(mine.size());
            }
            assertThat(saved.size() + refusedStale.size()).isEqualTo(SESSIONS * OPERATIONS / 4);
            // no case number twice, and every issued one is in the database
            assertThat(Set.copyOf(issued)).hasSize(issued.size()).hasSize(SESSIONS * OPERATIONS / 4);
            assertThat(dsl.fetchCount(org.haven.core.db.jooq.Tables.CASE_FILE)).isEqualTo(10 + issued.size());
            assertThat(AuditLog.verify(dsl).intact()).isTrue();
            assertThat(dsl.fetchCount(org.haven.core.db.jooq.Tables.AUDIT_LOG,
                    org.haven.core.db.jooq.Tables.AUDIT_LOG.ACTION.eq("PERSON_UPDATE"))).isEqualTo(saved.size());
        }
    }
}
