package org.haven.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haven.core.db.jooq.Tables.APP_USER;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;
import static org.haven.core.db.jooq.Tables.CASE_EVENT;
import static org.haven.core.db.jooq.Tables.CASE_FILE;
import static org.haven.core.db.jooq.Tables.PERSON;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.haven.core.Haven;
import org.haven.core.cases.CaseListItem;
import org.haven.core.cases.CaseQuery;
import org.haven.core.common.HavenException;
import org.haven.core.db.OfficeConnection;
import org.haven.core.demo.DemoData;
import org.haven.core.security.Accounts;
import org.haven.core.security.Role;
import org.haven.core.sync.Join;
import org.haven.core.sync.ServiceCertificate;
import org.haven.core.sync.SyncServer;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `haven join` against a real `haven serve` on a real PostgreSQL office database: a laptop receives
 * exactly the cases its account may see, can log in and search them offline, and holds no password
 * hash or office audit entry; a wrong fingerprint or password, an account without cases or a folder
 * that is not empty: refused, nothing written.
 */
class JoinTest {
    static final String PASSWORD = "secret-pass-123";
    static final String CW_PASSWORD = "caseworker-pass-1";
    @TempDir static Path office;
    @TempDir Path dir;
    static SyncServer server;
    static String fingerprint;
    static String url;
    static Set<String> officeCases;
    static Set<String> caseworkerCases;
    static Map<String, String> officeNames;

    @BeforeAll
    static void anOfficeWithCasesAndItsSyncService() {
        OfficeConnection db = TestPostgres.newDatabase();
        officeDb = db;
        try (Haven boss = Haven.create(office, db, "boss", PASSWORD.toCharArray())) {
            Accounts.addUser(boss.unlocked(), "cw", "Sokha Chan", EnumSet.of(Role.CASEWORKER), CW_PASSWORD.toCharArray());
            Accounts.addUser(boss.unlocked(), "keeper", "IT Admin", EnumSet.of(Role.ADMIN), CW_PASSWORD.toCharArray());
            new DemoData(boss, 11).generate(24, n -> {});
            boss.organisation().set("organisation.name", "Harbour Shelter Network");
            List<String> numbers = boss.database().dsl().select(CASE_FILE.CASE_NUMBER).from(CASE_FILE)
                    .orderBy(CASE_FILE.CASE_NUMBER).fetch(CASE_FILE.CASE_NUMBER);
            officeCases = Set.copyOf(numbers);
            caseworkerCases = Set.of(numbers.get(1), numbers.get(5), numbers.get(9));
            boss.cases().assignByNumber(List.copyOf(caseworkerCases), "cw");
            officeNames = boss.database().dsl().select(CASE_FILE.CASE_NUMBER, PERSON.NAME_LATIN).from(CASE_FILE)
                    .join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID)).fetchMap(CASE_FILE.CASE_NUMBER, PERSON.NAME_LATIN);
        }
        ServiceCertificate cert = ServiceCertificate.inFolder(office);
        fingerprint = cert.fingerprint();
        server = SyncServer.start(office, db, 0, cert);
        url = "https://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void aCaseworkersLaptopHoldsExactlyTheirCasesAndWorksOffline() {
        Path laptop = dir.resolve("laptop");
        try (SyncServer own = SyncServer.start(office, officeDb, 0, ServiceCertificate.inFolder(office))) {
            int joined = Join.join(laptop, "https://localhost:" + own.port(), fingerprint, "cw", CW_PASSWORD.toCharArray());
            assertThat(joined).isEqualTo(3);
        } // offline from here on
        try (Haven cw = Haven.login(laptop, "cw", CW_PASSWORD.toCharArray())) {
            var dsl = cw.database().dsl();
            assertThat(Set.copyOf(dsl.select(CASE_FILE.CASE_NUMBER).from(CASE_FILE).fetch(CASE_FILE.CASE_NUMBER)))
                    .isEqualTo(caseworkerCases);
            assertThat(dsl.fetchCount(PERSON)).as("only the people of those cases").isEqualTo(3);
            assertThat(dsl.fetchCount(CASE_EVENT)).isPositive();
            assertThat(dsl.fetchCount(APP_USER, APP_USER.PASSWORD_HASH.isNotNull())).as("no password hash leaves the office").isZero();
            assertThat(dsl.select(AUDIT_LOG.ACTION).from(AUDIT_LOG).fetch(AUDIT_LOG.ACTION))
                    .as("the office's audit log stays there: only this laptop's own entries")
                    .containsOnly("DATABASE_JOINED", "SYNC_JOINED", "LOGIN").contains("DATABASE_JOINED", "SYNC_JOINED");
            assertThat(cw.user().roles()).containsExactly(Role.CASEWORKER);
            assertThat(cw.user().displayName()).isEqualTo("Sokha Chan");
            assertThat(cw.organisation().list()).containsEntry("organisation.name", "Harbour Shelter Network");

            String number = caseworkerCases.iterator().next();
            String name = officeNames.get(number);
            String word = name.split(" ")[0].toLowerCase();
            List<CaseListItem> found = cw.cases().search(new CaseQuery(word, null, null, null, CaseQuery.SortColumn.CASE_NUMBER, false, 0, 50));
            assertThat(found).as("the search index was built on the laptop").extracting(CaseListItem::caseNumber).contains(number);
            assertThat(cw.cases().search(new CaseQuery("", null, null, null, CaseQuery.SortColumn.CASE_NUMBER, false, 0, 50)))
                    .extracting(CaseListItem::caseNumber).containsExactlyInAnyOrderElementsOf(caseworkerCases);
        }
    }

    @Test
    void aCoordinatorsLaptopHoldsEveryCase() {
        Path laptop = dir.resolve("coordinator");
        assertThat(Join.join(laptop, url, fingerprint, "boss", PASSWORD.toCharArray())).isEqualTo(officeCases.size());
        try (Haven boss = Haven.login(laptop, "boss", PASSWORD.toCharArray())) {
            Set<String> here = Set.copyOf(boss.database().dsl().select(CASE_FILE.CASE_NUMBER).from(CASE_FILE).fetch(CASE_FILE.CASE_NUMBER));
            assertThat(here).isEqualTo(officeCases);
            Map<String, String> names = boss.database().dsl().select(CASE_FILE.CASE_NUMBER, PERSON.NAME_LATIN).from(CASE_FILE)
                    .join(PERSON).on(PERSON.ID.eq(CASE_FILE.PERSON_ID)).fetchMap(CASE_FILE.CASE_NUMBER, PERSON.NAME_LATIN);
            assertThat(names).isEqualTo(officeNames);
        }
    }

    @Test
    void aWrongFingerprintOrPasswordOrAnAccountWithoutCasesWritesNothing() throws Exception {
        Path laptop = dir.resolve("refused");
        String other = "SHA256:" + "B".repeat(43);
        assertThatThrownBy(() -> Join.join(laptop, url, other, "cw", CW_PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e.kind()).isEqualTo(HavenException.Kind.DENIED))
                .hasMessageContaining("fingerprint");
        assertThatThrownBy(() -> Join.join(laptop, url, fingerprint, "cw", "wrong-password-9".toCharArray()))
                .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e.kind()).isEqualTo(HavenException.Kind.DENIED));
        assertThatThrownBy(() -> Join.join(laptop, url, fingerprint, "keeper", CW_PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e.kind()).isEqualTo(HavenException.Kind.DENIED));
        assertThat(laptop).doesNotExist();

        Files.createDirectories(laptop);
        Files.writeString(laptop.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> Join.join(laptop, url, fingerprint, "cw", CW_PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e.kind()).isEqualTo(HavenException.Kind.BAD_INPUT));
        try (Stream<Path> files = Files.list(laptop)) {
            assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toSet())).containsExactly("notes.txt");
        }
    }

    /** A connection cut in the middle of the rows: the laptop keeps nothing, not even the database it began. */
    @Test
    void aSnapshotCutBeforeItsEndLeavesNothing() throws Exception {
        java.net.http.HttpClient pinned = java.net.http.HttpClient.newBuilder()
                .sslContext(org.haven.core.sync.PinnedTrust.context(fingerprint)).build();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("cw:" + CW_PASSWORD).getBytes());
        String whoami = pinned.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/v1/whoami")).header("Authorization", basic).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        List<String> lines = pinned.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/v1/snapshot")).header("Authorization", basic).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines()).body().toList();
        assertThat(lines.getLast()).matches("end\t3\t\\d+");
        assertThat(lines).hasSizeGreaterThan(3);

        for (List<String> cut : List.of(lines.subList(0, lines.size() - 1), lines.subList(0, lines.size() / 2),
                List.of(lines.get(0), "rows\tperson\t{not json"))) {
            ServiceCertificate cert = ServiceCertificate.inFolder(office);
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(cert.keyStore(), cert.keyPassword());
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            com.sun.net.httpserver.HttpsServer cutting = com.sun.net.httpserver.HttpsServer.create(new java.net.InetSocketAddress(0), 4);
            cutting.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            cutting.createContext("/v1/whoami", ex -> reply(ex, whoami));
            cutting.createContext("/v1/snapshot", ex -> reply(ex, String.join("\n", cut) + "\n"));
            cutting.start();
            try {
                Path laptop = dir.resolve("cut");
                assertThatThrownBy(() -> Join.join(laptop, "https://localhost:" + cutting.getAddress().getPort(), fingerprint, "cw", CW_PASSWORD.toCharArray()))
                        .isInstanceOfSatisfying(HavenException.class, e -> assertThat(e.kind()).isEqualTo(HavenException.Kind.FAILURE))
                        .hasMessageContaining("nothing was kept");
                assertThat(laptop).as("no database, no key file, no folder").doesNotExist();
            } finally {
                cutting.stop(0);
            }
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void theCommandPrintsJoinedAndRefusesAWrongFingerprintWithExit3() throws Exception {
        HavenCli cli = HavenCli.onHome(dir.resolve("cli-laptop"), dir, "cw", CW_PASSWORD);
        HavenCli.Run wrong = cli.run("join", "--office", url, "--fingerprint", "SHA256:" + "C".repeat(43));
        assertThat(wrong.exit()).as(wrong.err()).isEqualTo(3);
        assertThat(wrong.err().strip().lines()).hasSize(1);
        assertThat(dir.resolve("cli-laptop")).doesNotExist();

        HavenCli.Run ok = cli.run("join", "--office", url, "--fingerprint", fingerprint);
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo("joined\t3\n");
        HavenCli.Run sync = cli.run("sync");
        assertThat(sync.exit()).as(sync.err()).isZero();
        assertThat(sync.out()).isEqualTo("pushed\t0\npulled\t0\nconflicts\t0\n");
        HavenCli.Run stats = cli.run("search", "", "--limit", "50");
        assertThat(stats.exit()).as(stats.err()).isZero();
        assertThat(stats.out().lines().skip(1).map(l -> l.split("\t")[0]).collect(Collectors.toSet())).isEqualTo(caseworkerCases);
    }

    /** With the office out of reach: exit 1, one line, and the laptop's data as it was. */
    @Test
    void syncWithoutTheOfficeExitsOneWithOneLine() throws Exception {
        Path laptop = dir.resolve("unreachable");
        try (SyncServer own = SyncServer.start(office, officeDb, 0, ServiceCertificate.inFolder(office))) {
            Join.join(laptop, "https://localhost:" + own.port(), fingerprint, "cw", CW_PASSWORD.toCharArray());
        }
        HavenCli cli = HavenCli.onHome(laptop, dir, "cw", CW_PASSWORD);
        HavenCli.Run sync = cli.run("sync");
        assertThat(sync.exit()).isEqualTo(1);
        assertThat(sync.err().strip().lines()).hasSize(1);
        assertThat(sync.err()).contains("Cannot reach the office").contains("nothing was lost");
        HavenCli.Run search = cli.run("search", "", "--limit", "50");
        assertThat(search.out().lines().skip(1).count()).isEqualTo(3);
    }

    private static OfficeConnection officeDb;
}
