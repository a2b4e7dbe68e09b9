package org.haven.summaries;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.haven.app.I18n;
import org.haven.cases.CaseDetails;
import org.haven.cases.CaseFile;
import org.haven.cases.CaseStatus;
import org.haven.cases.LegalRole;
import org.haven.cases.Outcome;
import org.haven.operations.Operation;
import org.haven.people.Countries;
import org.haven.people.Person;
import org.haven.summaries.CaseSummary.Block;
import org.haven.summaries.CaseSummary.EventRow;
import org.haven.summaries.CaseSummary.Events;
import org.haven.summaries.CaseSummary.Field;
import org.haven.summaries.CaseSummary.Fields;
import org.haven.summaries.CaseSummary.Part;
import org.haven.summaries.CaseSummary.Photo;
import org.haven.summaries.CaseSummary.Style;
import org.haven.summaries.CaseSummary.Text;
import org.haven.timeline.CaseEvent;
import org.haven.timeline.DatePrecision;
import org.haven.timeline.EventType;

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

    private static final DateTimeFormatter PRODUCED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);

    private final String organisation;
    private final String producedBy;
    private final OffsetDateTime producedAt;

    public SummaryBuilder(String organisation, String producedBy, OffsetDateTime producedAt) {
        this.organisation = organisation == null || organisation.isBlank() ? SummarySettings.DEFAULT_ORGANISATION : organisation.strip();
        this.producedBy = producedBy;
        this.producedAt = producedAt;
    }

    public CaseSummary build(CaseDetails details, ScreeningSummary screening, SummaryOptions options) {
        RedactionPolicy policy = options.policy();
        CaseFile c = details.caseFile();
        List<Part> parts = new ArrayList<>();
        if (options.includes(Section.IDENTITY)) parts.add(identity(details, policy));
        if (options.includes(Section.CASE)) parts.add(caseStatus(details, policy));
        if (options.includes(Section.SCREENING)) parts.add(screening(screening, policy));
        if (options.includes(Section.TIMELINE)) {
            parts.add(new Part(Section.TIMELINE, I18n.t("summary.section.TIMELINE"),
                    List.of(events(details.events(), policy, I18n.t("summary.timeline.empty")))));
        }
        if (options.includes(Section.LEGAL)) parts.add(legal(details, screening, policy));
        if (options.includes(Section.SERVICES)) parts.add(services(details, policy));
        if (options.includes(Section.NOTES)) parts.add(notes(details, policy));

        String subtitle = I18n.t("summary.subtitle", I18n.label(options.audience()));
        String produced = I18n.t("summary.produced", producedBy, PRODUCED.format(producedAt));
        return new CaseSummary(organisation, c.caseNumber(), options.audience(),
                I18n.t("summary.title", c.caseNumber()), subtitle, notices(options), parts, produced);
    }

    /** The first page's box: what this audience does not get, and which sections were left out. */
    static List<String> notices(SummaryOptions options) {
        List<String> out = new ArrayList<>();
        RedactionPolicy policy = options.policy();
        if (policy.isRedacted()) {
            String what = policy.withheld().stream().map(w -> I18n.t("summary.withheld." + w.name()))
                    .collect(Collectors.joining(", "));
            out.add(I18n.t("summary.notice.redacted", I18n.label(options.audience()), what));
        } else {
            out.add(I18n.t("summary.notice.full"));
        }
        List<Section> left = EnumSet.allOf(Section.class).stream().filter(s -> !options.includes(s)).toList();
        if (!left.isEmpty()) {
            out.add(I18n.t("summary.notice.sections", left.stream().map(s -> I18n.t("summary.section." + s.name()))
                    .collect(Collectors.joining(", "))));
        }
        return out;
    }

    /**
     * "km, vi" as "Khmer, Vietnamese" in the summary's language (ICU's CLDR names); anything that is
     * not a language code ICU knows is printed as recorded.
     */
    static String languageNames(String recorded) {
        if (recorded == null || recorded.isBlank()) return recorded;
        com.ibm.icu.util.ULocale in = com.ibm.icu.util.ULocale.forLocale(I18n.locale());
        List<String> out = new ArrayList<>();
        for (String token : recorded.split("[,;]")) {
            String code = token.strip();
            if (code.isEmpty()) continue;
            String name = code.matches("[A-Za-z]{2,3}") ? com.ibm.icu.util.ULocale.getDisplayLanguage(code.toLowerCase(Locale.ROOT), in) : code;
            out.add(name.equalsIgnoreCase(code) ? code : name);
        }
        return String.join(", ", out);
    }

    private Part identity(CaseDetails d, RedactionPolicy policy) {
        Person p = d.person();
        List<Field> f = new ArrayList<>();
        f.add(personal("summary.field.nameNative", p.nameNative(), policy.names()));
        f.add(personal("summary.field.nameLatin", p.nameLatin(), policy.names()));
        f.add(personal("summary.field.aliases", p.aliases(), policy.aliases()));
        f.add(plain("summary.field.sex", I18n.label(p.sex())));
        f.add(birth(p, policy));
        f.add(plain("summary.field.nationality", p.nationality() == null ? null : Countries.name(p.nationality())));
        f.add(plain("summary.field.languages", languageNames(p.languages())));
        f.add(plain("summary.field.interpreter", I18n.t(p.interpreterNeeded() ? "summary.yes" : "summary.no")));
        f.add(plain("summary.field.documentStatus", I18n.label(p.documentStatus())));
        f.add(personal("summary.field.documentNumber", p.documentNumber(), policy.documentNumber()));
        f.add(personal("summary.field.familyContact", p.familyContact(), policy.contacts()));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Photo(I18n.t("summary.photo")));
        blocks.add(new Fields(f));
        return new Part(Section.IDENTITY, I18n.t("summary.section.IDENTITY"), blocks);
    }

    private Field birth(Person p, RedactionPolicy policy) {
        if (p.birthDate() != null && policy.exactBirthDate()) {
            return plain("summary.field.birthDate", p.birthDate().toString());
        }
        LocalDate today = producedAt.toLocalDate();
        if (p.birthDate() != null) {
            return new Field(I18n.t("summary.field.age"), I18n.t("summary.age.fromBirth", p.ageOn(today)), false);
        }
        if (p.estimatedAge() != null) {
            return new Field(I18n.t("summary.field.age"), I18n.t("summary.age.estimated", p.estimatedAge()), false);
        }
        return plain("summary.field.age", null);
    }

    private Part caseStatus(CaseDetails d, RedactionPolicy policy) {
        CaseFile c = d.caseFile();
        List<Field> f = new ArrayList<>();
        f.add(plain("summary.field.caseNumber", c.caseNumber()));
        f.add(plain("summary.field.status", I18n.label(c.status())));
        if (c.status() == CaseStatus.CLOSED) {
            f.add(plain("summary.field.outcome", I18n.label(c.outcome())));
            f.add(plain("summary.field.closedOn", c.closedOn() == null ? null : c.closedOn().toString()));
            f.add(personal("summary.field.closingReason", c.closingReason(), policy.notes()));
        }
        f.add(plain("summary.field.openedOn", c.openedOn().toString()));
        f.add(plain("summary.field.caseworker", d.assignedToName() == null ? I18n.t("summary.unassigned") : d.assignedToName()));
        Operation o = d.operation();
        if (o != null) {
            String where = String.join(", ", nonBlank(o.place(), o.province()));
            f.add(plain("summary.field.operation", o.code() + " \u2014 " + o.name() + " (" + o.date()
                    + (where.isEmpty() ? "" : ", " + where) + ")"));
        }
        return new Part(Section.CASE, I18n.t("summary.section.CASE"), List.of(new Fields(f)));
    }

    private Part screening(ScreeningSummary s, RedactionPolicy policy) {
        List<Block> blocks = new ArrayList<>();
        if (s == null) {
            blocks.add(new Text(I18n.t("summary.screening.none"), Style.MUTED));
        } else {
            List<Field> f = new ArrayList<>();
            f.add(plain("summary.field.screeningDate", s.date() == null ? null : s.date().toString()));
            f.add(plain("summary.field.determination", s.determination()));
            if (s.consent() != null) f.add(plain("summary.field.consent", s.consent()));
            if (s.interviewer() != null) f.add(plain("summary.field.interviewer", s.interviewer()));
            blocks.add(new Fields(f));
            if (s.indicators().isEmpty()) {
                blocks.add(new Text(I18n.t("summary.screening.noIndicators"), Style.NORMAL));
            } else {
                List<Field> ind = new ArrayList<>();
                for (ScreeningSummary.Indicator i : s.indicators()) {
                    boolean hasNote = i.note() != null && !i.note().isBlank();
                    String value = !hasNote ? "" : policy.notes() ? i.note().strip() : I18n.t("summary.withheldValue");
                    ind.add(new Field(i.label(), value, hasNote && !policy.notes()));
                }
                blocks.add(new Text(I18n.t("summary.screening.indicators", s.indicators().size()), Style.NORMAL));
                blocks.add(new Fields(ind));
            }
        }
        return new Part(Section.SCREENING, I18n.t("summary.section.SCREENING"), blocks);
    }

    private Part legal(CaseDetails d, ScreeningSummary s, RedactionPolicy policy) {
        List<Block> blocks = new ArrayList<>();
        LegalRole role = d.caseFile().legalRole();
        blocks.add(new Fields(List.of(plain("summary.field.legalRole", I18n.label(role)))));
        if (role == LegalRole.SUSPECT) {
            blocks.add(new Text(I18n.t("summary.legal.nonPunishment"), Style.WARNING));
        }
        List<CaseEvent> legal = d.events().stream().filter(e -> LEGAL.contains(e.type())).toList();
        blocks.add(events(legal, policy, I18n.t("summary.legal.empty")));
        return new Part(Section.LEGAL, I18n.t("summary.section.LEGAL"), blocks);
    }

    private Part services(CaseDetails d, RedactionPolicy policy) {
        List<Block> blocks = new ArrayList<>();
        if (d.caseFile().outcome() == Outcome.REFERRED) {
            blocks.add(new Text(I18n.t("summary.services.referred"), Style.NORMAL));
        }
        List<CaseEvent> services = d.events().stream().filter(e -> SERVICES.contains(e.type())).toList();
        blocks.add(events(services, policy, I18n.t("summary.services.empty")));
        return new Part(Section.SERVICES, I18n.t("summary.section.SERVICES"), blocks);
    }

    private Part notes(CaseDetails d, RedactionPolicy policy) {
        List<Block> blocks = new ArrayList<>();
        if (!policy.notes()) {
            blocks.add(new Text(I18n.t("summary.notes.withheld"), Style.MUTED));
        } else {
            String notes = d.person().notes();
            blocks.add(notes == null || notes.isBlank()
                    ? new Text(I18n.t("summary.notes.none"), Style.MUTED)
                    : new Text(notes.strip(), Style.NORMAL));
        }
        return new Part(Section.NOTES, I18n.t("summary.section.NOTES"), blocks);
    }

    private static Events events(List<CaseEvent> events, RedactionPolicy policy, String emptyText) {
        List<EventRow> rows = new ArrayList<>(events.size());
        for (CaseEvent e : events) {
            boolean hasNote = e.note() != null && !e.note().isBlank();
            String note = !hasNote ? "" : policy.notes() ? e.note().strip() : I18n.t("summary.withheldValue");
            rows.add(new EventRow(date(e.date(), e.precision()), I18n.label(e.type()), note, hasNote && !policy.notes(),
                    e.recordedByName() == null ? "" : e.recordedByName()));
        }
        List<String> headers = List.of(I18n.t("summary.col.date"), I18n.t("summary.col.event"),
                I18n.t("summary.col.note"), I18n.t("summary.col.recordedBy"));
        return new Events(headers, rows, emptyText);
    }

    /** A date as honestly known: exact day, month only, year only, or "about". */
    static String date(LocalDate date, DatePrecision precision) {
        return switch (precision) {
            case DAY -> date.toString();
            case MONTH -> I18n.t("summary.date.month", precision.format(date));
            case YEAR -> I18n.t("summary.date.year", precision.format(date));
            case APPROXIMATE -> I18n.t("summary.date.about", date.toString());
        };
    }

    private static Field plain(String key, String value) {
        return new Field(I18n.t(key), value == null || value.isBlank() ? "\u2014" : value.strip(), false);
    }

    /** A personal value: shown, or replaced by "withheld" when the audience may not see it. Empty stays empty. */
    private static Field personal(String key, String value, boolean allowed) {
        if (value == null || value.isBlank()) return new Field(I18n.t(key), "\u2014", false);
        if (!allowed) return new Field(I18n.t(key), I18n.t("summary.withheldValue"), true);
        return new Field(I18n.t(key), value.strip(), false);
    }

    private static List<String> nonBlank(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) if (v != null && !v.isBlank()) out.add(v.strip());
        return out;
    }
}
