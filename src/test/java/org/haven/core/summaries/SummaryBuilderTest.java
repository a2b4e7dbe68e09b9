package org.haven.core.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.haven.core.cases.CaseDetails;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.LegalRole;
import org.haven.core.cases.Outcome;
import org.haven.core.people.DocumentStatus;
import org.haven.core.people.Person;
import org.haven.core.people.Sex;
import org.haven.core.summaries.CaseSummary.Block;
import org.haven.core.summaries.CaseSummary.Events;
import org.haven.core.summaries.CaseSummary.Fields;
import org.haven.core.summaries.CaseSummary.Part;
import org.haven.core.summaries.CaseSummary.Text;
import org.haven.core.timeline.CaseEvent;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;
import org.junit.jupiter.api.Test;

/** The summary model, without database or PDF: what each audience gets, in words. */
class SummaryBuilderTest {
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    static CaseDetails details(LegalRole role) {
        UUID caseId = UUID.randomUUID();
        Person p = new Person(UUID.randomUUID(), "សុខ ដារ៉ា", "Sok Dara", "Dara K7", Sex.FEMALE, LocalDate.of(2000, 6, 1), null,
                "KH", "km", true, DocumentStatus.CONFISCATED, "N1234567", "Sister in Kampot", "Scared of the guard", 0);
        CaseFile c = new CaseFile(caseId, "HVN-2026-ABC-000001", p.id(), null, null, CaseStatus.CLOSED, Outcome.REFERRED,
                "Moved to the partner shelter in Kampot", role, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 4, 1), 3);
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseEvent(UUID.randomUUID(), caseId, EventType.IDENTIFICATION, LocalDate.of(2026, 1, 5), DatePrecision.DAY, "Found in building B", null, "anna", 0));
        events.add(new CaseEvent(UUID.randomUUID(), caseId, EventType.COURT_HEARING, LocalDate.of(2026, 3, 1), DatePrecision.MONTH, "Hearing against boss Chen", null, "anna", 0));
        events.add(new CaseEvent(UUID.randomUUID(), caseId, EventType.MEDICAL, LocalDate.of(2025, 1, 1), DatePrecision.YEAR, null, null, "anna", 0));
        events.add(new CaseEvent(UUID.randomUUID(), caseId, EventType.SHELTER_ADMISSION, LocalDate.of(2026, 1, 7), DatePrecision.APPROXIMATE, "Room 4", null, "anna", 0));
        return new CaseDetails(c, p, null, "anna", events);
    }

    static String words(CaseSummary s) {
        StringBuilder sb = new StringBuilder(String.join("\n", s.title(), s.subtitle(), s.producedLine(), String.join("\n", s.notices())));
        for (Part part : s.parts()) {
            sb.append('\n').append(part.title());
            for (Block b : part.blocks()) {
                if (b instanceof Fields f) f.fields().forEach(x -> sb.append('\n').append(x.label()).append(": ").append(x.value()));
                if (b instanceof Events e) e.rows().forEach(r -> sb.append('\n').append(String.join(" | ", r.date(), r.type(), r.note(), r.recordedBy())));
                if (b instanceof Text t) sb.append('\n').append(t.text());
            }
        }
        return sb.toString();
    }

    CaseSummary build(Audience a, LegalRole role) {
        return new SummaryBuilder("Hope Shelter", "anna", NOW).build(details(role), null, SummaryOptions.all(a));
    }

    @Test
    void aDerivedLatinNameIsPrintedAsDerived() {
        CaseDetails d = details(LegalRole.WITNESS);
        Person p = d.person();
        Person derived = new Person(p.id(), p.nameNative(), "Sokh Dara", p.aliases(), p.sex(), p.birthDate(), p.estimatedAge(),
                p.nationality(), p.languages(), p.interpreterNeeded(), p.documentStatus(), p.documentNumber(),
                p.familyContact(), p.notes(), p.version(), true);
        CaseSummary s = new SummaryBuilder("Hope Shelter", "anna", NOW)
                .build(new CaseDetails(d.caseFile(), derived, null, "anna", d.events()), null, SummaryOptions.all(Audience.INTERNAL));
        assertThat(words(s)).contains("សុខ ដារ៉ា", "Sokh Dara (derived)");
        assertThat(words(build(Audience.INTERNAL, LegalRole.WITNESS))).contains("Sok Dara").doesNotContain("(derived)");
    }

    @Test
    void languagesArePrintedAsWordsNotCodes() {
        String w = words(build(Audience.COURT, LegalRole.WITNESS));
        assertThat(w).contains("Languages: Khmer").doesNotContain("Languages: km");
    }

    @Test
    void internalHasEverything() {
        String w = words(build(Audience.INTERNAL, LegalRole.WITNESS));
        assertThat(w).contains("សុខ ដារ៉ា", "Sok Dara", "Dara K7", "N1234567", "Sister in Kampot", "Scared of the guard",
                "Moved to the partner shelter", "Found in building B", "Jun 1, 2000", "Not screened.", "Witness",
                "Referred to another organisation");
        assertThat(build(Audience.INTERNAL, LegalRole.NONE).organisation()).isEqualTo("Hope Shelter");
    }

    @Test
    void externalHasNoIdentityNoContactsNoNotesAndAnAge() {
        String w = words(build(Audience.EXTERNAL, LegalRole.WITNESS));
        assertThat(w).doesNotContain("សុខ", "Sok Dara", "Dara K7", "N1234567", "Sister", "Scared", "Moved to", "building B",
                "boss Chen", "Room 4", "Jun 1, 2000");
        assertThat(w).contains("Age: 25 years", "Withheld", "Redacted for External partner");
    }

    @Test
    void courtHasIdentityButNoContactOrNotes() {
        String w = words(build(Audience.COURT, LegalRole.WITNESS));
        assertThat(w).contains("សុខ ដារ៉ា", "Dara K7", "N1234567", "Jun 1, 2000");
        assertThat(w).doesNotContain("Sister", "Scared", "Moved to", "building B", "boss Chen");
    }

    @Test
    void datesSayHowExactlyTheyAreKnown() {
        String w = words(build(Audience.INTERNAL, LegalRole.NONE));
        assertThat(w).contains("Jan 5, 2026 | Identification", "March 2026 (month only) | Court hearing",
                "2025 (year only) | Medical care", "about Jan 7, 2026 | Shelter admission");
    }

    @Test
    void legalTrackHasTheHearingsAndFlagsASuspectUnderNonPunishment() {
        CaseSummary s = build(Audience.COURT, LegalRole.SUSPECT);
        Part legal = s.parts().stream().filter(p -> p.section() == Section.LEGAL).findFirst().orElseThrow();
        assertThat(words(new CaseSummary("", "", Audience.COURT, "", "", List.of(), List.of(legal), "")))
                .contains("Suspect", "Non-punishment principle", "Court hearing").doesNotContain("Medical care");
        Part services = s.parts().stream().filter(p -> p.section() == Section.SERVICES).findFirst().orElseThrow();
        assertThat(words(new CaseSummary("", "", Audience.COURT, "", "", List.of(), List.of(services), "")))
                .contains("Medical care", "Shelter admission").doesNotContain("Court hearing");
    }

    @Test
    void aScreeningFillsItsSectionWithTheIndicatorsFound() {
        ScreeningSummary screening = new ScreeningSummary(LocalDate.of(2026, 1, 9), "Presumed victim",
                List.of(new ScreeningSummary.Indicator("Retention of identity documents", "Passport kept by the boss"),
                        new ScreeningSummary.Indicator("Debt bondage", null)), "Interview: yes; data sharing: yes", "anna");
        String external = words(new SummaryBuilder("X", "anna", NOW).build(details(LegalRole.NONE), screening, SummaryOptions.all(Audience.EXTERNAL)));
        assertThat(external).contains("Presumed victim", "Indicators found (2)", "Retention of identity documents: Withheld", "Debt bondage")
                .doesNotContain("Passport kept", "Not screened");
        String internal = words(new SummaryBuilder("X", "anna", NOW).build(details(LegalRole.NONE), screening, SummaryOptions.all(Audience.INTERNAL)));
        assertThat(internal).contains("Retention of identity documents: Passport kept by the boss");
    }
}
