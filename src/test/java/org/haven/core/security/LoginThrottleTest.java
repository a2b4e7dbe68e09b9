package org.haven.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.haven.core.Haven;
import org.haven.core.common.HavenException;
import org.haven.testing.TestHaven;
import org.jooq.Record2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 8: the login delay holds against parallel attempts, per account, and against deleting
 * files; every failure reaches the audit log. The delays asserted are the ones the throttle decided
 * (read through its sleeper), never wall-clock time.
 */
class LoginThrottleTest {
    static final char[] ANN_PASSWORD = "ann-password-123".toCharArray();
    @TempDir Path dir;
    final List<Long> delays = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void recordDelaysInsteadOfWaiting() {
        LoginThrottle.sleeper = delays::add;
        try (Haven h = TestHaven.create(dir)) {
            Accounts.addUser(h.unlocked(), "ann", EnumSet.of(Role.CASEWORKER), ANN_PASSWORD);
        }
    }

    @AfterEach
    void waitForReal() {
        LoginThrottle.sleeper = Thread::sleep;
    }

    void wrong(String user) {
        assertThatThrownBy(() -> Accounts.login(dir, user, "not-the-password".toCharArray()))
                .isInstanceOf(HavenException.class).hasMessage("Wrong user name or password.");
    }

    @Test
    void sixParallelWrongPasswordsAreAllCountedEachWaitingForTheOnesBeforeIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) attempts.add(pool.submit(() -> wrong("ann")));
        for (Future<?> f : attempts) f.get();
        pool.shutdown();

        assertThat(LoginThrottle.failures(dir, "ann")).isEqualTo(6);
        // The first waits nothing; each later one waits for the failures counted before it.
        assertThat(delays).containsExactlyInAnyOrder(1000L, 2000L, 4000L, 8000L, 16000L);
        delays.clear();
        wrong("ann");
        assertThat(delays).containsExactly(30_000L);

        try (Haven h = TestHaven.login(dir)) {
            Record2<String, String> failed = h.database().dsl().select(AUDIT_LOG.USERNAME, AUDIT_LOG.DETAIL).from(AUDIT_LOG)
                    .where(AUDIT_LOG.ACTION.eq("LOGIN_FAILED")).fetchSingle();
            assertThat(failed.value1()).isEqualTo("ann");
            assertThat(failed.value2()).startsWith("7 failed attempt(s)");
        }
        assertThat(LoginThrottle.pending(dir)).isEmpty();
        assertThat(LoginThrottle.failures(dir, "ann")).as("only ann's own login resets her delay").isEqualTo(7);
    }

    @Test
    void oneAccountsFailuresDoNotDelayAnother() {
        for (int i = 0; i < 3; i++) wrong("ann");
        assertThat(delays).containsExactly(1000L, 2000L);
        delays.clear();
        TestHaven.login(dir).close();
        assertThat(delays).as("the administrator waits for nobody's failures").isEmpty();
        wrong("ann");
        assertThat(delays).containsExactly(4000L);
        delays.clear();
        Accounts.login(dir, "ann", ANN_PASSWORD).close();
        assertThat(delays).containsExactly(8000L);
        assertThat(LoginThrottle.failures(dir, "ann")).isZero();
    }

    @Test
    void unknownNamesShareOneCounterThatAlsoDelaysKnownOnesSoTheDelayRevealsNoAccount() {
        wrong("nobody");
        wrong("someone-else");
        delays.clear();
        wrong("ann");
        wrong("third-name");
        assertThat(delays).containsExactly(2000L, 2000L); // ann and an unknown name wait alike
    }

    @Test
    void deletingFilesDoesNotResetTheDelayAndTheOldCounterFileIsCarriedOver() throws Exception {
        for (int i = 0; i < 3; i++) wrong("ann");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (!n.equals("haven.keys") && !n.equals("haven.mv.db") && Files.isRegularFile(f)) Files.delete(f);
            }
        }
        delays.clear();
        wrong("ann");
        assertThat(delays).containsExactly(4000L);

        // The counter file of earlier versions: read once, its failures kept (delay and audit), then deleted.
        Files.writeString(dir.resolve(LoginThrottle.LEGACY_FILE_NAME), "failures=2\n");
        delays.clear();
        wrong("ann");
        assertThat(delays).containsExactly(8000L);
        assertThat(dir.resolve(LoginThrottle.LEGACY_FILE_NAME)).doesNotExist();
        try (Haven h = TestHaven.login(dir)) {
            List<String> details = h.database().dsl().select(AUDIT_LOG.DETAIL).from(AUDIT_LOG)
                    .where(AUDIT_LOG.ACTION.eq("LOGIN_FAILED")).orderBy(AUDIT_LOG.SEQ).fetch(AUDIT_LOG.DETAIL);
            assertThat(details).containsExactlyInAnyOrder("5 failed attempt(s) before this login",
                    "2 failed attempt(s) before this login (counted by an earlier version)");
        }

        // Without the key file the database cannot be unlocked at all: no way to start counting afresh.
        Files.delete(dir.resolve("haven.keys"));
        assertThatThrownBy(() -> Accounts.login(dir, "ann", ANN_PASSWORD)).hasMessageContaining("key file (haven.keys) is missing");
    }
}
