package org.haven.core.summaries;

import java.util.ArrayList;
import java.util.List;

/**
 * What a summary for one {@link Audience} may show. Pure rules, no data: the summary builder asks
 * these questions field by field, so one class decides what leaves the organisation.
 *
 * <ul>
 *   <li><b>INTERNAL</b>: everything. It stays inside the organisation, under the same access rules
 *       as the case itself.</li>
 *   <li><b>EXTERNAL</b> (partner organisations): a partner needs to know what happened and what
 *       help is given, not who the person is; a summary that travels by email or on paper can be
 *       lost or passed on. So no names, no aliases (compound nicknames identify too), no document
 *       number, no family contact, no free-text notes (they carry names and places), and the date of
 *       birth becomes an age.</li>
 *   <li><b>COURT</b>: a court must establish identity, so names, aliases (names used in evidence),
 *       the date of birth and the document number are shown. Family contacts are not: they would put
 *       relatives within reach of the defendants, and a court does not need them. Free-text notes are
 *       not: they are caseworkers' working observations and confidential disclosures, not evidence;
 *       the court gets the structured facts (dates, events, legal role, screening result).</li>
 * </ul>
 */
public record RedactionPolicy(Audience audience, boolean names, boolean aliases, boolean documentNumber,
                              boolean contacts, boolean notes, boolean exactBirthDate) {

    public static RedactionPolicy forAudience(Audience audience) {
        return switch (audience) {
            case INTERNAL -> new RedactionPolicy(audience, true, true, true, true, true, true);
            case EXTERNAL -> new RedactionPolicy(audience, false, false, false, false, false, false);
            case COURT -> new RedactionPolicy(audience, true, true, true, false, false, true);
        };
    }

    /** What kinds of data this policy withholds, for the notice on the first page. Empty: nothing. */
    public enum Withheld { NAMES, ALIASES, DOCUMENT_NUMBER, CONTACTS, NOTES, BIRTH_DATE }

    public List<Withheld> withheld() {
        List<Withheld> out = new ArrayList<>();
        if (!names) out.add(Withheld.NAMES);
        if (!aliases) out.add(Withheld.ALIASES);
        if (!documentNumber) out.add(Withheld.DOCUMENT_NUMBER);
        if (!contacts) out.add(Withheld.CONTACTS);
        if (!notes) out.add(Withheld.NOTES);
        if (!exactBirthDate) out.add(Withheld.BIRTH_DATE);
        return List.copyOf(out);
    }

    public boolean isRedacted() {
        return !withheld().isEmpty();
    }
}
