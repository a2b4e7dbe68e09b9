package org.haven.core.summaries;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the user asked for: the audience, the sections to include and the summary's language (one
 * of {@link org.haven.core.common.Messages#SUPPORTED}; names are printed as recorded whatever it is).
 */
public record SummaryOptions(Audience audience, Set<Section> sections, Locale language) {
    public SummaryOptions {
        if (audience == null) throw new IllegalArgumentException("audience");
        sections = sections == null || sections.isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(sections);
        language = language == null ? Locale.ENGLISH : language;
    }

    /** In English. */
    public SummaryOptions(Audience audience, Set<Section> sections) {
        this(audience, sections, Locale.ENGLISH);
    }

    public static SummaryOptions all(Audience audience) {
        return new SummaryOptions(audience, EnumSet.allOf(Section.class));
    }

    public static SummaryOptions all(Audience audience, Locale language) {
        return new SummaryOptions(audience, EnumSet.allOf(Section.class), language);
    }

    public boolean includes(Section s) {
        return sections.contains(s);
    }

    public RedactionPolicy policy() {
        return RedactionPolicy.forAudience(audience);
    }
}
