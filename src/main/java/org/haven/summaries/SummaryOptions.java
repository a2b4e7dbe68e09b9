package org.haven.summaries;

import java.util.EnumSet;
import java.util.Set;

/** What the user asked for: the audience and the sections to include. */
public record SummaryOptions(Audience audience, Set<Section> sections) {
    public SummaryOptions {
        if (audience == null) throw new IllegalArgumentException("audience");
        sections = sections == null || sections.isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(sections);
    }

    public static SummaryOptions all(Audience audience) {
        return new SummaryOptions(audience, EnumSet.allOf(Section.class));
    }

    public boolean includes(Section s) {
        return sections.contains(s);
    }

    public RedactionPolicy policy() {
        return RedactionPolicy.forAudience(audience);
    }
}
