package org.haven.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.CASE_FILE;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.haven.core.Haven;
import org.haven.core.db.OfficeConnection;
import org.haven.core.security.Accounts;
import org.haven.core.security.AuditLog;
import org.haven.core.security.Role;
import org.haven.testing.TestHaven;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office's sync service under 20 laptops syncing at the same moment (a real `haven serve` on a real
 * PostgreSQL): every laptop's registrations arrive exactly once, no sync fails, a second round brings
 * every laptop everything, and the office's audit chain is intact.
 */
class TwentyLaptopsTest {
    static final int LAPTOPS = 20;
    static final int PEOPLE_EACH = 3;
    static final String PASSWORD = "secret-pass-123";
    @TempDir Path dir;

    static String account(int i) {
        return String.format(Locale.ROOT, "worker%02d", i);
    }

    @Test
    void twentyLaptopsSyncAtOnceAndEveryRegistrationArrivesOnce() throws Exception {
        OfficeConnection office = TestPostgres.newDatabase();
        Path officeHome = dir.resolve("office");
        try (Haven h = Haven.create(officeHome, office, "boss", PASSWORD.toCharArray())) {
            for (int i = 0; i < LAPTOPS; i++) {
                Accounts.addUser(h.unlocked(), account(i), "Worker " + i, EnumSet.of(Role.COORDINATOR), PASSWORD.toCharArray());
            }
        }
        ServiceCertificate cert = ServiceCertificate.inFolder(officeHome);
        ExecutorService pool = Executors.newFixedThreadPool(LAPTOPS);
        try (SyncServer server = SyncServer.start(officeHome, office, 0, cert)) {
            String url = "https://localhost:" + server.port();
            // Each laptop stays logged in for the whole test (one key derivation each, as a caseworker's day).
            List<Haven> laptops = new ArrayList<>();
            Set<String> registered = new HashSet<>();
            try {
            for (int i = 0; i < LAPTOPS; i++) {
                Path laptop = dir.resolve("laptop-" + i);
                Join.join(laptop, url, cert.fingerprint(), account(i), PASSWORD.toCharArray());
                Haven h = Haven.login(laptop, account(i), PASSWORD.toCharArray());
                laptops.add(h);
                for (int p = 0; p < PEOPLE_EACH; p++) {
                    registered.add(h.cases().register(TestHaven.newCase(TestHaven.person("Raid Person " + i + " " + p, null))).caseNumber());
                }
            }

            List<LaptopSync.Result> first = syncAll(pool, laptops);
            assertThat(first).extracting(LaptopSync.Result::conflicts).containsOnly(0);
            assertThat(first.stream().mapToInt(LaptopSync.Result::pushed).sum())
                    .as("a person, a case and its first event per registration").isEqualTo(LAPTOPS * PEOPLE_EACH * 3);
            try (Haven h = Haven.login(officeHome, office, "boss", PASSWORD.toCharArray())) {
                List<String> numbers = h.database().dsl().select(CASE_FILE.CASE_NUMBER).from(CASE_FILE).fetch(CASE_FILE.CASE_NUMBER);
                assertThat(numbers).as("every registration once").containsExactlyInAnyOrderElementsOf(registered);
                assertThat(AuditLog.verify(h.database()).intact()).isTrue();
            }

            List<LaptopSync.Result> second = syncAll(pool, laptops);
            assertThat(second).extracting(LaptopSync.Result::pushed).containsOnly(0);
            for (int i = 0; i < LAPTOPS; i++) {
                assertThat(laptops.get(i).database().dsl().select(CASE_FILE.CASE_NUMBER).from(CASE_FILE).fetch(CASE_FILE.CASE_NUMBER))
                        .as("laptop %d has everybody's", i).containsExactlyInAnyOrderElementsOf(registered);
            }
            } finally {
                laptops.forEach(Haven::close);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every laptop's `haven sync`, all started at the same moment. */
    private static List<LaptopSync.Result> syncAll(ExecutorService pool, List<Haven> laptops) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LaptopSync.Result>> results = new ArrayList<>();
        for (int i = 0; i < laptops.size(); i++) {
            Haven h = laptops.get(i);
            String user = account(i);
            results.add(pool.submit(() -> {
                start.await();
                return LaptopSync.sync(h, user, PASSWORD.toCharArray());
            }));
        }
        start.countDown();
        List<LaptopSync.Result> out = new ArrayList<>();
        for (Future<LaptopSync.Result> f : results) out.add(f.get());
        return out;
    }
}
