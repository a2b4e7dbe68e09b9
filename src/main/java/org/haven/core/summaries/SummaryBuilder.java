package org.haven.core.summaries;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.haven.core.cases.CaseDetails;
import org.haven.core.cases.CaseFile;
import org.haven.core.cases.CaseStatus;
import org.haven.core.cases.LegalRole;
import org.haven.core.cases.Outcome;
import org.haven.core.common.Messages;
import org.haven.core.operations.Operation;
import org.haven.core.people.Person;
import org.haven.core.reports.SummarySettings;
import org.haven.core.summaries.CaseSummary.Block;
import org.haven.core.summaries.CaseSummary.EventRow;
import org.haven.core.summaries.CaseSummary.Events;
import org.haven.core.summaries.CaseSummary.Field;
import org.haven.core.summaries.CaseSummary.Fields;
import org.haven.core.summaries.CaseSummary.Part;
import org.haven.core.summaries.CaseSummary.Photo;
import org.haven.core.summaries.CaseSummary.Style;
import org.haven.core.summaries.CaseSummary.Text;
import org.haven.core.timeline.CaseEvent;
import org.haven.core.timeline.DatePrecision;
import org.haven.core.timeline.EventType;

/**
 * Turns a case (person, case, timeline, screening) into a {@link CaseSummary} for one audience.
 * Pure: no database, no PDF. Every personal value passes through the {@link RedactionPolicy} here,
 * so a redacted summary cannot contain what this class did not put in.
 */
public final class SummaryBuilder {
    /** Events shown under "Legal track". */
    static final Set<EventType> LEGAL = EnumSet.of(EventType.LEGAL_AID, EventType.POLICE_STATEMENT, EventType.COURT_HEARING);
    /** Events shown under "Services and referrals". */
    static final Set<EventType> SERVICES = EnumSet.of(EventType.SHELTER_ADMISSION, EventType.SHELTER_EXIT,
            EventType.MEDICAL, EventType.PSYCHOSOCIAL, EventType.EMBASSY_CONTACT, EventType.TRAVEL_DOCUMENT_ISSUED,
            EventType.REPATRIATION, EventType.DEPORTATION, EventType.FAMILY_REUNIFICATION, EventType.FOLLOW_UP);

    private final Messages m;
    private final SummaryDates dates;
    private final String organisation;
    private final String address;
    private final Staff producedBy;
    private final Map<UUID, Staff> staff;
    private final OffsetDateTime producedAt;

    /** English, no address, staff known by login only (tests and simple callers). */
    public SummaryBuilder(String organisation, String producedBy, OffsetDateTime producedAt) {
        this(Messages.english(), organisation, null, new Staff(producedBy, null, null), Map.of(), producedAt);
    }

    /**
     * @param m          the summary's language
     * @param address    the organisation's address (printed on court copies), or null
     * @param producedBy who produces the summary
     * @param staff      every staff member by id, to name caseworkers and event authors as the audience may see them
     */
    public SummaryBuilder(Messages m, String organisation, String address, Staff producedBy, Map<UUID, Staff> staff,
                          OffsetDateTime producedAt) {
        this.m = m;
        this.dates = new SummaryDates(m.locale());
        this.organisation = organisation == null || organisation.isBlank() ? SummarySettings.DEFAULT_ORGANISATION : organisation.strip();
        this.address = address == null || address.isBlank() ? null : address.strip();
        this.producedBy = producedBy;
        this.staff = Map.copyOf(staff);
        this.producedAt = producedAt;
    }

    public Messages messages() {
        return m;
    }

    /** Who produced the summaries, as this audience may see them. */
    public String producedBy(Audience audience) {
        return producedBy.shownTo(audience, m);
    }

    /** When, in the summary's language. */
    public String producedAt() {
        return dates.timestamp(producedAt);
    }

    public CaseSummary build(CaseDetails details, ScreeningSummary screening, SummaryOptions options) {
        RedactionPolicy policy = options.policy();
        Audience audience = options.audience();
        CaseFile c = details.caseFile();
        List<Part> parts = new ArrayList<>();
        if (options.includes(Section.IDENTITY)) parts.add(identity(details, policy));
        if (options.includes(Section.CASE)) parts.add(caseStatus(details, policy));
        if (options.includes(Section.SCREENING)) parts.add(screening(screening, policy));
        if (options.includes(Section.TIMELINE)) {
            parts.add(new Part(Section.TIMELINE, m.t("summary.section.TIMELINE"),
                    List.of(events(details.events(), policy, m.t("summary.timeline.empty")))));
        }
        if (options.includes(Section.LEGAL)) parts.add(legal(details, screening, policy));
        if (options.includes(Section.SERVICES)) parts.add(services(details, policy));
        // A court gets no free-text notes at all: a section saying so is noise in a court file.
        if (options.includes(Section.NOTES) && audience != Audience.COURT) parts.add(notes(details, policy));
        if (audience == Audience.COURT) parts.add(certification(screening));

        String subtitle = m.t("summary.subtitle", m.label(audience));
        String produced = m.t("summary.produced", producedBy(audience), producedAt());
        return new CaseSummary(organisation, c.caseNumber(), audience,
                m.t("summary.title", c.caseNumber()), subtitle, notices(options), parts, produced);
    }

    /**
     * What a court asks for at the end of a court copy: the legal basis (consent to data sharing, or
     * plainly that none is recorded), who certifies the extract, the organisation and its address,
     * and blank signature and date lines. Not a section a user can leave out.
     */
    private Part certification(ScreeningSummary s) {
        List<Block> blocks = new ArrayList<>();
        String consent;
        if (s == null || s.consent() == null) {
            consent = m.t("summary.court.consent.none");
        } else if (Boolean.TRUE.equals(s.sharesWithLawEnforcement())) {
            consent = m.t("summary.court.consent.granted", s.consent());
        } else {
            consent = m.t("summary.court.consent.notCovering", s.consent());
        }
        blocks.add(new Fields(List.of(new Field(m.t("summary.court.legalBasis"), consent, false))));
        blocks.add(new Text(m.t("summary.court.certify", organisation), Style.NORMAL));
        List<Field> who = new ArrayList<>();
        who.add(new Field(m.t("summary.court.name"), producedBy.hasFullName() ? producedBy.fullName().strip() : "", false));
        who.add(new Field(m.t("summary.court.role"), producedBy.role() == null ? "" : m.label(producedBy.role()), false));
        // The organisation is named in the certifying sentence above (and heads the page): no row of its own.
        who.add(new Field(m.t("summary.court.address"), address == null ? m.t("summary.court.noAddress") : address, address == null));
        blocks.add(new Fields(who));
        blocks.add(new CaseSummary.Signature(List.of(m.t("summary.court.signature"), m.t("summary.court.date"))));
        return new Part(null, m.t("summary.section.CERTIFICATION"), blocks);
    }

    /** A court is told who is responsible for the case: full name and role. */
    private String caseworker(Staff s, Audience audience) {
        if (audience == Audience.COURT && s.hasFullName() && s.role() != null) {
            return m.t("summary.staff.nameAndRole", s.fullName().strip(), m.label(s.role()));
        }
        return s.shownTo(audience, m);
    }

    private Staff staff(UUID id, String login) {
        Staff s = id == null ? null : staff.get(id);
        return s != null ? s : new Staff(login, null, null);
    }

    /** The first page's box: what this audience does not get, and which sections were left out. */
    List<String> notices(SummaryOptions options) {
        List<String> out = new ArrayList<>();
        RedactionPolicy policy = options.policy();
        if (policy.isRedacted()) {
            String what = policy.withheld().stream().map(w -> m.t("summary.withheld." + w.name()))
                    .collect(Collectors.joining(", "));
            out.add(m.t("summary.notice.redacted", m.label(options.audience()), what));
        } else {
            out.add(m.t("summary.notice.full"));
        }
        List<Section> left = EnumSet.allOf(Section.class).stream().filter(s -> !options.includes(s)).toList();
        if (!left.isEmpty()) {
            out.add(m.t("summary.notice.sections", left.stream().map(s -> m.t("summary.section." + s.name()))
                    .collect(Collectors.joining(", "))));
        }
        return out;
    }

    /**
     * "km, vi" as "Khmer, Vietnamese" in the summary's language (ICU's CLDR names); anything that is
     * not a language code ICU knows is printed as recorded.
     */
    String languageNames(String recorded) {
        return org.haven.core.common.LanguageNames.of(recorded, m.locale());
    }

    private Part identity(CaseDetails d, RedactionPolicy policy) {
        Person p = d.person();
        List<Field> f = new ArrayList<>();
        f.add(personal("summary.field.nameNative", p.nameNative(), policy.names()));
        // A Latin name Haven derived from the native one is printed as such, never as the person's own spelling.
        String latin = p.latinDerived() && p.nameLatin() != null
                ? p.nameLatin() + " (" + m.t("person.nameLatin.derived") + ")" : p.nameLatin();
        f.add(personal("summary.field.nameLatin", latin, policy.names()));
        f.add(personal("summary.field.aliases", p.aliases(), policy.aliases()));
        f.add(plain("summary.field.sex", m.label(p.sex())));
        f.add(birth(p, policy));
        f.add(plain("summary.field.nationality", p.nationality() == null ? null : m.country(p.nationality())));
        f.add(plain("summary.field.languages", languageNames(p.languages())));
        f.add(plain("summary.field.interpreter", m.t(p.interpreterNeeded() ? "summary.yes" : "summary.no")));
        f.add(plain("summary.field.documentStatus", m.label(p.documentStatus())));
        f.add(personal("summary.field.documentNumber", p.documentNumber(), policy.documentNumber()));
        f.add(personal("summary.field.familyContact", p.familyContact(), policy.contacts()));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Photo(m.t("summary.photo")));
        blocks.add(new Fields(f));
        return new Part(Section.IDENTITY, m.t("summary.section.IDENTITY"), blocks);
    }

    private Field birth(Person p, RedactionPolicy policy) {
        if (p.birthDate() != null && policy.exactBirthDate()) {
            return plain("summary.field.birthDate", dates.day(p.birthDate()));
        }
        LocalDate today = producedAt.toLocalDate();
        if (p.birthDate() != null) {
            return new Field(m.t("summary.field.age"), m.t("summary.age.fromBirth", p.ageOn(today)), false);
        }
        if (p.estimatedAge() != null) {
            return new Field(m.t("summary.field.age"), m.t("summary.age.estimated", p.estimatedAge()), false);
        }
        return plain("summary.field.age", null);
    }

    private Part caseStatus(CaseDetails d, RedactionPolicy policy) {
        CaseFile c = d.caseFile();
        List<Field> f = new ArrayList<>();
        f.add(plain("summary.field.caseNumber", c.caseNumber()));
        f.add(plain("summary.field.status", m.label(c.status())));
        if (c.status() == CaseStatus.CLOSED) {
            f.add(plain("summary.field.outcome", m.label(c.outcome())));
            f.add(plain("summary.field.closedOn", dates.day(c.closedOn())));
            f.add(personal("summary.field.closingReason", c.closingReason(), policy.notes()));
        }
        f.add(plain("summary.field.openedOn", dates.day(c.openedOn())));
        f.add(plain("summary.field.caseworker", d.assignedToName() == null ? m.t("summary.unassigned")
                : caseworker(staff(c.assignedTo(), d.assignedToName()), policy.audience())));
        Operation o = d.operation();
        if (o != null) {
            String where = String.join(", ", nonBlank(o.place(), o.province()));
            f.add(plain("summary.field.operation", o.code() + " \u2014 " + o.name() + " (" + dates.day(o.date())
                    + (where.isEmpty() ? "" : ", " + where) + ")"));
        }
        return new Part(Section.CASE, m.t("summary.section.CASE"), List.of(new Fields(f)));
    }

    private Part screening(ScreeningSummary s, RedactionPolicy policy) {
        List<Block> blocks = new ArrayList<>();
        if (s == null) {
            blocks.add(new Text(m.t("summary.screening.none"), Style.MUTED));
        } else {
            List<Field> f = new ArrayList<>();
            f.add(plain("summary.field.screeningDate", dates.day(s.date())));
            f.add(plain("summary.field.determination", s.determination()));
            if (s.consent() != null) f.add(plain("summary.field.consent", s.consent()));
            if (s.interviewer() != null) {
                f.add(plain("summary.field.interviewer", staff(s.interviewerId(), s.interviewer()).shownTo(policy.audience(), m)));
            }
            blocks.add(new Fields(f));
            if (s.indicators().isEmpty()) {
                blocks.add(new Text(m.t("summary.screening.noIndicators"), Style.NORMAL));
            } else {
                List<Field> ind = new ArrayList<>();
                for (ScreeningSummary.Indicator i : s.indicators()) {
                    boolean hasNote = i.note() != null && !i.note().isBlank();
                    String value = !hasNote ? "" : policy.notes() ? i.note().strip() : m.t("summary.withheldValue");
                    ind.add(new Field(i.label(), value, hasNote && !policy.notes()));
                }
                blocks.add(new Text(m.t("summary.screening.indicators", s.indicators().size()), Style.NORMAL));
                blocks.add(new Fields(ind));
            }
        }
        return new Part(Section.SCREENING, m.t("summary.section.SCREENING"), blocks);
    }

    private Part legal(CaseDetails d, ScreeningSummary s, RedactionPolicy policy) {
        List<Block> blocks = new ArrayList<>();
        LegalRole role = d.caseFile().legalRole();
        blocks.add(new Fields(List.of(plain("summary.field.legalRole", m.label(role)))));
        if (role == LegalRole.SUSPECT) {
            blocks.add(new Text(m.t("summary.legal.nonPunishment"), Style.WARNING));
        }
        List<CaseEvent> legal = d.events().stream().filter(e -> LEGAL.contains(e.type())).toList();
        blocks.add(events(legal, policy, m.t("summary.legal.empty")));
        return new Part(Section.LEGAL, m.t("summary.section.LEGAL"), blocks);
    }

    private Part services(CaseDetails d, RedactionPolicy policy) {
        List<Block> blocks = new ArrayList<>();
        if (d.caseFile().outcome() == Outcome.REFERRED) {
            blocks.add(new Text(m.t("summary.services.referred"), Style.NORMAL));
        }
        List<CaseEvent> services = d.events().stream().filter(e -> SERVICES.contains(e.type())).toList();
        blocks.add(events(services, policy, m.t("summary.services.empty")));
        return new Part(Section.SERVICES, m.t("summary.section.SERVICES"), blocks);
    }

    private Part notes(CaseDetails d, RedactionPolicy policy) {
        List<Block> blocks = new ArrayList<>();
        if (!policy.notes()) {
            blocks.add(new Text(m.t("summary.notes.withheld"), Style.MUTED));
        } else {
            String notes = d.person().notes();
            blocks.add(notes == null || notes.isBlank()
                    ? new Text(m.t("summary.notes.none"), Style.MUTED)
                    : new Text(notes.strip(), Style.NORMAL));
        }
        return new Part(Section.NOTES, m.t("summary.section.NOTES"), blocks);
    }

    private Events events(List<CaseEvent> events, RedactionPolicy policy, String emptyText) {
        List<EventRow> rows = new ArrayList<>(events.size());
        for (CaseEvent e : events) {
            boolean hasNote = e.note() != null && !e.note().isBlank();
            String note = !hasNote ? "" : policy.notes() ? e.note().strip() : m.t("summary.withheldValue");
            rows.add(new EventRow(date(e.date(), e.precision()), m.label(e.type()), note, hasNote && !policy.notes(),
                    e.recordedByName() == null ? "" : staff(e.recordedBy(), e.recordedByName()).shortShownTo(policy.audience(), m)));
        }
        List<String> headers = List.of(m.t("summary.col.date"), m.t("summary.col.event"),
                m.t("summary.col.note"), m.t("summary.col.recordedBy"));
        return new Events(headers, rows, emptyText);
    }

    /** A date as honestly known: exact day, month only, year only, or "about". */
    String date(LocalDate date, DatePrecision precision) {
        return switch (precision) {
            case DAY -> dates.day(date);
            case MONTH -> m.t("summary.date.month", dates.month(date));
            case YEAR -> m.t("summary.date.year", dates.year(date));
            case APPROXIMATE -> m.t("summary.date.about", dates.day(date));
        };
    }

    private Field plain(String key, String value) {
        return new Field(m.t(key), value == null || value.isBlank() ? "\u2014" : value.strip(), false);
    }

    /** A personal value: shown, or replaced by "withheld" when the audience may not see it. Empty stays empty. */
    private Field personal(String key, String value, boolean allowed) {
        if (value == null || value.isBlank()) return new Field(m.t(key), "\u2014", false);
        if (!allowed) return new Field(m.t(key), m.t("summary.withheldValue"), true);
        return new Field(m.t(key), value.strip(), false);
    }

    private static List<String> nonBlank(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) if (v != null && !v.isBlank()) out.add(v.strip());
        return out;
    }
}
