package org.haven.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;
import static org.haven.core.db.jooq.Tables.AUDIT_PENDING;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.haven.core.Haven;
import org.haven.core.cases.CaseFile;
import org.haven.core.db.Database;
import org.haven.core.db.Ids;
import org.haven.core.db.OfficeConnection;
import org.haven.testing.TestHaven;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office database's audit entries are written with their change and sealed into the hash chain
 * right after the commit (ADR 0020): a caller never sees an entry missing from the chain, and entries
 * left waiting by a crash between the commit and the seal are sealed later, in order, never lost.
 */
class AuditSealingTest {
    static final char[] PASSWORD = TestHaven.PASSWORD;
    @TempDir Path dir;

    @Test
    void anOfficeActionIsInTheChainWhenItReturns() {
        OfficeConnection office = TestPostgres.newDatabase();
        try (Haven haven = Haven.create(dir, office, "boss", PASSWORD)) {
            CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", null)));
            haven.cases().open(c.id());
            var dsl = haven.database().dsl();
            assertThat(dsl.fetchCount(AUDIT_PENDING)).as("nothing left waiting").isZero();
            List<String> actions = dsl.select(AUDIT_LOG.ACTION).from(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetch(AUDIT_LOG.ACTION);
            assertThat(actions).startsWith("DATABASE_CREATED").contains("CASE_CREATE").endsWith("CASE_VIEW");
            assertThat(AuditLog.verify(dsl).intact()).isTrue();
        }
    }

    @Test
    void entriesLeftWaitingByACrashAreSealedAtTheNextLoginInTheOrderWritten() {
        OfficeConnection office = TestPostgres.newDatabase();
        Haven.create(dir, office, "boss", PASSWORD).close();
        long before;
        List<UUID> written = new ArrayList<>();
        // a process that committed its changes and died before sealing: a database opened without the seal
        try (Database raw = Database.openOffice(dir, office)) {
            before = raw.dsl().fetchCount(AUDIT_LOG);
            for (int i = 0; i < 3; i++) {
                UUID entity = Ids.newId();
                written.add(entity);
                raw.inTransactionRun(tx -> AuditLog.record(tx, null, "EXPORT_IDENTIFIED", "case", entity, null));
            }
            assertThat(raw.dsl().fetchCount(AUDIT_PENDING)).isEqualTo(3);
            assertThat(raw.dsl().fetchCount(AUDIT_LOG)).as("not in the chain yet").isEqualTo(before);
        }
        try (Haven haven = Haven.login(dir, office, "boss", PASSWORD)) {
            var dsl = haven.database().dsl();
            assertThat(dsl.fetchCount(AUDIT_PENDING)).isZero();
            List<UUID> sealed = dsl.select(AUDIT_LOG.ENTITY_ID).from(AUDIT_LOG)
                    .where(AUDIT_LOG.ACTION.eq("EXPORT_IDENTIFIED")).orderBy(AUDIT_LOG.SEQ).fetch(AUDIT_LOG.ENTITY_ID);
            assertThat(sealed).containsExactlyElementsOf(written);
            assertThat(AuditLog.verify(dsl).intact()).isTrue();
        }
    }

    @Test
    void auditVerifySealsWhatWaitsAndALargeBatchIsSealedInParts() {
        OfficeConnection office = TestPostgres.newDatabase();
        Haven.create(dir, office, "boss", PASSWORD).close();
        int n = AuditLog.SEAL_BATCH * 2 + 7;
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(Ids.newId());
        try (Database raw = Database.openOffice(dir, office)) {
            raw.inTransactionRun(tx -> AuditLog.recordEach(tx, null, "SUMMARY_PRINTED", "case", ids, "batch"));
            assertThat(raw.dsl().fetchCount(AUDIT_PENDING)).isEqualTo(n);
            AuditLog.Verification v = AuditLog.verify(raw);
            assertThat(v.intact()).isTrue();
            assertThat(raw.dsl().fetchCount(AUDIT_PENDING)).isZero();
            assertThat(raw.dsl().select(AUDIT_LOG.ENTITY_ID).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("SUMMARY_PRINTED"))
                    .orderBy(AUDIT_LOG.SEQ).fetch(AUDIT_LOG.ENTITY_ID)).containsExactlyElementsOf(ids);
        }
    }

    @Test
    void anEntryRemovedFromTheChainAfterSealingIsStillNoticed() {
        OfficeConnection office = TestPostgres.newDatabase();
        try (Haven haven = Haven.create(dir, office, "boss", PASSWORD)) {
            haven.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", null)));
            var dsl = haven.database().dsl();
            long seq = dsl.select(AUDIT_LOG.SEQ).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("CASE_CREATE")).fetchSingle(AUDIT_LOG.SEQ);
            dsl.deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(seq)).execute();
            AuditLog.Verification v = AuditLog.verify(haven.database());
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
        }
    }

    @Test
    void onTheEmbeddedDatabaseEntriesOfARestoredOfficeBackupThatStillWaitAreSealedAtLogin() {
        try (Haven haven = Haven.create(dir, "boss", PASSWORD)) {
            // the embedded database appends at once: nothing waits
            haven.cases().register(TestHaven.newCase(TestHaven.person("Sok Dara", null)));
            assertThat(haven.database().dsl().fetchCount(AUDIT_PENDING)).isZero();
            // what an office backup taken while an entry waited brings with it
            haven.database().dsl().insertInto(AUDIT_PENDING)
                    .set(AUDIT_PENDING.ID, Ids.newId())
                    .set(AUDIT_PENDING.AT, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                    .set(AUDIT_PENDING.ACTION, "CASE_VIEW").set(AUDIT_PENDING.ENTITY, "case")
                    .execute();
        }
        try (Haven haven = Haven.login(dir, "boss", PASSWORD)) {
            var dsl = haven.database().dsl();
            assertThat(dsl.fetchCount(AUDIT_PENDING)).isZero();
            assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("CASE_VIEW"))).isEqualTo(1);
            assertThat(AuditLog.verify(dsl).intact()).isTrue();
        }
        // and the key file's head matches the sealed chain: the next login is not refused as "went back"
        Haven.login(dir, "boss", PASSWORD).close();
    }
}
