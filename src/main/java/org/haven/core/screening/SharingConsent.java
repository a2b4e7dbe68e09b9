package org.haven.core.screening;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.haven.core.common.HavenException;
import org.haven.core.common.PlainText;
import org.jooq.DSLContext;

/**
 * Whether a person agreed that their data may leave the organisation, and for whom. The consent that
 * counts is the one of the case's latest screening. A summary for a partner needs consent to share
 * with service providers or the embassy; a court copy consent to share with law enforcement; the
 * identified export (names, documents, contacts: a list that can go anywhere) any sharing consent.
 * Without it, the data leaves only with an override whose reason the audit log keeps. The anonymized
 * export holds no personal data and needs none (see docs/security.md).
 */
public final class SharingConsent {
    /** Who the data goes to. */
    public enum Recipient {
        PARTNER(EnumSet.of(ConsentPurpose.SHARE_SERVICE_PROVIDERS, ConsentPurpose.SHARE_EMBASSY)),
        COURT(EnumSet.of(ConsentPurpose.SHARE_LAW_ENFORCEMENT)),
        ANY(EnumSet.of(ConsentPurpose.SHARE_SERVICE_PROVIDERS, ConsentPurpose.SHARE_EMBASSY, ConsentPurpose.SHARE_LAW_ENFORCEMENT));

        private final Set<ConsentPurpose> purposes;

        Recipient(Set<ConsentPurpose> purposes) {
            this.purposes = purposes;
        }

        /** Any of these purposes granted is consent for this recipient. */
        public Set<ConsentPurpose> purposes() {
            return EnumSet.copyOf(purposes);
        }
    }

    /** The longest override reason kept (it goes into the audit entry). */
    public static final int MAX_REASON = 300;

    private SharingConsent() {}

    /** True when this consent covers sharing with the recipient. */
    public static boolean covers(Consent consent, Recipient recipient) {
        return consent != null && recipient.purposes.stream().anyMatch(consent::grants);
    }

    /** The case numbers, among these cases, whose latest screening records no consent for the recipient, sorted. */
    public static List<String> lacking(DSLContext tx, Collection<UUID> caseIds, Recipient recipient) {
        Set<UUID> covered = new HashSet<>(ScreeningReportRepository.consenting(tx, caseIds,
                recipient.purposes.stream().map(Enum::name).toList()));
        List<UUID> missing = caseIds.stream().filter(id -> !covered.contains(id)).distinct().toList();
        if (missing.isEmpty()) return List.of();
        return ScreeningReportRepository.caseNumbers(tx, missing);
    }

    /** How many of all cases have no consent for the recipient (the identified export covers every case). */
    public static int lackingAmongAll(DSLContext tx, Recipient recipient) {
        return ScreeningReportRepository.notConsentingAmongAll(tx, recipient.purposes.stream().map(Enum::name).toList());
    }

    /**
     * The override's reason, checked: null or blank means "no override"; otherwise one line of plain
     * text of at most {@link #MAX_REASON} characters (it is kept in the audit log).
     */
    public static String reason(String text) {
        if (text == null || text.isBlank()) return null;
        String v = text.strip();
        String problem = PlainText.lineProblem(v);
        if (problem != null) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, PlainText.ONLY_INVISIBLE.equals(problem)
                    ? "error.consent.reasonInvisible" : "error.consent.reasonControl");
        }
        if (v.length() > MAX_REASON) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.consent.reasonTooLong", String.valueOf(MAX_REASON));
        return v;
    }

    /** The refusal when consent is missing and no reason was given; names at most three case numbers. */
    public static HavenException missing(List<String> caseNumbers) {
        String shown = String.join(", ", caseNumbers.subList(0, Math.min(3, caseNumbers.size())));
        return caseNumbers.size() > 3
                ? HavenException.of(HavenException.Kind.BAD_INPUT, "error.consent.missingMore", shown, String.valueOf(caseNumbers.size() - 3))
                : HavenException.of(HavenException.Kind.BAD_INPUT, "error.consent.missing", shown);
    }

    /** The refusal for the identified export, which covers every case. */
    public static HavenException missing(int cases) {
        return HavenException.of(HavenException.Kind.BAD_INPUT, "error.consent.missingCount", String.valueOf(cases));
    }
}
