package org.haven.core.summaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haven.core.db.jooq.Tables.AUDIT_LOG;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.haven.core.cases.CaseFile;
import org.haven.core.common.HavenException;
import org.haven.core.exports.IdentifiedExport;
import org.haven.core.screening.Consent;
import org.haven.core.screening.ConsentGiver;
import org.haven.core.screening.ConsentPurpose;
import org.haven.core.screening.Determination;
import org.haven.core.screening.Screening;
import org.haven.testing.DatabaseTest;
import org.haven.testing.TestHaven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharing respects consent: an external or court summary, and the identified export, of a person whose
 * consent to data sharing is not recorded are refused unless the user gives a reason, which is audited.
 */
class ConsentOverrideTest extends DatabaseTest {
    @TempDir Path out;

    private CaseFile register(String name) {
        return haven.cases().register(TestHaven.newCase(TestHaven.person(name, null)));
    }

    private void screen(CaseFile c, ConsentPurpose... granted) {
        haven.screening().save(new Screening(null, c.id(), LocalDate.now(), false, null, null,
                new Consent(ConsentGiver.PERSON, LocalDate.now(), Set.of(granted)), null, null, null, null,
                Determination.UNDETERMINED, null, null, null, null));
    }

    private List<String> audit(String action) {
        return haven.database().dsl().select(AUDIT_LOG.DETAIL).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq(action))
                .orderBy(AUDIT_LOG.SEQ).fetch(AUDIT_LOG.DETAIL);
    }

    @Test
    void aCourtCopyWithoutConsentIsRefusedAndWrittenWithAReasonThatIsAudited() {
        CaseFile notScreened = register("Tran Thi Lan");
        CaseFile policeOk = register("Le Van Binh");
        screen(policeOk, ConsentPurpose.INTERVIEW, ConsentPurpose.SHARE_LAW_ENFORCEMENT);
        SummaryService service = haven.summaries();

        assertThat(service.casesWithoutSharingConsent(List.of(notScreened.id(), policeOk.id()), Audience.COURT))
                .containsExactly(notScreened.caseNumber());
        assertThat(service.casesWithoutSharingConsent(List.of(notScreened.id()), Audience.INTERNAL)).isEmpty();

        Path court = out.resolve("court.pdf");
        assertThatThrownBy(() -> service.writePdf(List.of(notScreened.id(), policeOk.id()), SummaryOptions.all(Audience.COURT),
                court, null, null))
                .isInstanceOf(HavenException.class)
                .hasMessageContaining("No consent to data sharing is recorded for " + notScreened.caseNumber())
                .hasMessageContaining("--consent-override");
        assertThat(Files.exists(court)).isFalse();
        assertThat(audit("SUMMARY_PRINTED")).isEmpty();

        service.writePdf(List.of(notScreened.id(), policeOk.id()), SummaryOptions.all(Audience.COURT), court, null, null,
                "Court order 12/2026");
        assertThat(court).exists();
        assertThat(audit("CONSENT_OVERRIDE")).containsExactly("summary COURT: Court order 12/2026");
        assertThat(haven.database().dsl().select(AUDIT_LOG.ENTITY_ID).from(AUDIT_LOG)
                .where(AUDIT_LOG.ACTION.eq("CONSENT_OVERRIDE")).fetch(AUDIT_LOG.ENTITY_ID)).containsExactly(notScreened.id());
    }

    @Test
    void consentForTheCourtDoesNotCoverAPartnerAndAnInternalCopyNeedsNone() {
        CaseFile c = register("Pham Thi Mai");
        screen(c, ConsentPurpose.INTERVIEW, ConsentPurpose.SHARE_LAW_ENFORCEMENT);
        SummaryService service = haven.summaries();
        assertThatThrownBy(() -> service.writePdf(List.of(c.id()), SummaryOptions.all(Audience.EXTERNAL), out.resolve("p.pdf"), null, null))
                .hasMessageContaining("No consent to data sharing");
        service.writePdf(List.of(c.id()), SummaryOptions.all(Audience.INTERNAL), out.resolve("i.pdf"), null, null);
        assertThat(audit("CONSENT_OVERRIDE")).isEmpty();

        screen(c, ConsentPurpose.SHARE_SERVICE_PROVIDERS); // a later screening: the latest one counts
        service.writePdf(List.of(c.id()), SummaryOptions.all(Audience.EXTERNAL), out.resolve("p.pdf"), null, null);
        assertThat(audit("CONSENT_OVERRIDE")).isEmpty();
        assertThat(service.casesWithoutSharingConsent(List.of(c.id()), Audience.COURT)).containsExactly(c.caseNumber());
    }

    @Test
    void aPrintedCopyWithoutConsentNeedsTheReasonToo() {
        CaseFile c = register("Vo Van Chau");
        SummaryService service = haven.summaries();
        assertThatThrownBy(() -> service.recordPrinted(List.of(c.id()), Audience.EXTERNAL)).hasMessageContaining("No consent");
        assertThatThrownBy(() -> service.recordPrinted(List.of(c.id()), Audience.EXTERNAL, "bad\u001b[2Jreason"))
                .hasMessageContaining("one line of text");
        service.recordPrinted(List.of(c.id()), Audience.EXTERNAL, "Shelter intake today, consent asked again");
        assertThat(audit("CONSENT_OVERRIDE")).containsExactly("summary EXTERNAL: Shelter intake today, consent asked again");
        assertThat(audit("SUMMARY_PRINTED")).containsExactly("EXTERNAL");
    }

    @Test
    void theIdentifiedExportOfCasesWithoutConsentNeedsAnAuditedReason() {
        CaseFile shared = register("Dang Thi Hoa");
        screen(shared, ConsentPurpose.SHARE_EMBASSY);
        register("Bui Van Nam");
        IdentifiedExport export = new IdentifiedExport(haven.database(), haven.session());
        assertThat(export.casesWithoutSharingConsent()).isEqualTo(1);
        Path file = out.resolve("all.csv");
        assertThatThrownBy(() -> export.writeTo(file)).hasMessageContaining("No consent to data sharing is recorded for 1 case(s)");
        assertThat(Files.exists(file)).isFalse();
        assertThat(audit("EXPORT_IDENTIFIED_STARTED")).isEmpty();

        assertThat(export.writeTo(file, IdentifiedExport.Options.csv(), "Transfer to the new shelter system")).isEqualTo(2);
        assertThat(audit("CONSENT_OVERRIDE"))
                .containsExactly("export identified, 1 case(s) without sharing consent: Transfer to the new shelter system");
    }
}
