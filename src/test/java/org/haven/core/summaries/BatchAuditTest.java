package org.haven.core.summaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.haven.core.cases.CaseFile;
import org.haven.core.security.AuditLog;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.jooq.Record3;
import org.junit.jupiter.api.Test;

/**
 * A batch of summaries is audited with one entry per case written as one batch (not four statements
 * per case): the entries are still one per case, in order, on an intact hash chain, and a consent
 * override is recorded per case with its reason.
 */
class BatchAuditTest extends DatabaseTest {
    @Test
    void aBatchLeavesOneEntryPerCaseOnAnIntactChain() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) ids.add(haven.cases().register(TestHaven.newCase(TestHaven.person("Batch Person " + i, null))).id());
        SummaryService service = haven.summaries();
        long before = haven.database().dsl().fetchCount(AUDIT_LOG);

        service.writePdf(ids, SummaryOptions.all(Audience.COURT), dir.resolve("court.pdf"), null, () -> false,
                "tests: consent not recorded");

        List<Record3<Long, String, UUID>> entries = haven.database().dsl().select(AUDIT_LOG.SEQ, AUDIT_LOG.ACTION, AUDIT_LOG.ENTITY_ID)
                .from(AUDIT_LOG).where(AUDIT_LOG.SEQ.gt(before)).orderBy(AUDIT_LOG.SEQ).fetch();
        List<UUID> printed = entries.stream().filter(e -> e.value2().equals("SUMMARY_PRINTED")).map(Record3::value3).toList();
        List<UUID> overridden = entries.stream().filter(e -> e.value2().equals("CONSENT_OVERRIDE")).map(Record3::value3).toList();
        assertThat(printed).containsExactlyElementsOf(ids);
        assertThat(overridden).containsExactlyInAnyOrderElementsOf(ids);
        for (int i = 0; i < entries.size(); i++) assertThat(entries.get(i).value1()).isEqualTo(before + 1 + i);
        assertThat(AuditLog.verify(haven.database().dsl()).intact()).isTrue();

        // The next single entry continues the same chain.
        CaseFile later = haven.cases().register(TestHaven.newCase(TestHaven.person("After The Batch", null)));
        service.writePdf(List.of(later.id()), SummaryOptions.all(Audience.INTERNAL), dir.resolve("one.pdf"), null, () -> false);
        assertThat(AuditLog.verify(haven.database().dsl()).intact()).isTrue();
    }

    @Test
    void aSplitBatchWritesEachCaseItsOwnFileAndAuditsEachOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            CaseFile c = haven.cases().register(TestHaven.newCase(TestHaven.person("Split Person " + i, null)));
            ids.add(c.id());
            numbers.add(c.caseNumber());
        }
        SummaryService service = haven.summaries();
        List<java.nio.file.Path> files = numbers.stream().map(n -> dir.resolve(n + ".pdf")).toList();
        long before = haven.database().dsl().fetchCount(AUDIT_LOG);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.writeEach(ids, files, SummaryOptions.all(Audience.COURT), null))
                .hasMessageContaining("No consent to data sharing");
        for (java.nio.file.Path f : files) assertThat(f).as("a refused batch writes nothing").doesNotExist();
        assertThat(haven.database().dsl().fetchCount(AUDIT_LOG)).isEqualTo(before);

        SummaryService.Result r = service.writeEach(ids, files, SummaryOptions.all(Audience.COURT), "tests: consent not recorded");

        assertThat(r.cases()).isEqualTo(9);
        for (int i = 0; i < ids.size(); i++) {
            String text = SummaryPdfTest.text(files.get(i));
            assertThat(text).contains(numbers.get(i), "Split Person " + i);
            for (int j = 0; j < ids.size(); j++) if (j != i) assertThat(text).doesNotContain(numbers.get(j));
        }
        try (java.util.stream.Stream<java.nio.file.Path> left = java.nio.file.Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file is left").noneMatch(n -> n.endsWith(".haven-part"));
        }
        List<Record3<Long, String, UUID>> entries = haven.database().dsl().select(AUDIT_LOG.SEQ, AUDIT_LOG.ACTION, AUDIT_LOG.ENTITY_ID)
                .from(AUDIT_LOG).where(AUDIT_LOG.SEQ.gt(before)).orderBy(AUDIT_LOG.SEQ).fetch();
        assertThat(entries.stream().filter(e -> e.value2().equals("SUMMARY_PRINTED")).map(Record3::value3).toList()).containsExactlyElementsOf(ids);
        assertThat(entries.stream().filter(e -> e.value2().equals("CONSENT_OVERRIDE")).map(Record3::value3).toList())
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(AuditLog.verify(haven.database().dsl()).intact()).isTrue();
    }
}
